using FsCheck;
using FsCheck.Fluent;
using Medic.Probes.Toml;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Toml;

/// <summary>Whatever the input, the parser returns a document or throws its own positioned error.</summary>
public sealed class TomlPropertyTests
{
    private static readonly string[] Fragments =
    [
        "[", "]", "[[", "]]", "{", "}", "=", ",", ".", "\"", "'", "\"\"\"", "'''", "\\", "\\u", "\\U", "\\n", "\\ ",
        "\n", "\r\n", "\r", "#", " ", "\t", "a", "b", "key", "1", "0", "0x", "0o", "0b", "e", "E", "_", "+", "-", ":",
        "T", "Z", "z", " ", "inf", "nan", "true", "false", "1979-05-27", "07:32:00", ".999", "+07:00", "1e", "1.5",
        "\u0000", "\u0007", "\u007F", "\uD800", "\uDC00", "😀", "ʞ", "\uFEFF", "D800", "0010FFFF", "x = ", "a.b", "[a]",
        "[[a]]", "a = {", "a = [",
    ];

    private const string Seed = """"
        title = "TOML Example"
        [owner]
        dob = 1979-05-27T07:32:00-08:00
        [database]
        ports = [ 8000, 8001, 0x1F ]
        data = [ ["delta", 'phi'], [3.14, -inf] ]
        temp = { cpu = 79.5, case.x = 72.0 }
        text = """
        line \
          two"""
        [[servers]]
        ip = '''10.0.0.1'''
        [servers.alpha]
        when = 07:32:00.5
        """";

    [Fact]
    public void Random_fragments_parse_or_fail_with_a_positioned_error()
    {
        var gen = Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts));
        Prop.ForAll(gen.ToArbitrary(), ParsesOrFailsCleanly).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Mutated_valid_documents_parse_or_fail_with_a_positioned_error()
    {
        var edit =
            from at in Gen.Choose(0, Seed.Length)
            from len in Gen.Choose(0, 3)
            from insert in Gen.Elements(Fragments)
            select (at, len, insert);
        var gen = edit.ListOf().Select(edits =>
        {
            var text = Seed;
            foreach (var (at, len, insert) in edits)
            {
                var start = Math.Min(at, text.Length);
                text = text.Remove(start, Math.Min(len, text.Length - start)).Insert(start, insert);
            }

            return text;
        });
        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(gen.ToArbitrary(), ParsesOrFailsCleanly));
    }

    [Fact]
    public void Arbitrary_strings_parse_or_fail_with_a_positioned_error()
    {
        Prop.ForAll<string>(s => ParsesOrFailsCleanly(s ?? "")).QuickCheckThrowOnFailure();
    }

    private static bool ParsesOrFailsCleanly(string text)
    {
        try
        {
            var doc = TomlParser.Parse(text);
            _ = doc.ToJson().ToJsonString();
            return true;
        }
        catch (TomlException e)
        {
            var lines = text.Split('\n');
            e.Line.ShouldBeInRange(1, lines.Length);
            e.Column.ShouldBeInRange(1, lines[e.Line - 1].Length + 1);
            e.Reason.ShouldNotBeNullOrWhiteSpace();
            return true;
        }
    }
}
