using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Net;

namespace Medic.Probes.Nginx;

/// <summary>
/// <c>nginx.config</c>: reads the component's nginx.conf and everything it includes, without running nginx, and
/// reports whether nginx would accept it (the first error with file, line and column) and, per http server and
/// location, the effective proxy timeouts, body limit, HTTP version, buffering and WebSocket upgrade headers.
/// </summary>
public sealed class NginxConfigProbe : IProbe
{
    public string Name => "nginx.config";

    public string Description =>
        "read nginx.conf with its includes: syntax error with file:line:column, upstreams, and per server and location the "
        + "effective proxy_read/send/connect_timeout, client_max_body_size, proxy_http_version, proxy_buffering and "
        + "Upgrade/Connection headers, each with where it is set";

    public IReadOnlyList<string> Kinds { get; } = ["nginx"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } = [];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var setting = context.Component.GetString("config");
        if (string.IsNullOrWhiteSpace(setting))
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"component '{context.Component.Name}' has no 'config'");
        }

        var path = context.Component.ResolvePath(setting);
        var data = new JsonObject { ["config"] = path };
        if (Directory.Exists(path))
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"{path} is a directory, not nginx's main configuration file", data);
        }

        using var deadline = new CancellationTokenSource(ProbeDeadline.Budget(context.Timeout), context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            // Reading is synchronous file IO over at most a few megabytes; off the caller's thread so the deadline can stop it.
            var config = await Task.Run(() => NginxConfigReader.Read(path, linked.Token), linked.Token).ConfigureAwait(false);
            return ProbeResult.Ok(NginxConfigReport.Build(config));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Fail(ErrorKinds.Timeout, $"reading {path} and its includes took longer than {Quantities.FormatDuration(context.Timeout)}", data);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return ProbeResult.Fail(ErrorKinds.NotFound, $"no such file: {path}", data);
        }
        catch (UnauthorizedAccessException)
        {
            return ProbeResult.Fail(ErrorKinds.PermissionDenied, $"access denied reading {path}", data);
        }
        catch (InvalidDataException e)
        {
            return ProbeResult.Fail(ErrorKinds.Unsupported, e.Message, data);
        }
        catch (IOException e)
        {
            return ProbeResult.Fail(ErrorKinds.Internal, $"cannot read {path}: {e.Message}", data);
        }
    }
}
