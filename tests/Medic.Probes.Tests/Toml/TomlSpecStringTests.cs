using Medic.Probes.Toml;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Toml;

/// <summary>The string examples of the TOML 1.0.0 specification: basic, literal and multi-line.</summary>
public sealed class TomlSpecStringTests
{
    [Fact]
    public void Basic_strings_take_escapes()
    {
        Toml.Value("""v = "I'm a string. \"You can quote me\". Name\tJos\u00E9\nLocation\tSF." """).Value
            .ShouldBe("I'm a string. \"You can quote me\". Name\tJosé\nLocation\tSF.");
    }

    [Fact]
    public void Multi_line_basic_strings_trim_the_first_newline_and_line_ending_backslashes()
    {
        var doc = TomlParser.Parse(""""
            str1 = "The quick brown fox jumps over the lazy dog."

            str2 = """
            The quick brown \


              fox jumps over \
                the lazy dog."""

            str3 = """\
                   The quick brown \
                   fox jumps over \
                   the lazy dog.\
                   """
            roses = """
            Roses are red
            Violets are blue"""
            """");
        doc.Find("str2").ShouldBeOfType<TomlValue>().Value.ShouldBe("The quick brown fox jumps over the lazy dog.");
        doc.Find("str3").ShouldBeOfType<TomlValue>().Value.ShouldBe("The quick brown fox jumps over the lazy dog.");
        doc.Find("roses").ShouldBeOfType<TomlValue>().Value.ShouldBe("Roses are red\nViolets are blue");
    }

    [Fact]
    public void Multi_line_basic_strings_hold_up_to_two_quotes_in_a_row_even_before_the_end()
    {
        var doc = TomlParser.Parse("""""""""""""""""""
            str4 = """Here are two quotation marks: "". Simple enough."""
            str5 = """Here are three quotation marks: ""\"."""
            str6 = """Here are fifteen quotation marks: ""\"""\"""\"""\"""\"."""
            str7 = """"This," she said, "is just a pointless statement.""""
            """"""""""""""""""");
        doc.Find("str4").ShouldBeOfType<TomlValue>().Value.ShouldBe("Here are two quotation marks: \"\". Simple enough.");
        doc.Find("str5").ShouldBeOfType<TomlValue>().Value.ShouldBe("Here are three quotation marks: \"\"\".");
        doc.Find("str6").ShouldBeOfType<TomlValue>().Value.ShouldBe("Here are fifteen quotation marks: " + new string('"', 15) + ".");
        doc.Find("str7").ShouldBeOfType<TomlValue>().Value.ShouldBe("\"This,\" she said, \"is just a pointless statement.\"");
    }

    [Fact]
    public void Three_quotes_inside_a_multi_line_basic_string_end_it()
    {
        Toml.Error(""""str5 = """Here are three quotation marks: """."""  # INVALID"""").Line.ShouldBe(1);
    }

    [Fact]
    public void Literal_strings_take_no_escapes()
    {
        var doc = TomlParser.Parse("""
            winpath  = 'C:\Users\nodejs\templates'
            winpath2 = '\\ServerX\admin$\system32\'
            quoted   = 'Tom "Dubs" Preston-Werner'
            regex    = '<\i\c*\s*>'
            """);
        doc.Find("winpath").ShouldBeOfType<TomlValue>().Value.ShouldBe(@"C:\Users\nodejs\templates");
        doc.Find("winpath2").ShouldBeOfType<TomlValue>().Value.ShouldBe(@"\\ServerX\admin$\system32\");
        doc.Find("quoted").ShouldBeOfType<TomlValue>().Value.ShouldBe("Tom \"Dubs\" Preston-Werner");
        doc.Find("regex").ShouldBeOfType<TomlValue>().Value.ShouldBe(@"<\i\c*\s*>");
    }

    [Fact]
    public void Multi_line_literal_strings_keep_everything_but_the_first_newline()
    {
        var doc = TomlParser.Parse("""""""""""""""""""""
            regex2 = '''I [dw]on't need \d{2} apples'''
            lines  = '''
            The first newline is
            trimmed in raw strings.
               All other whitespace
               is preserved.
            '''
            quot15 = '''Here are fifteen quotation marks: """""""""""""""'''
            apos15 = "Here are fifteen apostrophes: '''''''''''''''"
            str = ''''That,' she said, 'is still pointless.''''
            """"""""""""""""""""");
        doc.Find("regex2").ShouldBeOfType<TomlValue>().Value.ShouldBe(@"I [dw]on't need \d{2} apples");
        doc.Find("lines").ShouldBeOfType<TomlValue>().Value
            .ShouldBe("The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n");
        doc.Find("quot15").ShouldBeOfType<TomlValue>().Value.ShouldBe("Here are fifteen quotation marks: " + new string('"', 15));
        doc.Find("apos15").ShouldBeOfType<TomlValue>().Value.ShouldBe("Here are fifteen apostrophes: " + new string('\'', 15));
        doc.Find("str").ShouldBeOfType<TomlValue>().Value.ShouldBe("'That,' she said, 'is still pointless.'");
    }

    [Fact]
    public void Fifteen_apostrophes_in_a_multi_line_literal_string_are_invalid()
    {
        Toml.Error("apos15 = '''Here are fifteen apostrophes: ''''''''''''''''''  # INVALID").Line.ShouldBe(1);
    }
}
