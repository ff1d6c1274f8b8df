using System.Globalization;
using System.Text.Json;
using Medic.Knowledge.Guides;
using Microsoft.Data.Sqlite;

namespace Medic.Knowledge.Index;

public sealed partial class KnowledgeBase
{
    // bm25 weights per column: title, symptoms, codes, causes, fixes, body, product (guide or pack title).
    private const string Rank = "bm25(entries_fts, 10.0, 6.0, 8.0, 3.0, 2.0, 1.0, 8.0)";

    /// <summary>How many BM25 matches are re-ranked (see <see cref="Ranking"/>); snippets are built only for the answers shown.</summary>
    private const int CandidateCount = 40;

    private SqliteCommand? _match;
    private SqliteCommand? _shown;
    private SqliteCommand? _code;
    private SqliteCommand? _links;

    /// <summary>
    /// Ranked entries for a symptom, a pasted log line or an error code: exact code matches first, then BM25 over
    /// the normalised terms with title and symptoms weighted above the body.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string text, int limit = 5)
    {
        var hits = new List<SearchHit>();
        var seen = new HashSet<long>();
        foreach (var code in QueryText.Codes(text))
        {
            _code ??= Prepare("SELECT id, doc FROM entries WHERE code = $c COLLATE NOCASE ORDER BY id LIMIT 5", "$c");
            _code.Parameters[0].Value = code;
            using var reader = _code.ExecuteReader();
            while (reader.Read() && hits.Count < limit)
            {
                if (seen.Add(reader.GetInt64(0)))
                {
                    hits.Add(Hit(reader.GetString(1), double.MaxValue, code, exact: true));
                }
            }
        }

        var terms = QueryText.Terms(text);
        if (terms.Count > 0 && hits.Count < limit)
        {
            var expression = QueryText.MatchExpression(terms);
            var named = Products().Named(QueryText.Words(text)).Concat(Homes(terms)).ToHashSet(StringComparer.Ordinal);
            var ranked = Ranking.Rank(Candidates(expression, Math.Max(CandidateCount, limit * 4)), named, Cites);
            foreach (var r in ranked)
            {
                if (hits.Count >= limit)
                {
                    break;
                }

                if (seen.Add(r.Id))
                {
                    var (doc, snippet) = Shown(expression, r.Id);
                    hits.Add(Hit(doc, r.Score, snippet, exact: false));
                }

                seen.UnionWith(r.Folded);
            }
        }

        return hits;
    }

    private List<Candidate> Candidates(string expression, int count)
    {
        _match ??= Prepare(
            // Rank inside FTS5 alone, then read the entries rows of the top n only (the rows carry the whole document).
            $"WITH top(id, score) AS MATERIALIZED (SELECT rowid, -{Rank} FROM entries_fts WHERE entries_fts MATCH $q ORDER BY {Rank} LIMIT $n) "
            + "SELECT e.id, e.guide, e.kind, e.anchor, top.score FROM top CROSS JOIN entries e ON e.id = top.id ORDER BY top.score DESC",
            "$q", "$n");
        _match.Parameters[0].Value = expression;
        _match.Parameters[1].Value = count;
        using var reader = _match.ExecuteReader();
        var candidates = new List<Candidate>();
        while (reader.Read())
        {
            candidates.Add(new Candidate(reader.GetInt64(0), reader.GetString(1), reader.GetString(2) == "runbook", reader.GetString(3), reader.GetDouble(4)));
        }

        return candidates;
    }

    /// <summary>The document and the matching snippet of one answer (snippet() needs the MATCH, so it is repeated for this row only).</summary>
    private (string Doc, string Snippet) Shown(string expression, long id)
    {
        _shown ??= Prepare(
            "SELECT e.doc, snippet(entries_fts, -1, '[', ']', '…', 12) FROM entries_fts CROSS JOIN entries e ON e.id = entries_fts.rowid "
            + "WHERE entries_fts MATCH $q AND entries_fts.rowid = $id",
            "$q", "$id");
        _shown.Parameters[0].Value = expression;
        _shown.Parameters[1].Value = id;
        using var reader = _shown.ExecuteReader();
        reader.Read();
        return (reader.GetString(0), reader.GetString(1));
    }

    private SearchHit Hit(string doc, double score, string snippet, bool exact)
    {
        var entry = JsonSerializer.Deserialize<GuideEntry>(doc, Json)!;
        return new SearchHit(entry, score, snippet, exact, entry.Kind == EntryKind.Runbook ? [] : Runbooks(entry));
    }

    private List<string> Runbooks(GuideEntry entry)
    {
        _links ??= Prepare("SELECT DISTINCT runbook FROM links WHERE guide = $g AND (anchor = $a OR substr(anchor, 1, length($a) + 1) = $a || '-') ORDER BY runbook", "$g", "$a");
        _links.Parameters[0].Value = entry.Guide;
        _links.Parameters[1].Value = entry.Anchor;
        using var reader = _links.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    internal static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
