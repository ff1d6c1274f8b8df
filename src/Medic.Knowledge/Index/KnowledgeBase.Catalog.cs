namespace Medic.Knowledge.Index;

public sealed partial class KnowledgeBase
{
    private const int RareMatches = 12;
    private ProductNames? _products;
    private Microsoft.Data.Sqlite.SqliteCommand? _home;
    private Dictionary<(string Source, string Runbook), List<(string Guide, string Anchor)>>? _cites;

    /// <summary>Forgets the cached product names and runbook citations (after an import changed them).</summary>
    private void Changed()
    {
        _products = null;
        _cites = null;
    }

    private ProductNames Products()
    {
        if (_products is null)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT name, title FROM guides";
            using var reader = command.ExecuteReader();
            var titles = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                titles[reader.GetString(0)] = reader.GetString(1);
            }

            _products = new ProductNames(titles);
        }

        return _products;
    }

    /// <summary>
    /// Guides that a rare query term ties the query to: the term occurs in at most <see cref="RareMatches"/> entries and
    /// all of them belong to one guide (or are runbooks that cite only that guide; a runbook that cites no guide counts as a
    /// home of its own), like "fastapi" or "harmonylite".
    /// </summary>
    private IEnumerable<string> Homes(IReadOnlyList<string> terms)
    {
        _home ??= Prepare($"SELECT e.guide, e.kind, e.anchor FROM entries_fts CROSS JOIN entries e ON e.id = entries_fts.rowid WHERE entries_fts MATCH $t LIMIT {RareMatches + 1}", "$t");
        var homes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            _home.Parameters[0].Value = "\"" + term.Replace("\"", "", StringComparison.Ordinal) + "\"";
            var guides = new HashSet<string>(StringComparer.Ordinal);
            var rows = 0;
            using (var reader = _home.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows++;
                    var c = new Candidate(0, reader.GetString(0), reader.GetString(1) == "runbook", reader.GetString(2), 0);
                    var cited = c.Runbook ? Cites(c).Select(s => s.Guide).ToList() : [c.Guide];
                    guides.UnionWith(cited.Count > 0 ? cited : [c.Guide]); // a generic runbook is a home of its own
                }
            }

            if (rows <= RareMatches && guides.Count == 1 && !guides.First().StartsWith("pack:", StringComparison.Ordinal))
            {
                homes.Add(guides.First());
            }
        }

        return homes;
    }

    /// <summary>The guide sections a runbook candidate cites that are in the knowledge base.</summary>
    private IReadOnlyList<(string Guide, string Anchor)> Cites(Candidate runbook)
    {
        if (_cites is null)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT DISTINCT l.source, l.runbook, l.guide, l.anchor FROM links l
                WHERE EXISTS (SELECT 1 FROM entries e WHERE e.guide = l.guide AND e.anchor = l.anchor)
                """;
            using var reader = command.ExecuteReader();
            _cites = [];
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!_cites.TryGetValue(key, out var list))
                {
                    _cites[key] = list = [];
                }

                list.Add((reader.GetString(2), reader.GetString(3)));
            }
        }

        return _cites.TryGetValue((runbook.Guide, runbook.Anchor), out var cited) ? cited : [];
    }
}
