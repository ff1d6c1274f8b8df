using Markdig.Extensions.Tables;

namespace Medic.Knowledge.Guides;

/// <summary>Reads a table by what its header names: error codes, causes with fixes, diagnostic commands, or plain text.</summary>
internal static class TableReader
{
    public enum Role
    {
        Other,
        Code,
        Message,
        Meaning,
        Cause,
        Fix,
        Command,
    }

    public enum Shape
    {
        Other,
        ErrorCodes,
        CausesAndFixes,
        Commands,
    }

    public sealed record Row(int Line, IReadOnlyDictionary<Role, string> Cells, IReadOnlyList<string> Text, IReadOnlyList<string> CodeSpans);

    public sealed record Result(Shape Shape, IReadOnlyList<string> Header, IReadOnlyList<Row> Rows);

    public static Result Read(Table table)
    {
        var rows = table.OfType<TableRow>().ToList();
        var header = rows.FirstOrDefault(r => r.IsHeader);
        if (header is null)
        {
            return new Result(Shape.Other, [], rows.Select(r => ReadRow(r, [])).ToList());
        }

        var names = header.OfType<TableCell>().Select(c => MarkdownText.Of(c)).ToList();
        var roles = names.Select(RoleOf).ToList();
        var body = rows.Where(r => !r.IsHeader).Select(r => ReadRow(r, roles)).ToList();
        return new Result(ShapeOf(roles), names, body);
    }

    public static Role RoleOf(string header)
    {
        var h = header.ToLowerInvariant();
        return h switch
        {
            _ when h.Contains("command", StringComparison.Ordinal) => Role.Command,
            _ when h.Contains("cause", StringComparison.Ordinal) || h is "issue" or "problem" => Role.Cause,
            _ when h.Contains("fix", StringComparison.Ordinal) || h.Contains("resolution", StringComparison.Ordinal) || h.Contains("solution", StringComparison.Ordinal) => Role.Fix,
            _ when h.Contains("code", StringComparison.Ordinal) || h is "error" or "error type" or "error name" or "exception" => Role.Code,
            _ when h.Contains("message", StringComparison.Ordinal) || h.Contains("description", StringComparison.Ordinal) || h.Contains("pattern", StringComparison.Ordinal) => Role.Message,
            _ when h.Contains("meaning", StringComparison.Ordinal) || h.Contains("indicator", StringComparison.Ordinal) || h.Contains("example", StringComparison.Ordinal) => Role.Meaning,
            _ => Role.Other,
        };
    }

    private static Shape ShapeOf(List<Role> roles) => roles switch
    {
        _ when roles.Contains(Role.Command) => Shape.Commands,
        _ when roles.Contains(Role.Code) && (roles.Contains(Role.Message) || roles.Contains(Role.Meaning) || roles.Contains(Role.Fix)) => Shape.ErrorCodes,
        _ when roles.Contains(Role.Cause) && roles.Contains(Role.Fix) => Shape.CausesAndFixes,
        _ => Shape.Other,
    };

    private static Row ReadRow(TableRow row, List<Role> roles)
    {
        var cells = new Dictionary<Role, string>();
        var text = new List<string>();
        var spans = new List<string>();
        var index = 0;
        foreach (var cell in row.OfType<TableCell>())
        {
            var value = MarkdownText.Of(cell);
            text.Add(value);
            foreach (var paragraph in cell.OfType<Markdig.Syntax.LeafBlock>())
            {
                spans.AddRange(MarkdownText.CodeSpans(paragraph.Inline));
            }

            var role = index < roles.Count ? roles[index] : Role.Other;
            if (role != Role.Other && !cells.ContainsKey(role))
            {
                cells[role] = value;
            }

            index++;
        }

        return new Row(row.Line + 1, cells, text, spans);
    }
}
