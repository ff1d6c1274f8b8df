using System.Text;
using Medic.Probes.Redis.Resp;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Redis;

public sealed class RespParserTests
{
    private static readonly RespLimits Small = new(MaxBulkLength: 100, MaxArrayLength: 10, MaxElements: 20, MaxDepth: 3,
        MaxLineLength: 32, MaxReplyBytes: 1000, MaxConnectionBytes: 10_000);

    private static RespParseResult Parse(string text, RespLimits? limits = null) =>
        RespParser.Parse(Encoding.UTF8.GetBytes(text), limits ?? RespLimits.Default);

    private static RespValue Complete(string text)
    {
        var result = Parse(text);
        result.IsComplete.ShouldBeTrue();
        result.Consumed.ShouldBe(Encoding.UTF8.GetByteCount(text));
        return result.Value!;
    }

    [Fact]
    public void Reads_each_scalar_type()
    {
        Complete("+PONG\r\n").ShouldBe(RespValue.Simple("PONG"));
        Complete("-NOAUTH Authentication required.\r\n").ShouldBe(RespValue.Error("NOAUTH Authentication required."));
        Complete(":-42\r\n").Integer.ShouldBe(-42);
        Complete(":9223372036854775807\r\n").Integer.ShouldBe(long.MaxValue);
        Complete("$5\r\nhello\r\n").Text.ShouldBe("hello");
        Complete("$0\r\n\r\n").Text.ShouldBe("");
    }

    [Fact]
    public void Reads_null_bulk_strings_and_null_arrays_as_null()
    {
        Complete("$-1\r\n").IsNull.ShouldBeTrue();
        Complete("*-1\r\n").IsNull.ShouldBeTrue();
        Complete("$0\r\n\r\n").IsNull.ShouldBeFalse();
        Complete("*0\r\n").Items!.Count.ShouldBe(0);
    }

    [Fact]
    public void Reads_a_bulk_string_by_its_length_even_when_it_holds_crlf()
    {
        Complete("$12\r\nline1\r\nline2\r\n").Text.ShouldBe("line1\r\nline2");
    }

    [Fact]
    public void Reads_bulk_strings_as_utf8()
    {
        Complete("$6\r\nnaïve\r\n").Text.ShouldBe("naïve");
    }

    [Fact]
    public void Reads_nested_arrays_of_mixed_types()
    {
        var value = Complete("*3\r\n:1\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n$-1\r\n");
        value.Items!.Count.ShouldBe(3);
        value.Items[0].Integer.ShouldBe(1);
        value.Items[1].Items!.Select(i => i.Text).ShouldBe(["GET", "k"]);
        value.Items[2].IsNull.ShouldBeTrue();
    }

    [Fact]
    public void Leaves_the_next_reply_in_the_buffer()
    {
        var result = Parse("+OK\r\n:5\r\n");
        result.Value.ShouldBe(RespValue.Simple("OK"));
        result.Consumed.ShouldBe(5);
    }

    [Fact]
    public void Every_prefix_of_a_reply_is_incomplete_and_asks_for_more_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes("*4\r\n+OK\r\n:-7\r\n$12\r\nhello\r\nworld\r\n*2\r\n$-1\r\n-ERR x\r\n");
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            var result = RespParser.Parse(bytes.AsSpan(0, cut), RespLimits.Default);
            result.IsComplete.ShouldBeFalse($"prefix of {cut} bytes");
            result.Needed.ShouldBeGreaterThan(cut);
            result.Needed.ShouldBeLessThanOrEqualTo(bytes.Length);
        }

        RespParser.Parse(bytes, RespLimits.Default).Consumed.ShouldBe(bytes.Length);
    }

    [Fact]
    public void A_partial_bulk_string_asks_for_exactly_the_rest_of_it()
    {
        Parse("$1000\r\nabc").Needed.ShouldBe("$1000\r\n".Length + 1000 + 2);
    }

    [Fact]
    public void Encodes_commands_as_arrays_of_bulk_strings_with_byte_lengths()
    {
        Encoding.UTF8.GetString(RespWriter.Command(["CONFIG", "GET", "é"]))
            .ShouldBe("*3\r\n$6\r\nCONFIG\r\n$3\r\nGET\r\n$2\r\né\r\n");
        var parsed = RespParser.Parse(RespWriter.Command(["SET", "k", "a\r\nb"]), RespLimits.Default);
        parsed.Value!.Items!.Select(i => i.Text).ShouldBe(["SET", "k", "a\r\nb"]);
    }

    [Theory]
    [InlineData("!oops\r\n", "unexpected reply type '!'")]
    [InlineData("%1\r\n+a\r\n+b\r\n", "unexpected reply type '%'")]
    [InlineData("\u0015\u0003\u0003\r\n", "unexpected reply type 0x15")]
    [InlineData("+OK\rX", "carriage return without line feed")]
    [InlineData("+OK\n", "line feed without carriage return")]
    [InlineData("$abc\r\n", "malformed bulk string length")]
    [InlineData("$\r\n", "malformed bulk string length")]
    [InlineData("$-2\r\n", "negative bulk string length")]
    [InlineData("*-5\r\n", "negative array length")]
    [InlineData(":12a\r\n", "malformed integer")]
    [InlineData(":+1\r\n", "malformed integer")]
    [InlineData(":9223372036854775808\r\n", "overflows")]
    [InlineData(":99999999999999999999\r\n", "malformed integer")]
    [InlineData("$3\r\nabcd\r\n", "not followed by CRLF")]
    public void Rejects_malformed_replies(string text, string reason)
    {
        Should.Throw<RespProtocolException>(() => Parse(text)).Message.ShouldContain(reason);
    }

    [Fact]
    public void Refuses_a_bulk_string_longer_than_the_limit_before_reading_it()
    {
        Should.Throw<RespProtocolException>(() => Parse("$101\r\n", Small)).Message.ShouldContain("exceeds the limit of 100");
        Should.Throw<RespProtocolException>(() => Parse("$2147483648\r\n")).Message.ShouldContain("exceeds the limit");
    }

    [Fact]
    public void Refuses_an_array_longer_than_the_limit()
    {
        Should.Throw<RespProtocolException>(() => Parse("*11\r\n", Small)).Message.ShouldContain("array of 11 exceeds");
    }

    [Fact]
    public void Refuses_nesting_deeper_than_the_limit()
    {
        Parse("*1\r\n*1\r\n:1\r\n", Small).IsComplete.ShouldBeTrue();
        Should.Throw<RespProtocolException>(() => Parse("*1\r\n*1\r\n*1\r\n:1\r\n", Small)).Message.ShouldContain("deeper than 3");
        Should.Throw<RespProtocolException>(() => Parse(string.Concat(Enumerable.Repeat("*1\r\n", 100_000))))
            .Message.ShouldContain("deeper");
    }

    [Fact]
    public void Refuses_more_elements_in_total_than_the_limit()
    {
        var text = "*3\r\n" + string.Concat(Enumerable.Repeat("*10\r\n" + string.Concat(Enumerable.Repeat(":1\r\n", 10)), 3));
        Should.Throw<RespProtocolException>(() => Parse(text, Small)).Message.ShouldContain("more than 20 elements");
    }

    [Fact]
    public void Refuses_a_header_line_without_crlf_once_it_passes_the_limit()
    {
        Parse("+" + new string('a', 32), Small).IsComplete.ShouldBeFalse();
        Should.Throw<RespProtocolException>(() => Parse("+" + new string('a', 33), Small)).Message.ShouldContain("longer than 32");
    }

    [Fact]
    public void Refuses_a_reply_that_would_pass_the_total_size_limit()
    {
        var limits = Small with { MaxBulkLength = 5000 };
        Should.Throw<RespProtocolException>(() => Parse("$2000\r\nabc", limits)).Message.ShouldContain("larger than the 1000 bytes");
    }

    [Fact]
    public void Random_bytes_either_parse_wait_for_more_or_raise_a_protocol_error()
    {
        var random = new Random(20261123);
        var alphabet = Encoding.ASCII.GetBytes("+-:$*\r\n0123456789-abc%");
        for (var i = 0; i < 5000; i++)
        {
            var bytes = new byte[random.Next(1, 40)];
            for (var j = 0; j < bytes.Length; j++)
            {
                bytes[j] = random.Next(4) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            try
            {
                var result = RespParser.Parse(bytes, Small);
                (result.IsComplete ? result.Consumed <= bytes.Length : result.Needed > bytes.Length).ShouldBeTrue();
            }
            catch (RespProtocolException)
            {
            }
        }
    }
}
