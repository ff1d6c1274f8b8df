using Medic.Core.Probing;

namespace Medic.Core.Tests.Engine;

/// <summary>A probe whose behaviour a test supplies; counts its runs and the most that ran at once.</summary>
internal sealed class TestProbe(string name, Func<ProbeContext, CancellationToken, Task<ProbeResult>> run) : IProbe
{
    private int _running;
    private int _maxRunning;
    private int _runs;

    public string Name => name;

    public string Description => "test probe";

    public IReadOnlyList<string> Kinds { get; init; } = ["tcp"];

    public IReadOnlyList<ProbeParameter> Parameters { get; init; } = [new("n", ParameterType.Int)];

    public int Runs => _runs;

    public int MaxRunning => _maxRunning;

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _runs);
        var now = Interlocked.Increment(ref _running);
        int seen;
        while (now > (seen = _maxRunning) && Interlocked.CompareExchange(ref _maxRunning, now, seen) != seen)
        {
        }

        try
        {
            return await run(context, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
