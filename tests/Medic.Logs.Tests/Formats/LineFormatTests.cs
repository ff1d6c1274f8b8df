using Medic.Logs.Formats;
using Shouldly;
using Xunit;

namespace Medic.Logs.Tests.Formats;

public sealed class LineFormatTests
{
    [Fact]
    public void Reads_fields_in_loghub_notation()
    {
        var parser = new LineFormatParser("<Date> <Time> <Pid> <Level> <Component>: <Content>");
        var r = Parse.With(parser, "081109 204005 35 INFO dfs.FSNamesystem: BLOCK* NameSystem.addStoredBlock: blockMap updated: 10.251.73.220:50010 is added to blk_7128370237687728475 size 67108864")!;
        r.Severity.ShouldBe(LogSeverity.Info);
        r.Component.ShouldBe("dfs.FSNamesystem");
        r.Message.ShouldStartWith("BLOCK* NameSystem.addStoredBlock: blockMap updated");
        r.Timestamp.ShouldBe(Parse.Utc("2008-11-09T20:40:05Z"));
    }

    [Fact]
    public void Literal_text_is_a_regex_and_spaces_match_runs_of_whitespace()
    {
        var parser = new LineFormatParser(@"<Date> <Time>, <Level> <Component> <Content>");
        var r = Parse.With(parser, "2016-09-28 04:30:31, Info                  CSI    00000001@2016/9/27:20:30:31.455 WcpInitialize called")!;
        r.Severity.ShouldBe(LogSeverity.Info);
        r.Component.ShouldBe("CSI");
        r.Message.ShouldBe("00000001@2016/9/27:20:30:31.455 WcpInitialize called");

        var thunderbird = new LineFormatParser(@"<Label> <Timestamp> <Date> <User> <Month> <Day> <Time> <Location> <Component>(\[<PID>\])?: <Content>");
        Parse.With(thunderbird, "- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond(pam_unix)[2915]: session closed for user root")!
            .Message.ShouldBe("session closed for user root");
    }

    [Fact]
    public void Lines_that_do_not_match_are_not_read() =>
        Parse.With(new LineFormatParser("<Date> <Time> <Level> <Content>"), "garbage").ShouldBeNull();

    [Theory]
    [InlineData("<Date> <Time <Content>", 8)]
    [InlineData("<Date> <Time> <Level>", 22)]
    [InlineData("<Date> <Da-te> <Content>", 8)]
    [InlineData("<Date> <Date> <Content>", 8)]
    [InlineData("<Date> (<Time> <Content>", 8)]
    public void A_bad_format_is_rejected_with_its_column(string format, int column)
    {
        var e = Should.Throw<LineFormatException>(() => new LineFormatParser(format));
        e.Column.ShouldBe(column);
    }
}
