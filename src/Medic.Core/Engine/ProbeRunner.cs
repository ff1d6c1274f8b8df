using Medic.Core.Model;
using Medic.Core.Probing;

namespace Medic.Core.Engine;

/// <summary>Runs one probe and turns every outcome (data, classified failure, timeout, crash) into an observation.</summary>
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

        ObservationStatus status;
        ProbeResult result;
        try
        {
            // WaitAsync ends at the timeout even if the probe ignores its token.
            result = await task.WaitAsync(invocation.Timeout, time, runToken).ConfigureAwait(false);
            status = result.Error is null ? ObservationStatus.Ok : ObservationStatus.Error;
        }
        catch (TimeoutException)
        {
            status = ObservationStatus.Timeout;
            result = ProbeResult.Fail(ErrorKinds.Timeout, $"no answer within {Quantities.FormatDuration(invocation.Timeout)}");
        }
        catch (OperationCanceledException) when (runToken.IsCancellationRequested)
        {
            status = ObservationStatus.Timeout;
            result = ProbeResult.Fail(ErrorKinds.Timeout, "stopped at the overall deadline");
        }
        catch (OperationCanceledException)
        {
            status = ObservationStatus.Timeout;
            result = ProbeResult.Fail(ErrorKinds.Timeout, "the probe gave up waiting");
        }
        catch (Exception e)
        {
            status = ObservationStatus.Error;
            result = ProbeResult.Fail(ErrorKinds.Internal, $"probe failed unexpectedly: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            await probeCts.CancelAsync().ConfigureAwait(false);
        }

        // A probe abandoned at its timeout may fault later; observe that so it is not an unobserved exception.
        _ = task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        var elapsed = time.GetElapsedTime(t0);
        if (result.Error?.Kind == ErrorKinds.Timeout && status == ObservationStatus.Error)
        {
            status = ObservationStatus.Timeout;
        }

        return new Observation(invocation.Probe.Name, invocation.Component.Name, invocation.Args, started,
            Math.Round(elapsed.TotalMilliseconds, 1), status, result.Data, result.Error);
    }
}
