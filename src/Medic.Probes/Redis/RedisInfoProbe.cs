using Medic.Core.Probing;

namespace Medic.Probes.Redis;

/// <summary>INFO, every section parsed into typed values, plus summaries of memory, clients, persistence and replication.</summary>
internal sealed class RedisInfoProbe : RedisProbe
{
    public override string Name => "redis.info";

    public override string Description => "INFO parsed (memory vs maxmemory, evictions, clients, persistence, replication)";

    public override IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("section", ParameterType.String, Description: "INFO section to read (default: all)"),
    ];

    protected override async Task<ProbeResult> ExamineAsync(RedisProbeRun run, CancellationToken cancellationToken)
    {
        var section = run.Context.GetString("section") is { Length: > 0 } s ? s : "all";
        var reply = await run.Connection.CallAsync(["INFO", section], cancellationToken).ConfigureAwait(false);
        var sections = RedisInfo.Parse(reply.Text ?? "");
        run.Data["section"] = section;
        RedisInfoSummary.AddAll(new InfoView(sections), run.Data);
        run.Data["sections"] = sections;
        return ProbeResult.Ok(run.Data);
    }
}
