using System.Text.Json.Nodes;
using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Probing;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;
using static Medic.Core.Tests.Engine.EngineFixtures;

namespace Medic.Core.Tests.Engine;

public sealed class ProbeExecutorTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Probes_of_different_components_run_at_the_same_time()
    {
        // Each probe waits for the other to start: they finish only if they run concurrently.
        var aStarted = new TaskCompletionSource();
        var bStarted = new TaskCompletionSource();
        var a = new TestProbe("t.a", async (_, ct) => { aStarted.SetResult(); await bStarted.Task.WaitAsync(ct); return ProbeResult.Ok(null); });
        var b = new TestProbe("t.b", async (_, ct) => { bStarted.SetResult(); await aStarted.Task.WaitAsync(ct); return ProbeResult.Ok(null); });

        var results = await new ProbeExecutor(TimeProvider.System).RunAsync(
            [Invoke(a, Component("one")), Invoke(b, Component("two"))], new DiagnoseOptions(), NullRunObserver.Instance, Ct);

        results.Values.ShouldAllBe(o => o.Status == ObservationStatus.Ok);
    }

    [Fact]
    public async Task Probes_of_one_component_run_one_at_a_time()
    {
        var probes = Enumerable.Range(0, 6).Select(i => new TestProbe($"t.p{i}", async (_, ct) => { await Task.Yield(); await Task.Delay(5, ct); return ProbeResult.Ok(null); })).ToList();
        var db = Component("db");
        var running = 0;
        var maxRunning = 0;
        var wrapped = probes.Select(p => new TestProbe(p.Name, async (ctx, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            maxRunning = Math.Max(maxRunning, now);
            try
            {
                return await p.RunAsync(ctx, ct);
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        })).ToList();

        var results = await new ProbeExecutor(TimeProvider.System).RunAsync(
            [.. wrapped.Select(p => Invoke(p, db))], new DiagnoseOptions { MaxParallel = 8 }, NullRunObserver.Instance, Ct);

        results.Count.ShouldBe(6);
        maxRunning.ShouldBe(1);
    }

    [Fact]
    public async Task A_probe_that_ignores_its_token_still_ends_at_its_timeout()
    {
        var time = new FakeTimeProvider();
        var never = new TaskCompletionSource<ProbeResult>();
        var stuck = new TestProbe("t.stuck", (_, _) => never.Task);
        var o = await RunOneAsync(time, Invoke(stuck, Component("svc"), TimeSpan.FromSeconds(2)), TimeSpan.FromSeconds(2));

        o.Status.ShouldBe(ObservationStatus.Timeout);
        o.Error!.Kind.ShouldBe(ErrorKinds.Timeout);
        o.Error.Message.ShouldBe("no answer within 2s");
    }

    [Fact]
    public async Task A_probe_stopped_at_the_engines_timeout_keeps_the_target_it_reported()
    {
        // The race the engine used to lose: its timeout ends the probe before the probe reports its own timeout.
        // This probe never reports one, so the engine's timeout always wins here.
        var time = new FakeTimeProvider();
        var never = new TaskCompletionSource<ProbeResult>();
        var stuck = new TestProbe("t.stuck", (ctx, _) =>
        {
            var data = new JsonObject { ["host"] = "10.0.0.7", ["port"] = 3001, ["connected"] = false };
            ctx.ReportTarget("10.0.0.7:3001", data);
            data["changed_after_reporting"] = true;
            return never.Task;
        });
        var o = await RunOneAsync(time, Invoke(stuck, Component("svc"), TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(1));

        o.Status.ShouldBe(ObservationStatus.Timeout);
        o.Error!.Message.ShouldBe("no answer from 10.0.0.7:3001 within 1s");
        o.Data!.ToJsonString().ShouldBe("""{"host":"10.0.0.7","port":3001,"connected":false}""");
    }

    [Fact]
    public async Task A_probe_stopped_at_the_overall_deadline_keeps_the_target_it_reported()
    {
        var time = new FakeTimeProvider();
        var hang = new TestProbe("t.hang", async (ctx, ct) =>
        {
            ctx.ReportTarget("http://svc:8080/health", new JsonObject { ["url"] = "http://svc:8080/health" });
            await Task.Delay(Timeout.Infinite, ct);
            return ProbeResult.Ok(null);
        });
        var o = await RunOneAsync(time, Invoke(hang, Component("svc"), TimeSpan.FromMinutes(5)), TimeSpan.FromSeconds(10), new DiagnoseOptions { Deadline = TimeSpan.FromSeconds(10) });

        o.Status.ShouldBe(ObservationStatus.Timeout);
        o.Error!.Message.ShouldBe("stopped at the overall deadline waiting for http://svc:8080/health");
        o.Data!["url"]!.GetValue<string>().ShouldBe("http://svc:8080/health");
    }

    [Fact]
    public async Task A_probe_that_reports_its_own_timeout_first_keeps_its_own_result()
    {
        var time = new FakeTimeProvider();
        var polite = new TestProbe("t.polite", async (ctx, ct) =>
        {
            ctx.ReportTarget("10.0.0.7:3001", new JsonObject { ["host"] = "10.0.0.7" });
            using var own = new CancellationTokenSource(TimeSpan.FromMilliseconds(900), ctx.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, own.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, linked.Token);
            }
            catch (OperationCanceledException) when (own.IsCancellationRequested)
            {
            }

            return ProbeResult.Fail(ErrorKinds.Timeout, "its own words", new JsonObject { ["host"] = "10.0.0.7", ["attempts"] = 1 });
        });
        var o = await RunOneAsync(time, Invoke(polite, Component("svc"), TimeSpan.FromSeconds(1)), TimeSpan.FromMilliseconds(900));

        o.Status.ShouldBe(ObservationStatus.Timeout);
        o.Error!.Message.ShouldBe("its own words");
        o.Data!["attempts"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task The_overall_deadline_ends_the_run_and_marks_unstarted_probes()
    {
        var time = new FakeTimeProvider();
        var hang = new TestProbe("t.hang", async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return ProbeResult.Ok(null); });
        var svc = Component("svc");
        var invocations = Enumerable.Range(0, 3).Select(i => Invoke(hang, svc, TimeSpan.FromMinutes(5), n: i)).ToList();
        var counter = new StartCounter();

        var run = new ProbeExecutor(time).RunAsync(invocations, new DiagnoseOptions { Deadline = TimeSpan.FromSeconds(10) }, counter, Ct);
        await counter.WhenStarted(1).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        time.Advance(TimeSpan.FromSeconds(10));
        var results = await run.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        results.Values.ShouldAllBe(o => o.Status == ObservationStatus.Timeout);
        results.Values.Count(o => o.Error!.Message == "stopped at the overall deadline").ShouldBe(1);
        results.Values.Count(o => o.Error!.Message == "not started before the overall deadline").ShouldBe(2);
    }

    [Fact]
    public async Task Cancelling_the_run_throws_and_stops_probes()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var sawCancel = new TaskCompletionSource();
        var hang = new TestProbe("t.hang", async (_, ct) =>
        {
            await using var reg = ct.Register(() => sawCancel.TrySetResult());
            await Task.Delay(Timeout.Infinite, ct);
            return ProbeResult.Ok(null);
        });
        var counter = new StartCounter();

        var run = new ProbeExecutor(TimeProvider.System).RunAsync([Invoke(hang, Component("svc"))], new DiagnoseOptions(), counter, cts.Token);
        await counter.WhenStarted(1).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => run);
        await sawCancel.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task A_probe_that_throws_becomes_an_internal_error_observation()
    {
        var broken = new TestProbe("t.broken", (_, _) => throw new InvalidOperationException("bug"));
        var invocation = Invoke(broken, Component("svc"));

        var results = await new ProbeExecutor(TimeProvider.System).RunAsync([invocation], new DiagnoseOptions(), NullRunObserver.Instance, Ct);

        results[invocation.Key].Status.ShouldBe(ObservationStatus.Error);
        results[invocation.Key].Error!.Kind.ShouldBe(ErrorKinds.Internal);
        results[invocation.Key].Error!.Message.ShouldContain("InvalidOperationException: bug");
    }

    [Fact]
    public async Task A_classified_failure_keeps_its_kind_and_partial_data()
    {
        var refused = new TestProbe("t.refused", (_, _) => Task.FromResult(ProbeResult.Fail(ErrorKinds.ConnectionRefused, "Connection refused")));
        var invocation = Invoke(refused, Component("svc"));

        var results = await new ProbeExecutor(TimeProvider.System).RunAsync([invocation], new DiagnoseOptions(), NullRunObserver.Instance, Ct);

        results[invocation.Key].Status.ShouldBe(ObservationStatus.Error);
        results[invocation.Key].Error!.Kind.ShouldBe("connection_refused");
    }

    /// <summary>Runs one invocation, moves the fake clock on by <paramref name="advance"/> once it started, and returns its observation.</summary>
    private static async Task<Observation> RunOneAsync(FakeTimeProvider time, ProbeInvocation invocation, TimeSpan advance, DiagnoseOptions? options = null)
    {
        var counter = new StartCounter();
        var run = new ProbeExecutor(time).RunAsync([invocation], options ?? new DiagnoseOptions(), counter, Ct);
        await counter.WhenStarted(1).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        time.Advance(advance);
        return (await run.WaitAsync(TimeSpan.FromSeconds(10), Ct))[invocation.Key];
    }
}
