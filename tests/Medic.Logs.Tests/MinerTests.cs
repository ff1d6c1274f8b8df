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
        a.Text.ShouldBe("Connection from <*> closed after <*>");
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

    [Fact]
    public void Emit_templates_writes_one_row_per_line_in_order()
    {
        var output = new StringWriter();
        TemplateCsv.Write(output, ["start job 1", "start job 2", "stop, now"], new TemplateMiner());
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))
            .ShouldBe(["LineId,EventTemplate", "1,start job <*>", "2,start job <*>", "3,\"stop, now\""]);
    }
}
