using Shouldly;
using Xunit;

namespace Medic.Logs.Tests;

public sealed class MinerTests
{
    [Fact]
    public void Lines_differing_only_in_values_share_a_template()
    {
        var miner = new TemplateMiner();
        var a = miner.Add("Connection from 10.0.0.1:5432 closed after 12ms");
        var b = miner.Add("Connection from 10.0.0.7:5433 closed after 40ms");
        a.ShouldBeSameAs(b);
        a.Text.ShouldBe("Connection from <*>:<*> closed after <*>");
        a.Count.ShouldBe(2);
    }

    [Fact]
    public void Different_messages_get_different_templates()
    {
        var miner = new TemplateMiner();
        var a = miner.Add("database is locked");
        var b = miner.Add("QueuePool limit of size 5 overflow 10 reached");
        a.ShouldNotBeSameAs(b);
        miner.Templates.Count.ShouldBe(2);
    }

    [Fact]
    public void Key_value_tokens_keep_their_key()
    {
        Masker.MaskToken("user_id=42").ShouldBe("user_id=<*>");
        Masker.MaskToken("closed").ShouldBe("closed");
        Masker.MaskToken("/var/log/app.log").ShouldBe("<*>");
    }

    [Theory]
    [InlineData("blk_-6952295868487656571", "blk_<*>")]
    [InlineData("/10.250.19.102:54106", "/<*>:<*>")]
    [InlineData("10.251.42.84:50010", "<*>:<*>")]
    [InlineData("(HWID=1973)", "(HWID=<*>)")]
    [InlineData("550e8400-e29b-41d4-a716-446655440000,", "<*>,")]
    [InlineData("https://example.com/a?b=1", "<*>")]
    [InlineData("C:\\Windows\\winsxs\\x.dll", "<*>")]
    [InlineData("took=12.5ms", "took=<*>")]
    [InlineData("eth0", "eth0")]
    [InlineData("Slf4jLogger", "Slf4jLogger")]
    [InlineData("<*>:<*>", "<*>:<*>")]
    [InlineData("headroom=<memory:10240,", "headroom=<memory:<*>,")]
    [InlineData("vCores:-17>", "vCores:<*>>")]
    [InlineData("msgid=<200511091234.jA9@host1>,", "msgid=<<*>>,")]
    [InlineData("0000:00:02.0[A]", "<*>")]
    [InlineData("'{bf1a281b-ad7b}GLOBALROOT/Device'", "'<*>'")]
    [InlineData("(uid=0)", "(uid=<*>)")]
    [InlineData("1514038440000##6993##548365", "<*>##<*>##<*>")]
    [InlineData("time=1,2,3", "time=<*>,<*>,<*>")]
    [InlineData("type=1,0.0,old=0.0", "type=<*>,<*>,old=<*>")]
    [InlineData("2,who", "<*>,who")]
    [InlineData("pushAction=0},app", "pushAction=<*>},app")]
    [InlineData("yarn,curi", "yarn,curi")]
    [InlineData("=20171224", "=<*>")]
    [InlineData("msra-sa-41:9000.", "<*>:<*>.")]
    [InlineData("proxy.cse.cuhk.edu.hk:5070", "<*>:<*>")]
    [InlineData("localhost:8080", "localhost:<*>")]
    [InlineData("(Foo.java:123)", "(Foo.java:<*>)")]
    [InlineData("msra-sa-41/10.190.173.170:8030", "<*>/<*>:<*>")]
    [InlineData("<*>:8030,", "<*>:<*>,")]
    [InlineData("core.2275", "core.<*>")]
    [InlineData("upstream=db-1:5432", "upstream=<*>:<*>")]
    [InlineData("v2.6.32", "<*>")]
    public void Masking_keeps_names_keys_and_punctuation(string token, string masked) =>
        Masker.MaskToken(token).ShouldBe(masked);

    [Fact]
    public void A_long_list_token_fits_the_line_buffer()
    {
        var list = string.Join(',', Enumerable.Range(0, 3000).Select(i => (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var miner = new TemplateMiner();
        var t = miner.Add("values " + list);
        t.Text.ShouldBe("values " + string.Join(',', Enumerable.Repeat("<*>", 3000)));
        Masker.MaskToken(list).Length.ShouldBe((3000 * 3) + 2999);
    }

    [Fact]
    public void Templates_carry_count_levels_first_last_seen_and_value_spread()
    {
        var miner = new TemplateMiner();
        var t0 = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 300; i++)
        {
            miner.Add($"request {i % 3 + 100} failed for user_id={i}", i % 2 == 0 ? "ERROR" : "warn", t0.AddSeconds(300 - i));
        }
        var t = miner.Templates.ShouldHaveSingleItem();
        t.Text.ShouldBe("request <*> failed for user_id=<*>");
        t.Count.ShouldBe(300);
        t.Levels.ShouldBe(new Dictionary<string, long> { ["ERROR"] = 150, ["warn"] = 150 });
        t.FirstSeen.ShouldBe(t0.AddSeconds(1));
        t.LastSeen.ShouldBe(t0.AddSeconds(300));
        t.Example.ShouldBe("request 100 failed for user_id=0");
        var request = t.Variables[0];
        request.Position.ShouldBe(1);
        request.DistinctCount.ShouldBe(3);
        request.IsEstimate.ShouldBeFalse();
        request.Top(2).ShouldBe([new("100", 100), new("101", 100)]);
        var user = t.Variables[1];
        user.IsEstimate.ShouldBeTrue();
        // the estimate uses a per-process hash seed: linear counting on 256 registers has a standard error of about 5.5 %
        // at 300 values, so allow ±25 % (about 4.5σ; ±13 % failed about one run in sixty)
        user.DistinctCount.ShouldBeInRange(225, 375);
        user.Top(1).Single().Value.ShouldBe(1);
    }

    [Fact]
    public void A_word_position_becomes_a_variable_once_it_holds_four_values_and_the_seed_value_is_kept()
    {
        var miner = new TemplateMiner();
        var lines = new[] { "session opened for user root", "session opened for user alice", "session opened for user bob", "link state up now" };
        var first = lines.Select(miner.Add).ToList();
        miner.Compact();
        miner.Templates.Count.ShouldBe(4);
        miner.Add("session opened for user carol");
        miner.Compact();
        miner.Templates.Select(t => t.Text).Order().ShouldBe(["link state up now", "session opened for user <*>"]);
        first[0].Text.ShouldBe("session opened for user <*>");
        first[0].Canonical.Count.ShouldBe(4);
        first[0].Canonical.Variables.Single().Top(5).Select(p => p.Key).Order().ShouldBe(["alice", "bob", "carol", "root"]);
        miner.Add("session opened for user dave").ShouldBeSameAs(first[0].Canonical);
    }

    [Fact]
    public void Many_unique_words_stay_a_bounded_number_of_templates()
    {
        var miner = new TemplateMiner();
        static string Word(int i) => string.Concat(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)('a' + c - '0')));
        for (var i = 0; i < 20000; i++)
        {
            miner.Add($"user {Word(i)} opened file {Word(i * 7)} read only");
        }
        miner.Compact();
        var t = miner.Templates.ShouldHaveSingleItem();
        t.Text.ShouldBe("user <*> opened file <*> read only");
        t.Count.ShouldBe(20000);
        t.Variables[0].IsEstimate.ShouldBeTrue();
        // a 256-register HyperLogLog with a per-process hash seed: standard error about 6.5 %, so allow ±25 % (about 4σ)
        t.Variables[0].DistinctCount.ShouldBeInRange(15000, 25000);
    }

    [Fact]
    public void Two_words_at_a_position_stay_two_templates()
    {
        var miner = new TemplateMiner();
        miner.Add("Link error on port 3");
        miner.Add("Link ok on port 4");
        miner.Compact();
        miner.Templates.Select(t => t.Text).Order().ShouldBe(["Link error on port <*>", "Link ok on port <*>"]);
    }

    [Fact]
    public void User_masks_keep_the_whitespace_around_a_match()
    {
        var masks = new UserMasks([new System.Text.RegularExpressions.Regex(@"/.+?\s")]);
        masks.Apply("GET /v2/servers HTTP/1.1 done").ShouldBe("GET <*> HTTP<*> done");
    }

    [Theory]
    [InlineData(@"blk_-?\d+", "Deleting blk_-1608999687919862906 now", "Deleting blk_<*> now")]
    [InlineData(@"(\d+\.){3}\d+(:\d+)?", "from /10.250.19.102:50010 ok", "from /<*>:<*> ok")]
    [InlineData(@"(/|)(\d+\.){3}\d+(:\d+)?", "from /10.250.19.102:50010 ok", "from /<*>:<*> ok")]
    [InlineData(@"=\d+", "ambient=32 high", "ambient=<*> high")]
    [InlineData(@"\b[KGTM]?B\b", "size 12 KB free", "size 12 <*> free")]
    [InlineData(@"id \w+", "user id abc", "user <*>")]
    [InlineData(@"user=\w+", "login user=abc ok", "login user=<*> ok")]
    [InlineData(@"([\w-]+\.)+[\w-]+(:\d+)?", "via proxy.cse.cuhk.edu.hk:5070 ok", "via <*>:<*> ok")]
    [InlineData(@"([\w-]+\.){2,}[\w-]+", "host node12.example.com up", "host <*> up")]
    public void A_user_mask_match_is_written_the_way_built_in_values_are(string pattern, string line, string masked) =>
        new UserMasks([new System.Text.RegularExpressions.Regex(pattern)]).Apply(line).ShouldBe(masked);

    [Fact]
    public void Strict_gzip_validation_is_active()
    {
        StrictGzip.Active.ShouldBeTrue();
    }

    [Fact]
    public void Emit_templates_writes_one_row_per_line_in_order()
    {
        var output = new StringWriter();
        TemplateCsv.Write(output, ["start job 1", "start job 2", "stop, now"], new TemplateMiner());
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))
            .ShouldBe(["LineId,EventTemplate", "1,start job <*>", "2,start job <*>", "3,\"stop, now\""]);
    }
}
