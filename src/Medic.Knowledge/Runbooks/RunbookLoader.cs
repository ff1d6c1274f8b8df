using System.Text.RegularExpressions;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Runbooks;
using Medic.Core.Systems;
using Medic.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Medic.Knowledge.Runbooks;

/// <summary>
/// Loads runbooks from their sources and validates everything before anything runs: unknown probe, kind or
/// argument, unknown check name in a condition, bad condition syntax, duplicate IDs. All errors are collected
/// with file:line:column and thrown together as one <see cref="InputException"/>.
/// </summary>
public sealed partial class RunbookLoader(ProbeRegistry probes, KindRegistry kinds)
{
    internal static readonly string[] RunbookKeys = ["id", "title", "applies_to", "description", "symptoms", "checks", "causes", "refs"];

    public IReadOnlyList<Runbook> Load(IEnumerable<RunbookSource> sources)
    {
        var errors = new List<InputError>();
        var runbooks = new List<Runbook>();
        foreach (var source in sources.Where(s => !s.IsTestFile))
        {
            YamlFile file;
            try
            {
                file = YamlFile.Parse(source.Path, source.Text);
            }
            catch (InputException e)
            {
                errors.AddRange(e.Errors);
                continue;
            }

            foreach (var doc in file.Documents)
            {
                if (new RunbookReader(file, source.Pack, errors, probes, kinds).Read(doc.RootNode) is { } runbook)
                {
                    runbooks.Add(runbook);
                }
            }
        }

        foreach (var dup in runbooks.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = dup.First();
            foreach (var other in dup.Skip(1))
            {
                errors.Add(new InputError(other.Position, $"duplicate runbook id '{other.Id}' (first defined at {first.Position})"));
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return runbooks;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)+$")]
    internal static partial Regex RunbookId();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    internal static partial Regex CauseId();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    internal static partial Regex CheckName();
}
