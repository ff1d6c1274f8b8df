using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Probes.Http;

namespace Medic.Probes.Nats;

/// <summary>What a monitoring probe works with during one run: the client, its context and the data gathered so far.</summary>
internal sealed class NatsMonitorRun(NatsMonitorClient client, ProbeContext context, JsonObject data)
{
    public ProbeContext Context { get; } = context;

    public JsonObject Data { get; } = data;

    /// <summary>GETs an endpoint; the first request's URL is recorded in the data as <c>url</c>.</summary>
    public async Task<(int StatusCode, JsonObject Json)> GetAsync(string endpoint, string query, CancellationToken cancellationToken, params int[] accept)
    {
        var uri = client.UrlFor(endpoint, query);
        if (!Data.ContainsKey("url"))
        {
            Data["url"] = HttpTarget.Display(uri);
        }

        return await client.GetAsync(uri, cancellationToken, accept).ConfigureAwait(false);
    }
}
