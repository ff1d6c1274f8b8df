using Medic.Core.Probing;

namespace Medic.Knowledge.Tests.Runbooks;

/// <summary>A probe that only declares its name, kinds and parameters: enough for validation tests.</summary>
internal sealed class DeclaredProbe(string name, string[] kinds, params ProbeParameter[] parameters) : IProbe
{
    public string Name => name;

    public string Description => "declared for tests";

    public IReadOnlyList<string> Kinds => kinds;

    public IReadOnlyList<ProbeParameter> Parameters => parameters;

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("validation tests do not run probes");
}
