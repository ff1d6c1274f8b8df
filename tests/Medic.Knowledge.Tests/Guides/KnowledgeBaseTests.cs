using Medic.Knowledge.Guides;
using Medic.Knowledge.Index;
using Shouldly;
using Xunit;

namespace Medic.Knowledge.Tests.Guides;

public sealed class KnowledgeBaseTests
{
    [Fact]
    public void Error_codes_are_found_exactly_and_first()
    {
        using var kb = new SeedKnowledgeBase();
        foreach (var code in new[] { "1003", "AUTH007", "ErrCircuitOpen", "auth009" })
        {
            var top = kb.Store.Search(code, 3)[0];
            top.ExactCode.ShouldBeTrue(code);
            top.Entry.Code!.ShouldBe(code, StringCompareShould.IgnoreCase);
        }
    }

    [Fact]
    public void A_pasted_log_line_with_other_numbers_finds_its_entry()
    {
        using var kb = new SeedKnowledgeBase();
        var hits = kb.Store.Search("2026-12-04 05:31:02,881 ERROR sqlalchemy.pool QueuePool limit of size 7 overflow 3 reached, connection timed out, timeout 12.50", 3);
        hits.ShouldContain(h => SeedKnowledgeBase.Answers(h, new HashSet<string> { "003_845f98012e8cd58d.txt#connection-pool-exhaustion" }));
        kb.Store.Search("QueuePool limit", 1)[0].Snippet.ShouldContain("Pool]");
    }

    [Fact]
    public void Reimporting_a_guide_replaces_its_entries()
    {
        var folder = Directory.CreateTempSubdirectory("medic-kb-").FullName;
        try
        {
            using (var kb = KnowledgeBase.Open(Path.Combine(folder, "kb.db")))
            {
                var v1 = GuideImporter.Parse("g.md", "g.md", "# G\n\n## Problem: Widget explodes\n\n**Symptoms:**\n- sparks fly\n");
                kb.Replace(v1.Name, v1.Path, v1.Title, v1.Entries, DateTimeOffset.UnixEpoch);
                kb.Search("sparks", 5).Count.ShouldBe(1);
                var v2 = GuideImporter.Parse("g.md", "g.md", "# G\n\n## Problem: Widget melts\n\n**Symptoms:**\n- smoke rises\n");
                kb.Replace(v2.Name, v2.Path, v2.Title, v2.Entries, DateTimeOffset.UnixEpoch);
                kb.Search("sparks", 5).ShouldBeEmpty();
                kb.Search("smoke", 5).Single().Entry.Title.ShouldBe("Widget melts");
                kb.Count().ShouldBe(1);
                kb.Guides().Single().Entries.ShouldBe(1);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Guide_entries_name_the_runbooks_that_cite_them()
    {
        using var kb = new SeedKnowledgeBase();
        var hit = kb.Store.Search("AUTH007", 1)[0];
        hit.Entry.Kind.ShouldBe(EntryKind.ErrorCode);
        kb.Store.Search("Cache (Redis) Issues health unhealthy", 10)
            .First(h => h.Entry.Kind == EntryKind.Problem && h.Entry.Guide == Seeds.CodeAi).Runbooks.ShouldContain("codeai.redis-cache-issues");
    }

    [Fact]
    public void The_default_path_follows_xdg_data_home_then_home()
    {
        KnowledgeBase.DefaultPath(n => n == "XDG_DATA_HOME" ? "/x/data" : null).ShouldBe("/x/data/medic/kb.db");
        KnowledgeBase.DefaultPath(n => n == "HOME" ? "/home/u" : null).ShouldBe("/home/u/.local/share/medic/kb.db");
    }
}
