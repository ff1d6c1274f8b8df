using Medic.Logs.Formats;
using Shouldly;
using Xunit;

namespace Medic.Logs.Tests.Formats;

public sealed class TextParserTests
{
    [Fact]
    public void Reads_logfmt_from_go_slog_text_handler()
    {
        var r = Parse.With(new LogfmtParser(), """time=2024-01-15T10:00:00Z level=error msg="database is locked" component=sqlite duration=5.002s request_id=trace-123""")!;
        r.Severity.ShouldBe(LogSeverity.Error);
        r.Message.ShouldBe("database is locked");
        r.Component.ShouldBe("sqlite");
        r.Duration.ShouldBe(TimeSpan.FromMilliseconds(5002));
        r.RequestId.ShouldBe("trace-123");
        r.Timestamp.ShouldBe(Parse.Utc("2024-01-15T10:00:00Z"));
    }

    [Fact]
    public void Does_not_take_prose_with_an_equals_sign_for_logfmt() =>
        Parse.With(new LogfmtParser(), "Set x=1 in the config").ShouldBeNull();

    [Fact]
    public void Reads_journal_short_lines_and_the_programs_logfmt_inside()
    {
        var r = Parse.With(new SyslogParser(), """Jan 15 10:00:00 pma-host pma-backend[1234]: time=2024-01-15T10:00:00Z level=error msg="failed to start server" error="listen tcp :3001: bind: address already in use" """)!;
        r.Severity.ShouldBe(LogSeverity.Error);
        r.Message.ShouldBe("failed to start server");
        r.Component.ShouldBe("pma-backend");
        r.Timestamp.ShouldBe(Parse.Utc("2024-01-15T10:00:00Z"));
    }

    [Fact]
    public void Reads_rfc3164_priority_as_level()
    {
        TimestampValue.ReferenceYear = 2024;
        var r = Parse.With(new SyslogParser(), "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8")!;
        r.Severity.ShouldBe(LogSeverity.Fatal);
        r.Component.ShouldBe("su");
        r.Message.ShouldBe("'su root' failed for lonvick on /dev/pts/8");
        r.Timestamp!.Value.Month.ShouldBe(10);
    }

    [Fact]
    public void Reads_rfc5424_with_structured_data()
    {
        var r = Parse.With(new SyslogParser(), """<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application"] An application event log entry""")!;
        r.Severity.ShouldBe(LogSeverity.Notice);
        r.Component.ShouldBe("evntslog");
        r.Message.ShouldBe("An application event log entry");
        r.Timestamp.ShouldBe(Parse.Utc("2003-10-11T22:14:15.003Z"));
    }

    [Fact]
    public void Reads_journalctl_short_iso()
    {
        var r = Parse.With(new SyslogParser(), "2024-01-15T10:00:00+0000 pma-host systemd[1]: pma-backend.service: Main process exited, code=exited, status=1/FAILURE")!;
        r.Component.ShouldBe("systemd");
        r.Timestamp.ShouldBe(Parse.Utc("2024-01-15T10:00:00Z"));
        r.Message.ShouldContain("Main process exited");
    }

    [Fact]
    public void Reads_nginx_combined_with_request_time()
    {
        var r = Parse.With(new AccessLogParser(), """127.0.0.1 - - [15/Jan/2024:10:00:00 +0000] "POST /api/v1/ota/upload?x=1 HTTP/1.1" 413 585 "-" "curl/8.5.0" 0.002""")!;
        r.Method.ShouldBe("POST");
        r.Path.ShouldBe("/api/v1/ota/upload?x=1");
        r.Status.ShouldBe(413);
        r.Severity.ShouldBe(LogSeverity.Warning);
        r.Duration.ShouldBe(TimeSpan.FromMilliseconds(2));
        r.Timestamp.ShouldBe(Parse.Utc("2024-01-15T10:00:00Z"));
    }

    [Fact]
    public void Reads_apache_common_log_without_referer()
    {
        var r = Parse.With(new AccessLogParser(), """10.0.0.7 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 502 2326""")!;
        r.Severity.ShouldBe(LogSeverity.Error);
        r.Duration.ShouldBeNull();
        r.Timestamp.ShouldBe(Parse.Utc("2000-10-10T20:55:36Z"));
    }

    [Theory]
    [InlineData("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating", "Info", "dfs.DataNode$PacketResponder", "PacketResponder 1 for block blk_38865049064139660 terminating")]
    [InlineData("17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers for [TERM, HUP, INT]", "Info", "executor.CoarseGrainedExecutorBackend", "Registered signal handlers for [TERM, HUP, INT]")]
    [InlineData("2015-07-29 19:04:29,071 - WARN  [SendWorker:188978561024:QuorumCnxManager$SendWorker@688] - Send worker leaving thread", "Warning", "SendWorker:188978561024:QuorumCnxManager$SendWorker@688", "Send worker leaving thread")]
    [InlineData("2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster for application appattempt_1445144423722_0020_000001", "Info", "org.apache.hadoop.mapreduce.v2.app.MRAppMaster", "Created MRAppMaster for application appattempt_1445144423722_0020_000001")]
    [InlineData("[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6", "Error", null, "mod_jk child workerEnv in error state 6")]
    [InlineData("2024-01-15 10:00:00,123 - webmacs.backend - ERROR - QueuePool limit of size 5 overflow 10 reached", "Error", null, "QueuePool limit of size 5 overflow 10 reached")]
    [InlineData("2024-01-15T10:00:00.123Z ERROR sqlite: database is locked", "Error", "sqlite", "database is locked")]
    [InlineData("2024/01/15 10:00:00 listen tcp :3001: bind: address already in use", "Unknown", null, "listen tcp :3001: bind: address already in use")]
    public void Reads_common_date_time_level_component_shapes(string line, string level, string? component, string message)
    {
        var r = Parse.With(new TextLineParser(), line)!;
        r.ShouldNotBeNull();
        r.Severity.ToString().ShouldBe(level);
        r.Component.ShouldBe(component);
        r.Message.ShouldBe(message);
        r.Timestamp.ShouldNotBeNull();
    }

    [Fact]
    public void Python_logging_with_name_keeps_the_name_as_component()
    {
        var r = Parse.With(new TextLineParser(), "2024-01-15 10:00:00,123 webmacs.db - ERROR - QueuePool limit of size 5 overflow 10 reached")!;
        r.Severity.ShouldBe(LogSeverity.Error);
        r.Message.ShouldBe("QueuePool limit of size 5 overflow 10 reached");
    }
}
