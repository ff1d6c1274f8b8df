using Medic.Core.Probing;

namespace Medic.Server.Scheduling;

/// <summary>A probe that runs within its target's budget (<see cref="ComponentBudgets"/>).</summary>
internal sealed class BudgetedProbe(IProbe inner, ComponentBudgets budgets) : DelegatingProbe(inner)
{
    public override Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default) =>
        budgets.RunAsync(Inner, context, cancellationToken);
}
