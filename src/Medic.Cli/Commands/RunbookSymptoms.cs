using Medic.Logs.Triage;

namespace Medic.Cli.Commands;

/// <summary>
/// Every loaded runbook's symptoms as log patterns, with the runbook's causes and fixes to show beside a matching template
/// (placeholders, which only a diagnosis's observations fill, shown as "…").
/// </summary>
internal static class RunbookSymptoms
{
    public static IReadOnlyList<SymptomPattern> Load(CliContext cli, IEnumerable<string> extraDirectories)
    {
        var patterns = new List<SymptomPattern>();
        foreach (var runbook in cli.Runtime.LoadRunbooks(extraDirectories))
        {
            var causes = runbook.Causes.Select(c => new RunbookCauseRef(c.Id, c.Title.Unrendered().Trim(), c.Fix.Unrendered().Trim())).ToList();
            var reference = new RunbookRef(runbook.Id, runbook.Title, causes);
            foreach (var symptom in runbook.Symptoms)
            {
                patterns.AddRange(SymptomPattern.From(reference, symptom.Text, symptom.Pattern));
            }
        }

        return patterns;
    }
}
