using Medic.Core.Probing;
using Medic.Core.Runbooks;
using Medic.Core.Systems;
using Medic.Knowledge.Runbooks;
using Medic.Probes;

namespace Medic.Cli;

/// <summary>The registries and loaders every command shares.</summary>
internal sealed class MedicRuntime
{
    public ProbeRegistry Probes { get; } = BuiltInProbes.Registry();

    public KindRegistry Kinds { get; } = BuiltInKinds.Registry();

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>What <c>-</c> reads (<c>medic logs -</c>); tests substitute a stream.</summary>
    public Func<Stream> Stdin { get; init; } = Console.OpenStandardInput;

    public SystemDefinition LoadSystem(string path) => new SystemFileLoader(Kinds, Environment).Load(path);

    public IReadOnlyList<Runbook> LoadRunbooks(IEnumerable<string> extraDirectories) =>
        new RunbookLoader(Probes, Kinds).Load(PackSources.Load(extraDirectories));
}
