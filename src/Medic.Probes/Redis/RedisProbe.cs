using System.Globalization;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;

namespace Medic.Probes.Redis;

/// <summary>
/// The shape every Redis probe shares: read the target, open one session within the time budget, examine, close.
/// Failures become classified results carrying what was gathered and the step that failed (<c>stage</c>);
/// cancellation by the caller goes through as <see cref="OperationCanceledException"/>.
/// </summary>
internal abstract class RedisProbe : IProbe
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public IReadOnlyList<string> Kinds { get; } = ["redis"];

    public virtual IReadOnlyList<ProbeParameter> Parameters { get; } = [];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        RedisTarget target;
        try
        {
            target = RedisTarget.FromComponent(context.Component);
        }
        catch (FormatException e)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, e.Message);
        }

        var data = new JsonObject { ["address"] = target.Address, ["tls"] = target.Tls, ["db"] = target.Database };
        if (target.TlsInsecure)
        {
            data["tls_insecure"] = true;
        }

        context.ReportTarget(target.Address, data);
        var trace = new RedisTrace();
        using var budget = Budget(context);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            var started = context.Time.GetTimestamp();
            var connection = await RedisSession.OpenAsync(target, trace, cancellationToken: linked.Token).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                data["connect_ms"] = Milliseconds(context.Time.GetElapsedTime(started));
                return await ExamineAsync(new RedisProbeRun(connection, target, context, data), linked.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (linked.IsCancellationRequested && e is not InvalidOperationException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            data["stage"] = trace.Stage;
            var waited = Quantities.FormatDuration(context.Timeout);
            var message = trace.Stage switch
            {
                "connect" => $"connecting to {target.Address} got no answer within {waited}",
                "tls" => $"the TLS handshake with {target.Address} got no answer within {waited}; does the server speak TLS on this port?",
                _ => $"{target.Address} did not answer {trace.Stage} within {waited}",
            };
            return ProbeResult.Fail(ErrorKinds.Timeout, message, data);
        }
        catch (Exception e) when (RedisErrors.Classify(e, target) is { } failure)
        {
            data["stage"] = trace.Stage;
            data["code"] = failure.Code;
            return ProbeResult.Fail(failure.Kind, failure.Message, data);
        }
    }

    protected abstract Task<ProbeResult> ExamineAsync(RedisProbeRun run, CancellationToken cancellationToken);

    protected static double Milliseconds(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 2);

    protected static string IsoTime(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(unixSeconds, 0, 253_402_300_799))
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Ends the probe a little before the engine's own deadline, so the result still names the step that hung
    /// (a firewall drops the connect; a stopped server accepts it and never answers).
    /// </summary>
    private static CancellationTokenSource Budget(ProbeContext context)
    {
        var timeout = context.Timeout;
        if (timeout <= TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan || timeout.TotalMilliseconds > int.MaxValue)
        {
            return new CancellationTokenSource();
        }

        var margin = TimeSpan.FromMilliseconds(Math.Min(timeout.TotalMilliseconds / 10, 200));
        return new CancellationTokenSource(timeout - margin, context.Time);
    }
}
