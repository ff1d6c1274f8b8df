using System.Text.Json;
using Medic.Knowledge.Guides;
using Microsoft.Data.Sqlite;

namespace Medic.Knowledge.Index;

/// <summary>Inserts entries with prepared commands: the row, its FTS5 document, and for runbooks the links to the sections they cite.</summary>
internal sealed class EntryWriter(SqliteConnection connection, SqliteTransaction tx, string guide, string product)
{
    public void Write(IReadOnlyList<GuideEntry> entries)
    {
        using var row = Command("INSERT INTO entries(guide, kind, code, anchor, doc) VALUES ($g, $k, $c, $a, $d) RETURNING id", "$g", "$k", "$c", "$a", "$d");
        using var fts = Command("INSERT INTO entries_fts(rowid, title, symptoms, codes, causes, fixes, body, product) VALUES ($id, $t, $s, $c, $ca, $f, $b, $p)", "$id", "$t", "$s", "$c", "$ca", "$f", "$b", "$p");
        using var link = Command("INSERT INTO links(guide, anchor, runbook, source) VALUES ($g, $a, $r, $s)", "$g", "$a", "$r", "$s");
        foreach (var e in entries)
        {
            Set(row, guide, e.Kind.ToString().ToLowerInvariant(), (object?)e.Code ?? DBNull.Value, e.Anchor, JsonSerializer.Serialize(e, KnowledgeBase.Json));
            var id = (long)row.ExecuteScalar()!;
            Set(fts, id, QueryText.ForIndex(e.Title), QueryText.ForIndex(string.Join("\n", e.Symptoms)),
                QueryText.ForIndex(string.Join(" ", new[] { e.Code, e.Message }.Where(s => s is not null))),
                string.Join("\n", e.Causes), string.Join("\n", e.Fixes),
                e.Section + "\n" + e.Body + "\n" + string.Join("\n", e.Diagnostics.Select(d => d.Command)), product);
            fts.ExecuteNonQuery();
            foreach (var reference in e.Refs)
            {
                var hash = reference.IndexOf('#', StringComparison.Ordinal);
                if (hash > 0)
                {
                    Set(link, Path.GetFileName(reference[..hash]), reference[(hash + 1)..], e.Anchor, guide);
                    link.ExecuteNonQuery();
                }
            }
        }
    }

    private SqliteCommand Command(string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
