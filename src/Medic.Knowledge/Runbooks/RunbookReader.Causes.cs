using System.Globalization;
using Medic.Core.Conditions;
using Medic.Core.Model;
using Medic.Core.Runbooks;
using Medic.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Medic.Knowledge.Runbooks;

internal sealed partial class RunbookReader
{
    private const double DefaultConfidence = 0.8;
    private static readonly Template EmptyTitle = Template.TryParse("", out var t, out _) ? t : throw new InvalidOperationException();
    private static readonly string[] CauseKeys = ["id", "title", "when", "manual", "severity", "confidence", "explanation", "fix", "refs", "supersedes"];
    private static readonly Expression Never = Expression.TryParse("false", out var never, out _) ? never : throw new InvalidOperationException();

    private List<Cause> ReadCauses(YamlMap root, IReadOnlyList<string> checkNames, List<string> runbookRefs)
    {
        var causes = new List<Cause>();
        var node = root.Get("causes", required: true);
        if (node is null)
        {
            return causes;
        }

        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            root.Error(node, "'causes' must be a non-empty list");
            return causes;
        }

        var known = checkNames.Append(ComponentRoot).ToList();
        foreach (var item in seq.Children)
        {
            if (YamlMap.From(file, item, errors, "a cause") is { } map && ReadCause(map, known, runbookRefs) is { } cause)
            {
                if (causes.Any(c => c.Id == cause.Id))
                {
                    map.Error(item, $"duplicate cause id '{cause.Id}' in this runbook");
                }

                causes.Add(cause);
            }
        }

        return causes;
    }

    private Cause? ReadCause(YamlMap map, List<string> known, List<string> runbookRefs)
    {
        map.RejectUnknown("cause field", CauseKeys);
        var id = map.String("id", required: true) ?? "";
        if (id.Length > 0 && !RunbookLoader.CauseId().IsMatch(id))
        {
            map.Error(map.Scalar("id")!, $"cause id '{id}' must be lower-case words joined by '-', e.g. 'wal-not-enabled'");
        }

        var manual = map.Scalar("manual") is { } m && ReadBool(map, m, "manual");
        if (manual && map.Scalar("when") is { } w)
        {
            map.Error(w, "a manual cause has no 'when': it cannot be told from probe evidence");
        }

        var when = manual ? Never : ReadCondition(map, known);
        var severity = ReadSeverity(map);
        var confidence = ReadConfidence(map);
        var explanation = map.Scalar("explanation", required: true) is { } e ? CheckTemplate(e, known, "explanation") : null;
        var fix = map.Scalar("fix", required: true) is { } f ? CheckTemplate(f, known, "fix") : null;
        var title = map.Scalar("title") is { } tn ? CheckTemplate(tn, known, "title") : EmptyTitle;
        var refs = map.Scalars("refs").Select(s => s.Value ?? "").Concat(runbookRefs).Distinct().ToList();
        var supersedes = ReadSupersedes(map, manual);
        if (when is null || explanation is null || fix is null || title is null)
        {
            return null;
        }

        return new Cause(id, title, when, severity, confidence, explanation, fix, refs, file.PositionOf(map.Node), manual) { Supersedes = supersedes };
    }

    /// <summary><c>supersedes:</c> a list of <c>runbook-id</c> or <c>runbook-id/cause-id</c>; a manual cause supersedes nothing.</summary>
    private List<string> ReadSupersedes(YamlMap map, bool manual)
    {
        var entries = new List<string>();
        if (map.Get("supersedes") is not { } node)
        {
            return entries;
        }

        if (manual)
        {
            map.Error(node, "a manual cause never becomes a finding, so it supersedes nothing");
        }

        foreach (var scalar in map.Scalars("supersedes"))
        {
            var text = scalar.Value ?? "";
            var parts = text.Split('/');
            var valid = parts.Length is 1 or 2 && RunbookLoader.RunbookId().IsMatch(parts[0]) && (parts.Length == 1 || RunbookLoader.CauseId().IsMatch(parts[1]));
            if (!valid)
            {
                map.Error(scalar, $"supersedes entry '{text}' must be a runbook id or runbook-id/cause-id, e.g. 'sqlite.database-locked/journal-not-wal'");
                continue;
            }

            entries.Add(text);
        }

        return entries;
    }

    private Expression? ReadCondition(YamlMap map, List<string> known)
    {
        var node = map.Scalar("when", required: true);
        if (node is null)
        {
            return null;
        }

        if (!Expression.TryParse(node.Value ?? "", out var expression, out var error))
        {
            errors.Add(new InputError(file.PositionInScalar(node, error.Line, error.Column), $"in condition: {error.Message}"));
            return null;
        }

        CheckRoots(node, expression.Roots, known, "condition");
        return expression;
    }

    private Severity ReadSeverity(YamlMap map)
    {
        var node = map.Scalar("severity");
        if (node is null)
        {
            return Severity.Warning;
        }

        if (Enum.TryParse<Severity>(node.Value, ignoreCase: true, out var s) && !int.TryParse(node.Value, out _))
        {
            return s;
        }

        map.Error(node, $"severity '{node.Value}' must be one of: critical, error, warning, info");
        return Severity.Warning;
    }

    private double ReadConfidence(YamlMap map)
    {
        var node = map.Scalar("confidence");
        if (node is null)
        {
            return DefaultConfidence;
        }

        if (double.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && c is >= 0 and <= 1)
        {
            return c;
        }

        map.Error(node, "'confidence' must be a number from 0 to 1");
        return DefaultConfidence;
    }
}
