using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Http;
using Medic.Probes.Net;

namespace Medic.Probes.Nats;

/// <summary>
/// The shape every monitoring probe shares: read the component's <c>monitor</c> URL, GET the endpoint within the time
/// budget over one connection, and turn the document into observation data. The endpoints only report; nothing
/// here can change the server.
/// </summary>
internal abstract class NatsMonitorProbe : IProbe
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public IReadOnlyList<string> Kinds { get; } = ["nats"];

    public virtual IReadOnlyList<ProbeParameter> Parameters { get; } = [];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        NatsTarget target;
        try
        {
            target = NatsTarget.FromComponent(context.Component);
        }
        catch (FormatException e)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, e.Message);
        }

        if (target.Monitor is not { } monitor)
        {
            return ProbeResult.Fail(
                ErrorKinds.InvalidArgument,
                $"component '{context.Component.Name}' has no 'monitor' URL; start nats-server with -m 8222 and set monitor: http://host:8222",
                new JsonObject { ["monitor"] = null });
        }

        var data = new JsonObject { ["monitor"] = HttpTarget.Display(monitor) };
        context.ReportTarget(HttpTarget.Display(monitor), data);
        using var client = new NatsMonitorClient(monitor, target.TlsInsecure);
        using var deadline = new CancellationTokenSource(ProbeDeadline.Budget(context.Timeout), context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await ExamineAsync(new NatsMonitorRun(client, context, data), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var url = data["url"]?.GetValue<string>() ?? data["monitor"]!.GetValue<string>();
            return ProbeResult.Fail(ErrorKinds.Timeout, $"no answer from {url} within {Quantities.FormatDuration(context.Timeout)}", data);
        }
        catch (NatsMonitorException e)
        {
            data["status_code"] = e.StatusCode;
            return ProbeResult.Fail(e.Kind, e.Message, data);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException or AuthenticationException)
        {
            var failure = NetErrors.Classify(e);
            var message = failure.Kind == ErrorKinds.Dns ? $"{monitor.Host}: name does not resolve ({failure.Message})" : failure.Message;
            return ProbeResult.Fail(failure.Kind, message, data);
        }
    }

    protected abstract Task<ProbeResult> ExamineAsync(NatsMonitorRun run, CancellationToken cancellationToken);
}
