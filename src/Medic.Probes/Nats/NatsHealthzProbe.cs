using Medic.Core.Probing;
using static Medic.Probes.Nats.NatsJson;

namespace Medic.Probes.Nats;

/// <summary>
/// <c>nats.healthz</c>: the server's own health check. HTTP 503 with <c>{"status": "unavailable", "error": …}</c> is
/// an answer (healthy: false), not a probe failure.
/// </summary>
internal sealed class NatsHealthzProbe : NatsMonitorProbe
{
    public override string Name => "nats.healthz";

    public override string Description =>
        "the server's /healthz: healthy, its status and error (JetStream not current, store unavailable, …); "
        + "with jetstream: true, also fails when JetStream is not enabled (nats-server 2.10+)";

    public override IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("jetstream", ParameterType.Bool, Description: "ask for ?js-enabled-only=true: unhealthy when JetStream is off (2.10+)"),
    ];

    protected override async Task<ProbeResult> ExamineAsync(NatsMonitorRun run, CancellationToken cancellationToken)
    {
        var query = run.Context.GetBool("jetstream") == true ? "?js-enabled-only=true" : "";
        var (status, json) = await run.GetAsync("healthz", query, cancellationToken, 503).ConfigureAwait(false);
        var word = String(json, "status");
        var data = run.Data;
        data["status_code"] = status;
        data["status"] = word;
        data["healthy"] = status is >= 200 and <= 299 && string.Equals(word, "ok", StringComparison.OrdinalIgnoreCase);
        data["error"] = String(json, "error");
        return ProbeResult.Ok(data);
    }
}
