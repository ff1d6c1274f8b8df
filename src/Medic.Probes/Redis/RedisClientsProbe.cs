using System.Text.Json.Nodes;
using Medic.Core.Probing;

namespace Medic.Probes.Redis;

/// <summary>CLIENT LIST summarised (Medic's own connection left out), with connected clients against maxclients.</summary>
internal sealed class RedisClientsProbe : RedisProbe
{
    public override string Name => "redis.clients";

    public override string Description => "CLIENT LIST summary: counts by name, command, user and IP, idle buckets, blocked, maxclients";

    protected override async Task<ProbeResult> ExamineAsync(RedisProbeRun run, CancellationToken cancellationToken)
    {
        // Two calls, since servers before 7.0 take one INFO section at a time.
        var clients = await run.Connection.ExecuteAsync(["INFO", "clients"], cancellationToken).ConfigureAwait(false);
        var stats = await run.Connection.ExecuteAsync(["INFO", "stats"], cancellationToken).ConfigureAwait(false);
        var text = string.Concat(clients.IsError ? "" : clients.Text, "\r\n", stats.IsError ? "" : stats.Text);
        var limits = RedisInfoSummary.Clients(new InfoView(RedisInfo.Parse(text)));
        var self = await run.Connection.ExecuteAsync(["CLIENT", "ID"], cancellationToken).ConfigureAwait(false);
        var list = await run.Connection.ExecuteAsync(["CLIENT", "LIST"], cancellationToken).ConfigureAwait(false);
        if (RedisSession.IsRefusedCommand(list))
        {
            run.Data["available"] = false;
            run.Data["reason"] = $"CLIENT LIST is not available to this client ({list.Text})";
        }
        else if (list.IsError)
        {
            throw new RedisServerException(list.Text ?? "", "CLIENT LIST");
        }
        else
        {
            run.Data["available"] = true;
            foreach (var (key, value) in ClientListSummary.Summarise(list.Text ?? "", self.IsError ? null : self.Integer))
            {
                run.Data[key] = value?.DeepClone();
            }
        }

        run.Data["connected_clients"] = limits["connected_clients"]?.DeepClone();
        run.Data["maxclients"] = limits["maxclients"]?.DeepClone();
        run.Data["clients_ratio"] = limits["clients_ratio"]?.DeepClone();
        run.Data["rejected_connections"] = limits["rejected_connections"]?.DeepClone();
        return ProbeResult.Ok(run.Data);
    }
}
