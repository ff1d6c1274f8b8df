using Medic.Core.Model;
using Medic.Core.Probing;

namespace Medic.Core.Engine;

/// <summary>
/// Runs one probe and turns every outcome (data, classified failure, timeout, crash) into an observation. When the
/// engine's timeout (or the run's deadline) ends a probe before it reports, the observation still carries the
/// target the probe reported (<see cref="ProbeContext.ReportTarget"/>): its data, and its name in the message.
/// </summary>
public static class ProbeRunner
{
    public static async Task<Observation> RunAsync(ProbeInvocation invocation, TimeProvider time, CancellationToken runToken)
    {
        var started = time.GetUtcNow();
        var t0 = time.GetTimestamp();
        using var probeCts = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        var context = new ProbeContext(invocation.Component, invocation.Args, invocation.Timeout, time);
        Task<ProbeResult> task;
        try
        {
            task = invocation.Probe.RunAsync(context, probeCts.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            task = Task.FromException<ProbeResult>(e);
        }

        ProbeResult result;
        try
        {
            // WaitAsync ends at the timeout even if the probe ignores its token.
            result = await task.WaitAsync(invocation.Timeout, time, runToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            result = OwnResult(task) ?? Stopped(context, t => $"no answer{From(t)} within {Quantities.FormatDuration(invocation.Timeout)}");
        }
        catch (OperationCanceledException) when (runToken.IsCancellationRequested)
        {
            result = OwnResult(task) ?? Stopped(context, t => t is null ? "stopped at the overall deadline" : $"stopped at the overall deadline waiting for {t.Display}");
        }
        catch (OperationCanceledException)
        {
            result = Stopped(context, t => t is null ? "the probe gave up waiting" : $"the probe gave up waiting for {t.Display}");
        }
        catch (Exception e)
        {
            result = ProbeResult.Fail(ErrorKinds.Internal, $"probe failed unexpectedly: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            await probeCts.CancelAsync().ConfigureAwait(false);
        }

        // A probe abandoned at its timeout may fault later; observe that so it is not an unobserved exception.
        _ = task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        var elapsed = time.GetElapsedTime(t0);
        var status = result.Error switch
        {
            null => ObservationStatus.Ok,
            { Kind: ErrorKinds.Timeout } => ObservationStatus.Timeout,
            _ => ObservationStatus.Error,
        };

        return new Observation(invocation.Probe.Name, invocation.Component.Name, invocation.Args, started,
            Math.Round(elapsed.TotalMilliseconds, 1), status, result.Data, result.Error);
    }

    /// <summary>The probe's own result when it finished in the same instant the engine stopped waiting.</summary>
    private static ProbeResult? OwnResult(Task<ProbeResult> task) => task.IsCompletedSuccessfully ? task.Result : null;

    /// <summary>A timeout that names the probe's reported target ("no answer from 127.0.0.1:3001 within 1s") and carries its data.</summary>
    private static ProbeResult Stopped(ProbeContext context, Func<ProbeTarget?, string> message)
    {
        var target = context.Target;
        return ProbeResult.Fail(ErrorKinds.Timeout, message(target), target?.Data.DeepClone());
    }

    private static string From(ProbeTarget? target) => target is null ? "" : $" from {target.Display}";
}
