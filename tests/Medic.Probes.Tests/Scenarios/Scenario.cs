using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Runbooks;
using Medic.Core.Systems;
using Medic.Knowledge.Runbooks;
using Medic.Probes.Tests.Support;

namespace Medic.Probes.Tests.Scenarios;

/// <summary>
/// Diagnoses a system written as YAML with the built-in runbook packs and the real probes, as <c>medic diagnose</c>
/// does: the way to show that a runbook's cause holds on a real server in a real fault.
/// </summary>
internal static class Scenario
{
    private static readonly Lazy<IReadOnlyList<Runbook>> Runbooks = new(() =>
        new RunbookLoader(BuiltInProbes.Registry(), BuiltInKinds.Registry()).Load(PackSources.Embedded()));

    public static async Task<Report> DiagnoseAsync(string systemYaml, CancellationToken cancellationToken, DiagnoseOptions? options = null)
    {
        using var folder = new TempFolder();
        var file = folder.File("medic.yaml");
        await File.WriteAllTextAsync(file, systemYaml, cancellationToken);
        var system = new SystemFileLoader(BuiltInKinds.Registry(), Environment.GetEnvironmentVariable).Load(file);
        var diagnosis = await new Diagnoser(BuiltInProbes.Registry(), TimeProvider.System)
            .RunAsync(system, Runbooks.Value, options ?? new DiagnoseOptions { ProbeTimeout = TimeSpan.FromSeconds(5) }, null, cancellationToken);
        return diagnosis.Report;
    }

    /// <summary>The findings as <c>runbook/cause</c>, for assertions that read like the report.</summary>
    public static IReadOnlyList<string> Causes(this Report report) => [.. report.Findings.Select(f => $"{f.Runbook}/{f.Cause}")];
}
