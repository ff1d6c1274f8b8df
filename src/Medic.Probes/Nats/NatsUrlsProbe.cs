using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Config;
using Medic.Probes.Net;

namespace Medic.Probes.Nats;

/// <summary>
/// <c>nats.urls</c>: reads the NATS server list an application's own configuration holds (HarmonyLite's
/// <c>[nats] urls</c> by default) and, for every URL, opens a TCP connection and reads the server's INFO line, then
/// closes. Sends nothing (no CONNECT, no PUB), so it needs no credentials and leaves no trace but a closed connection.
/// A URL that refuses, does not resolve, stays silent or is not a NATS server is recorded in the data, not a failure.
/// </summary>
public sealed class NatsUrlsProbe : IProbe
{
    private const int MaxUrls = 32;

    public string Name => "nats.urls";

    public string Description =>
        "read the NATS server URLs from the application's configuration file (key 'nats.urls' by default; a list or a comma-separated string) "
        + "and check each one: TCP connect and the server's INFO line (server id, version, JetStream), or refused/dns/timeout/not NATS; sends nothing";

    public IReadOnlyList<string> Kinds { get; } = ["config"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("key", ParameterType.String, Description: "dotted key holding the URL list (default: nats.urls)"),
    ];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var component = context.Component;
        if (component.GetString("path") is not { Length: > 0 } setting)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"component '{component.Name}' has no 'path'");
        }

        var path = component.ResolvePath(setting);
        var key = context.GetString("key") is { Length: > 0 } k ? k : "nats.urls";
        var format = ConfigFormats.Declared(component.GetString("format"), out var problem);
        if (problem is not null)
        {
            return ProbeResult.Fail(ErrorKinds.Unsupported, problem, new JsonObject { ["path"] = path });
        }

        var (text, _, failure) = await ConfigFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var parsed = ConfigFormats.Parse(format ?? ConfigFormats.Guess(path, text!), text!);
        if (parsed.Error is not null || parsed.Root is null)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"{path} does not parse, so its NATS URLs cannot be read", new JsonObject { ["path"] = path });
        }

        var entries = Entries(ConfigKeys.Find(parsed.Root, key));
        context.ReportTarget($"the NATS URLs in {path}", new JsonObject { ["path"] = path, ["key"] = key, ["count"] = Math.Min(entries.Count, MaxUrls) });
        using var deadline = new CancellationTokenSource(ProbeDeadline.Budget(context.Timeout), context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var checks = entries.Take(MaxUrls).Select((entry, i) => NatsUrlCheck.RunAsync(entry, i + 1, context.Time, linked.Token));
        var results = await Task.WhenAll(checks).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var failing = results.Where(r => r["reachable"]?.GetValue<bool>() != true).ToList();
        return ProbeResult.Ok(new JsonObject
        {
            ["path"] = path,
            ["key"] = key,
            ["count"] = results.Length,
            ["truncated"] = entries.Count > MaxUrls,
            ["reachable"] = results.Length - failing.Count,
            ["unreachable"] = failing.Count,
            ["urls"] = new JsonArray([.. results]),
            ["failures"] = new JsonArray([.. failing.Select(f => JsonValue.Create(f["summary"]?.GetValue<string>()))]),
        });
    }

    /// <summary>The URL strings under the key: a list of strings, or one string with comma-separated URLs (as nats.go accepts).</summary>
    private static List<string> Entries(ConfigNode? node)
    {
        var scalars = node switch
        {
            { Type: ConfigType.List, Items: { } items } => items.Where(i => i.Scalar is not null).Select(i => i.Scalar!),
            { Scalar: { } s } => [s],
            _ => [],
        };
        return [.. scalars.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }
}
