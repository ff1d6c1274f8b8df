using Medic.Core.Model;
using Medic.Server.Scheduling;
using Medic.Server.Store;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Scheduling;

public sealed class SchedulerReloadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("medic-sched-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Loops_start_and_stop_as_systems_appear_and_go_away()
    {
        using var store = new SqliteHistoryStore(Path.Combine(_dir, "h.db"));
        var runner = new GatedRunner { Names = ["shop"] };
        var scheduler = new Scheduler(runner, store, TimeSpan.FromHours(1), 4, TimeProvider.System) { ReloadEvery = TimeSpan.FromMilliseconds(20) };
        using var stop = new CancellationTokenSource();
        var loop = scheduler.RunAsync(stop.Token);

        await Until(() => scheduler.Running.Count == 1);
        runner.Names = ["shop", "billing"];
        await Until(() => scheduler.Running.Count == 2);
        runner.Names = ["billing"];
        await Until(() => scheduler.Running.SequenceEqual(["billing"]));
        runner.Refreshes.ShouldBeGreaterThan(2);

        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task A_run_asked_for_while_the_same_system_runs_is_skipped_not_queued()
    {
        using var store = new SqliteHistoryStore(Path.Combine(_dir, "h.db"));
        var runner = new GatedRunner { Names = ["shop"] };
        var scheduler = new Scheduler(runner, store, TimeSpan.FromHours(1), 4, TimeProvider.System);
        var first = scheduler.RunOnceAsync("shop", TestContext.Current.CancellationToken);
        await Until(() => runner.Started == 1);

        var second = await Should.ThrowAsync<RunSkippedException>(() => scheduler.RunOnceAsync("shop", TestContext.Current.CancellationToken));
        second.Message.ShouldBe("skipped: previous run of 'shop' still running");
        scheduler.Skipped.ShouldBe(1);

        runner.Gate.SetResult();
        (await first).ShouldBe(1);
        store.Runs().Count.ShouldBe(1);
        (await scheduler.RunOnceAsync("shop", TestContext.Current.CancellationToken)).ShouldBe(2);
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        condition().ShouldBeTrue();
    }

    private sealed class GatedRunner : ISystemRunner
    {
        private int _started;
        private int _refreshes;

        public IReadOnlyList<string> Names { get; set; } = [];

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Started => Volatile.Read(ref _started);

        public int Refreshes => Volatile.Read(ref _refreshes);

        public IReadOnlyList<string> Systems => Names;

        public void Refresh() => Interlocked.Increment(ref _refreshes);

        public async Task<(Report Report, SecretSet Secrets)> RunAsync(string system, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _started);
            await Gate.Task.WaitAsync(cancellationToken);
            return (new Report(system, DateTimeOffset.UtcNow, 1, new ReportSummary(0, 0, 0, 0, 0, 0), [], []), SecretSet.Empty);
        }
    }
}
