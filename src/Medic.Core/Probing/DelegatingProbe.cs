namespace Medic.Core.Probing;

/// <summary>A probe that is another probe under the same name, kinds and parameters, run in a different way.</summary>
public abstract class DelegatingProbe(IProbe inner) : IProbe
{
    public string Name => Inner.Name;

    public string Description => Inner.Description;

    public IReadOnlyList<string> Kinds => Inner.Kinds;

    public IReadOnlyList<ProbeParameter> Parameters => Inner.Parameters;

    protected IProbe Inner { get; } = inner;

    public abstract Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default);
}
