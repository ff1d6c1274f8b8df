using System.Globalization;
using System.Text;
using Medic.Logs.Formats;
using Medic.Logs.Tests.Formats.Legacy;
using Shouldly;
using Xunit;

namespace Medic.Logs.Tests.Formats;

/// <summary>
/// The span-based fast paths (flat JSON without a reader, the text stamp without the regex, ISO timestamps without
/// DateTimeOffset.TryParse) against the parsers as they were, on generated lines that mix the common shapes with
/// the edge cases each fast path must hand back (escapes, nesting, zones, odd numbers, non-ASCII digits, bad JSON).
/// </summary>
public sealed class FastPathEquivalenceTests
{
    private const int Lines = 20_000;

    [Fact]
    public void Json_lines_read_as_the_reader_based_parser_read_them()
    {
        var random = new Random(6);
        var parser = new JsonLineParser();
        var legacy = new LegacyJsonLineParser();
        var accepted = 0;
        for (var n = 0; n < Lines; n++)
        {
            var line = LineGen.Json(random);
            accepted += Same(parser, legacy, line) ? 1 : 0;
        }

        // the generator must exercise both outcomes, or the comparison proves little
        accepted.ShouldBeInRange(Lines / 4, Lines - (Lines / 20));
    }

    [Fact]
    public void Flat_json_takes_the_fast_path_and_hands_back_the_rest()
    {
        var random = new Random(7);
        var fast = 0;
        var total = 0;
        for (var n = 0; n < Lines; n++)
        {
            // some lines get white space around them: the record's fields are stretches of the untrimmed line
            var line = (n % 3 == 0 ? " \t" : "") + LineGen.Json(random) + (n % 5 == 0 ? "  " : "");
            var trimmed = line.AsSpan().Trim();
            if (trimmed.Length < 2 || trimmed[0] != '{' || trimmed[^1] != '}')
            {
                continue;
            }

            total++;
            var record = new LogRecord { Source = "t", LineNumber = 1, Line = line };
            if (FlatJson.TryRead(trimmed, line, line.Length - line.AsSpan().TrimStart().Length, record))
            {
                fast++;
                Compare(record, Parse.With(new LegacyJsonLineParser(), line).ShouldNotBeNull(line), line);
            }
            else
            {
                // refused lines leave the record as it was
                Compare(record, new LogRecord { Source = "t", LineNumber = 1, Line = line }, line);
            }
        }

        fast.ShouldBeInRange(total / 4, total - (total / 20));
    }

    [Fact]
    public void Text_lines_read_as_the_regex_based_parser_read_them()
    {
        var random = new Random(8);
        var parser = new TextLineParser();
        var legacy = new LegacyTextLineParser();
        var accepted = 0;
        var fast = 0;
        for (var n = 0; n < Lines; n++)
        {
            var line = LineGen.Text(random);
            accepted += Same(parser, legacy, line) ? 1 : 0;
            fast += TextLineParser.IsoStamp(line, out _, out _) ? 1 : 0;
        }

        accepted.ShouldBeInRange(Lines / 10, Lines - (Lines / 20));
        fast.ShouldBeInRange(Lines / 10, accepted);
    }

    [Fact]
    public void Timestamps_read_as_DateTimeOffset_TryParse_read_them()
    {
        var random = new Random(9);
        var parsed = 0;
        for (var n = 0; n < Lines * 2; n++)
        {
            var text = LineGen.Stamp(random);
            var now = TimestampValue.Parse(text);
            now.ShouldBe(LegacyTimestampValue.Parse(text), text);
            now?.Offset.ShouldBe(TimeSpan.Zero);
            parsed += now is null ? 0 : 1;
        }

        parsed.ShouldBeInRange(Lines / 2, (Lines * 2) - (Lines / 5));
    }

    [Fact]
    public void Plain_decimals_read_bit_for_bit_as_double_Parse_reads_them()
    {
        var random = new Random(10);
        var fast = 0;
        for (var n = 0; n < Lines * 5; n++)
        {
            var digits = new string([.. Enumerable.Range(0, random.Next(1, 18)).Select(_ => (char)('0' + random.Next(10)))]);
            var dot = random.Next(digits.Length + 1);
            var text = (random.Next(4) == 0 ? "-" : "") + (dot == 0 || dot == digits.Length ? digits : digits.Insert(dot, "."));
            if (SimpleNumber.TryParse(text, out var value))
            {
                fast++;
                BitConverter.DoubleToInt64Bits(value).ShouldBe(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), text);
            }
        }

        SimpleNumber.TryParse("1.", out _).ShouldBeFalse();
        SimpleNumber.TryParse("1e3", out _).ShouldBeFalse();
        SimpleNumber.TryParse("", out _).ShouldBeFalse();
        fast.ShouldBeGreaterThan(Lines * 3);
    }

    [Fact]
    public void Access_log_times_read_as_the_exact_formats_read_them()
    {
        var random = new Random(13);
        string[] months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "jan", "JAN", "Foo"];
        var read = 0;
        for (var n = 0; n < Lines * 2; n++)
        {
            var zone = random.Next(6) switch
            {
                0 => "",
                1 => " +0000",
                2 => $" {(random.Next(2) == 0 ? '+' : '-')}{random.Next(16):D2}{random.Next(62):D2}",
                3 => " -0700",
                4 => " +0530",
                _ => $" +{random.Next(100):D2}{random.Next(100):D2}",
            };
            var text = $"{random.Next(0, 33):D2}/{months[random.Next(months.Length)]}/{random.Next(2, 10):D1}{random.Next(1000):D3}:{random.Next(25):D2}:{random.Next(61):D2}:{random.Next(61):D2}{zone}";
            var fast = TimestampValue.Parse(text);
            var legacy = LegacyTimestampValue.Parse(text);
            fast.ShouldBe(legacy, text);
            fast?.Offset.ShouldBe(legacy!.Value.Offset, text);
            read += fast is null ? 0 : 1;
        }

        read.ShouldBeGreaterThan(Lines / 2);
    }

    [Fact]
    public void Access_lines_read_as_the_regex_and_split_based_parser_read_them()
    {
        var random = new Random(14);
        string[] paths = ["/", "/api/v1/jobs/8131", "/api/v1/executions/1291/logs", "/static/app.js?v=12", "/u/3f2a9c1e-77aa-4b1c-9e0e-1a2b3c4d5e6f/x",
            "/a//b/", "http://example.com/x/42", "https://example.com", "/deadbeefcafe1234/y#frag", "/x_1-2_3-4_5/z", "/%2F/12ab", "?only=query", ""];
        string[] rests = ["", " 0.042 req-01200", " rt=0.120 urt=0.118 request_id=abc123", " \"-\" \"curl/8\" 1.5", " 12 req", " \"\" rid=x1y2z3",
            " duration_ms=812 trace_id=t-9 user=alice", " uct=0.001 uht=0.002", " 0.5.6 abcdef1", " request_time=2.5", "  double  spaces  7.25"];
        string[] methods = ["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS", "PROPFIND", "get"];
        var parser = new AccessLogParser();
        var legacy = new LegacyAccessLogParser();
        var accepted = 0;
        for (var n = 0; n < Lines; n++)
        {
            var agent = random.Next(3) == 0 ? "" : $" \"{(random.Next(2) == 0 ? "-" : "https://ref.example/")}\" \"agent/{random.Next(9)}\"";
            var line = $"10.0.{random.Next(256)}.{random.Next(256)} - {(random.Next(4) == 0 ? "bob" : "-")} [{random.Next(1, 29):D2}/Mar/2024:{random.Next(24):D2}:{random.Next(60):D2}:{random.Next(60):D2} +0{random.Next(3)}00] \"{methods[random.Next(methods.Length)]} {paths[random.Next(paths.Length)]} HTTP/1.1\" {random.Next(100, 600)} {(random.Next(5) == 0 ? "-" : random.Next(99999).ToString(CultureInfo.InvariantCulture))}{agent}{rests[random.Next(rests.Length)]}";
            if (Same(parser, legacy, line))
            {
                accepted++;
            }
        }

        accepted.ShouldBeGreaterThan(Lines / 2);
        foreach (var path in paths.Concat(["/1/2/3", "/a", "abc", "/12345678-aaaa", "/aaaaaaaa1", "/v1.2/3", "///"]))
        {
            PathNormaliser.Normalise(path).ShouldBe(LegacyPathNormaliser.Normalise(path), path);
        }
    }

    [Fact]
    public void Syslog_times_and_lines_read_as_before()
    {
        var random = new Random(15);
        string[] months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "feb", "Xyz"];
        string[] messages = ["time=2024-01-15T10:00:04.000Z level=info msg=\"entity state synced\" duration=1ms", "{\"level\":\"error\",\"msg\":\"boom\"}",
            "pma-backend.service: Main process exited, code=exited, status=1/FAILURE", "2024-01-15 10:00:00,001 WARN worker: slow", "ERROR db: locked", "", "[x] y: z"];
        var parser = new SyslogParser();
        var legacy = new LegacySyslogParser();
        var read = 0;
        for (var n = 0; n < Lines; n++)
        {
            var day = random.Next(0, 33);
            var stamp = $"{months[random.Next(months.Length)]} {(day < 10 && random.Next(2) == 0 ? " " + day : day.ToString("D2", CultureInfo.InvariantCulture))} {random.Next(25):D2}:{random.Next(61):D2}:{random.Next(61):D2}{(random.Next(8) == 0 ? ".123" : "")}";
            var fast = TimestampValue.Parse(stamp);
            fast.ShouldBe(LegacyTimestampValue.Parse(stamp), stamp);
            read += fast is null ? 0 : 1;
            var pri = random.Next(3) == 0 ? $"<{random.Next(192)}>" : "";
            var line = $"{pri}{stamp} host-{random.Next(9)} app{(random.Next(2) == 0 ? $"[{random.Next(999)}]" : "")}: {messages[random.Next(messages.Length)]}";
            Same(parser, legacy, line);
        }

        read.ShouldBeGreaterThan(Lines / 3);
        Same(parser, legacy, "<165>1 2003-10-11T22:14:15.003Z mymachine evntslog - ID47 [exampleSDID@32473 iut=\"3\"] An application event log entry");
    }

    [Fact]
    public void The_miner_splits_tokens_on_exactly_its_space_characters()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            MaskedLine.IsSpace(c).ShouldBe(MaskedLine.Spaces.Contains(c), $"U+{(int)c:X4}");
        }
    }

    private static bool Same(ILogLineParser parser, ILogLineParser legacy, string line)
    {
        var a = new LogRecord { Source = "t", LineNumber = 1, Line = line };
        var b = new LogRecord { Source = "t", LineNumber = 1, Line = line };
        var ok = parser.TryParse(line, a);
        ok.ShouldBe(legacy.TryParse(line, b), line);
        if (ok)
        {
            Compare(a, b, line);
        }

        return ok;
    }

    private static void Compare(LogRecord a, LogRecord b, string line)
    {
        a.Message.ShouldBe(b.Message, line);
        a.Timestamp.ShouldBe(b.Timestamp, line);
        a.Severity.ShouldBe(b.Severity, line);
        a.Component.ShouldBe(b.Component, line);
        a.Duration.ShouldBe(b.Duration, line);
        a.RequestId.ShouldBe(b.RequestId, line);
        a.Method.ShouldBe(b.Method, line);
        a.Path.ShouldBe(b.Path, line);
        a.Status.ShouldBe(b.Status, line);
    }

    private static class LineGen
    {
        private static readonly string[] Keys =
        [
            "time", "ts", "Time", "@t", "timestamp", "level", "LEVEL", "lvl", "@l", "severity", "msg", "message", "@m", "@mt", "event",
            "logger", "service", "caller", "duration", "duration_ms", "Duration_MS", "latency_us", "elapsed", "request_time",
            "elapsedMilliseconds", "took_s", "request_id", "trace_id", "method", "path", "url", "status", "status_code", "error", "err",
            "@x", "port", "user", "", "k\\u0065y", "na\\\"me", "x", "ünïcode",
        ];

        private static readonly string[] Words = ["GET", "post", "info", "WARN", "error", "-", "", "orders", "a b", "Ω", "trace-123", "/api/v1/x?y=1"];

        public static string Json(Random r)
        {
            var sb = new StringBuilder();
            sb.Append(Pick(r, [" ", "", "", "\t"]));
            sb.Append('{');
            var fields = r.Next(0, 9);
            for (var i = 0; i < fields; i++)
            {
                if (i > 0)
                {
                    sb.Append(Pick(r, [",", ",", ",", ", ", " ,", ",\n"]));
                }

                sb.Append(Pick(r, ["", "", "", " "]));
                sb.Append('"').Append(Pick(r, Keys)).Append('"').Append(Pick(r, [":", ":", ": ", " : "]));
                sb.Append(Value(r, Pick(r, Keys)));
            }

            sb.Append(Pick(r, ["}", "}", "}", "}", "}", ",}", " }", "}}", "} x}", "", "/*c*/}"]));
            sb.Append(Pick(r, ["", "", "", " ", "\t"]));
            return sb.ToString();
        }

        private static string Value(Random r, string key) => r.Next(22) switch
        {
            0 => "\"" + Stamp(r) + "\"",
            1 => Number(r),
            2 => Number(r),
            3 => Pick(r, ["true", "false", "null", "nul", "truex"]),
            4 => "{\"a\":" + Number(r) + "}",
            5 => "[1,\"x\",{\"b\":2}]",
            6 => "\"" + Pick(r, ["with \\\"escape\\\"", "tab\\tinside", "\\u00e9t\\u00e9", "line\nbreak", "ctl\u0001x", "pair 😀", "lone \ud800 x"]) + "\"",
            7 => "\"" + Pick(r, ["1.5ms", "2m3s", "250 µs", "1500000", "0.25", "abc"]) + "\"",
            8 => "\"" + Pick(r, ["30", "7", "3", "60", "notice", "crit", "E"]) + "\"",
            _ => "\"" + Pick(r, Words) + " " + Pick(r, Words) + " " + r.Next(100000).ToString(CultureInfo.InvariantCulture) + "\"",
        };

        private static string Number(Random r) => Pick(r,
        [
            r.Next(100000).ToString(CultureInfo.InvariantCulture), (r.NextDouble() * 900).ToString("F1", CultureInfo.InvariantCulture),
            "1705312800.5", "1705312800123", "1500000000", "-0.5", "1e3", "1E+3", "2.5e-2", "01", "1.", "-", ".5", "+1", "0", "-0", "12x",
        ]);

        public static string Text(Random r)
        {
            var sb = new StringBuilder();
            sb.Append(Pick(r, ["", "", "", "", "", "", "[", "x", "{", "١٢"]));
            sb.Append(Stamp(r));
            sb.Append(Pick(r, [" ", " ", " ", "  ", "\t", ",", " | ", "", "x", " , "]));
            sb.Append(Pick(r, ["INFO ", "ERROR ", "[WARN] ", "DEBUG ", "12345 INFO ", "- name - INFO - ", "", "Z ", "UTC ", "+0100 ", "-07:00 ", "U2 "]));
            sb.Append(Pick(r, ["[main] ", "webmacs.db: ", "app - ", "", "https://x.org: "]));
            sb.Append(Pick(r, ["server started", "query failed in 12 ms", "", "  padded  ", "a\nb", "Error: boom"]));
            return sb.ToString();
        }

        public static string Stamp(Random r)
        {
            if (r.Next(2) == 0)
            {
                var t = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(r.Next(200_000_000)).AddTicks(r.Next(10_000_000));
                return t.ToString(Pick(r, ["yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd HH:mm:ss,fff", "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", "yyyy-MM-dd HH:mm:ss"]), CultureInfo.InvariantCulture);
            }

            var year = Pick(r, ["2024", "2026", "1999", "0000", "9999", "0001"]);
            var month = Pick(r, ["01", "02", "12", "13", "00", "06"]);
            var day = Pick(r, ["01", "15", "28", "29", "30", "31", "32"]);
            var hour = Pick(r, ["00", "10", "23", "24"]);
            var minute = Pick(r, ["00", "59", "60", "07"]);
            var second = Pick(r, ["00", "59", "60", "36"]);
            var dateSep = Pick(r, ["-", "-", "-", "-", "/", "."]);
            var sb = new StringBuilder();
            sb.Append(year).Append(dateSep).Append(month).Append(dateSep).Append(day);
            sb.Append(Pick(r, ["T", "T", " ", " ", "t", "  "]));
            sb.Append(hour).Append(':').Append(minute).Append(':').Append(second);
            sb.Append(Pick(r, ["", "", ".123", ",123", ":123", ".5", ".1234567", ".12345678", ".", ".١"]));
            sb.Append(Pick(r, ["", "", "", "Z", "Z", "+00:00", "+02:00", "-07:00", "+0100", "+14:00", "+14:30", "-15:00", " UTC", " Z", "z", "+1", " +02:00"]));
            return r.Next(40) == 0 ? Pick(r, ["1705312800", "1705312800.5", "Jan 15 10:00:00", "15/Jan/2024:10:00:00 +0000", "Sun Dec 04 04:47:44 2005", "240115 100000"]) : sb.ToString();
        }

        private static string Pick(Random r, string[] options) => options[r.Next(options.Length)];
    }
}
