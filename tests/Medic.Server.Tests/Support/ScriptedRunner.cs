using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Server.Scheduling;

namespace Medic.Server.Tests.Support;

/// <summary>
/// A runner whose reports the test sets: one system, and per run a list of findings and observations. Used where the
/// test checks how the server records and shows runs, not how probes find causes (the browser test uses real probes).
/// </summary>
internal sealed class ScriptedRunner(string system) : ISystemRunner
{
    public IReadOnlyList<string> Systems => [system];

    public List<Finding> Findings { get; } = [];

    public List<Observation> Observations { get; } = [];

    public Task<(Report Report, SecretSet Secrets)> RunAsync(string name, CancellationToken cancellationToken)
    {
        var report = new Report(name, DateTimeOffset.UtcNow, 42, new ReportSummary(Findings.Count, 0, 0, 0, Observations.Count, 0), [.. Findings], [.. Observations]);
        return Task.FromResult((report, SecretSet.Empty));
    }

    public static Finding Finding(string component, string cause, Severity severity, string title, string evidenceValue) =>
        new("test.runbook", cause, severity, 1, component, title, $"Because {component} said so.",
            [new Evidence("tcp.connect", "connect.error.kind", JsonValue.Create(evidenceValue))], "Start the service again.", []);

    public static Observation Observation(string component, string probe, double ms, string? errorKind = null) =>
        new(probe, component, [], DateTimeOffset.UtcNow, ms, errorKind is null ? ObservationStatus.Ok : ObservationStatus.Error,
            errorKind is null ? new JsonObject { ["ok"] = true } : null, errorKind is null ? null : new ProbeError(errorKind, "it failed"));
}
