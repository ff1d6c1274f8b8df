using Medic.Core.Probing;

namespace Medic.Server.Scheduling;

/// <summary>A probe that runs within its target's budget (<see cref="ComponentBudgets"/>).</summary>
internal sealed class BudgetedProbe(IProbe inner, ComponentBudgets budgets) : IProbe
{
    public string Name => inner.Name;

    public string Description => inner.Description;

    public IReadOnlyList<string> Kinds => inner.Kinds;

    public IReadOnlyList<ProbeParameter> Parameters => inner.Parameters;

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default) =>
        budgets.RunAsync(inner, context, cancellationToken);
}
