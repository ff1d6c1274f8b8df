using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Server.Scheduling;

namespace Medic.Server.UiBench;

/// <summary>One system of <c>components</c> components with two probes each; every tenth component has a finding.</summary>
internal sealed class SyntheticRunner(int components) : ISystemRunner
{
    public IReadOnlyList<string> Systems => ["bench"];

    public Task<(Report Report, SecretSet Secrets)> RunAsync(string system, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var observations = new List<Observation>();
        var findings = new List<Finding>();
        for (var c = 0; c < components; c++)
        {
            var name = $"svc-{c:D5}";
            var ms = 1 + Random.Shared.NextDouble() * 40;
            observations.Add(new Observation("tcp.connect", name, [], now, ms, ObservationStatus.Ok, new JsonObject { ["connect_ms"] = ms }, null));
            var failed = c % 10 == 0;
            observations.Add(new Observation("http.get", name, [], now, ms * 2, failed ? ObservationStatus.Error : ObservationStatus.Ok,
                failed ? null : new JsonObject { ["status_code"] = 200 }, failed ? new ProbeError("refused", "connection refused") : null));
            if (failed)
            {
                findings.Add(new Finding("http.unhealthy", "unreachable", Severity.Critical, 0.9, name, $"{name} does not answer",
                    $"Connecting to {name} was refused.", [new Evidence("http.get", "health.error.kind", JsonValue.Create("refused"))], "Start it.", []));
            }
        }

        var report = new Report(system, now, 100, new ReportSummary(findings.Count, 0, 0, 0, observations.Count, findings.Count), findings, observations);
        return Task.FromResult((report, SecretSet.Empty));
    }
}
