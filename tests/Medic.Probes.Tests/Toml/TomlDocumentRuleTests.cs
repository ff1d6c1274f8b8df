using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Toml;

/// <summary>Whole-document rules beyond the spec's own examples: line structure, keys, and table redefinition.</summary>
public sealed class TomlDocumentRuleTests
{
    public static TheoryData<string, string> Valid => new()
    {
        { "", "{}" },
        { "\n\n# only a comment\r\n", "{}" },
        { "\uFEFFa = 1", """{"a":1}""" },
        { "a = 1\r\nb = 2\r\n", """{"a":1,"b":2}""" },
        { "\ta\t=\t1\t", """{"a":1}""" },
        { "a=1#no space", """{"a":1}""" },
        { "# comment with ünïcödé and 😀 and \t tab", "{}" },
        { "[a.b.c]\nz = 9\n[a]\nb.d = 1", """{"a":{"b":{"c":{"z":9},"d":1}}}""" },
        { "a.b = 1\n[[a.c]]\n[[a.c]]", """{"a":{"b":1,"c":[{},{}]}}""" },
        { "[[a]]\nb.c = 1\n[[a]]\nb.c = 2", """{"a":[{"b":{"c":1}},{"b":{"c":2}}]}""" },
        { "[[a]]\n[a.b]\n[[a]]\n[a.b]", """{"a":[{"b":{}},{"b":{}}]}""" },
        { "[[a.b]]\n[a]\nc = 1", """{"a":{"b":[{}],"c":1}}""" },
        { "a = [[1], [[2]]]", """{"a":[[1],[[2]]]}""" },
        { "a = [\n# comment\n]", """{"a":[]}""" },
        { "a = {}", """{"a":{}}""" },
        { "a = { b = { c = [ { d = 1 } ] } }", """{"a":{"b":{"c":[{"d":1}]}}}""" },
        { "a = { b = [\n1,\n2] }", """{"a":{"b":[1,2]}}""" },
        { "a = { b = \"\"\"x\ny\"\"\" }", """{"a":{"b":"x\ny"}}""" },
        { "\"a.b\" = 1\na.b = 2", """{"a.b":1,"a":{"b":2}}""" },
        { "'a' . \"b\" . c = 1", """{"a":{"b":{"c":1}}}""" },
        { "[\"\"]\n'' = 1", """{"":{"":1}}""" },
        { "true = 1\nfalse = 2\ninf = 3\nnan = 4", """{"true":1,"false":2,"inf":3,"nan":4}""" },
        { "2001-01-01 = 1", """{"2001-01-01":1}""" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_valid_documents(string toml, string json)
    {
        Toml.Json(toml).ShouldBe(json);
    }

    public static TheoryData<string, int, int, string> Invalid => new()
    {
        { "a = 1\rb = 2", 1, 6, "carriage return must be followed by a line feed" },
        { "# bad \u0001 control", 1, 7, "control character U+0001 is not allowed in a comment" },
        { "a", 1, 2, "expected '=' after the key a" },
        { "a b = 1", 1, 3, "expected '=' after the key a" },
        { "a. = 1", 1, 4, "a key is missing before '='" },
        { "a..b = 1", 1, 3, "a key cannot contain '..'" },
        { ".a = 1", 1, 1, "a key cannot start with '.'" },
        { "a.\n= 1", 1, 3, "a key cannot end with '.'" },
        { "ʞ = 1", 1, 1, "'ʞ' cannot start a key" },
        { "\"\"\"a\"\"\" = 1", 1, 1, "a multi-line string cannot be used as a key" },
        { "a = 1\na = 2", 2, 1, "duplicate key a" },
        { "a.b = 1\na = 2", 2, 1, "duplicate key a" },
        { "a = 1 2", 1, 7, "each key/value pair needs its own line" },
        { "[a] b = 1", 1, 5, "expected the end of the line after the table header" },
        { "[]", 1, 2, "a table header needs a name" },
        { "[a", 1, 3, "expected ']' to close the table header" },
        { "[[a]", 1, 5, "expected ']]' to close the array-of-tables header" },
        { "[[a] ]", 1, 5, "expected ']]'" },
        { "[ [a]]", 1, 3, "'[' cannot start a key" },
        { "[a]\n[a]", 2, 1, "table [a] is defined twice (first at line 1)" },
        { "[a.b]\n[a]\n[a]", 3, 1, "table [a] is defined twice (first at line 2)" },
        { "a = {}\n[a]", 2, 1, "table [a] is already defined as an inline table (line 1)" },
        { "a = {}\n[a.b]", 2, 2, "cannot add to a: it is an inline table" },
        { "a = [{}]\n[a.b]", 2, 2, "cannot add to a: it is a static array" },
        { "a = [{}]\n[[a]]", 2, 3, "cannot append to the static array a" },
        { "a = 1\n[a.b]", 2, 2, "a already holds an integer (line 1), not a table" },
        { "a = 1\n[[a]]", 2, 3, "[[a]] conflicts with a, an integer defined at line 1" },
        { "[[a]]\n[a]", 2, 1, "[a] is an array of tables (line 1)" },
        { "[a.b.c]\nz = 9\n[a]\nb.c.t = 1", 4, 3, "cannot add keys to table b.c with dotted keys: its [header] is at line 1" },
        { "[a.b.c.d]\nz = 9\n[a]\nb.c.d.k.t = 1", 4, 5, "cannot add keys to table b.c.d with dotted keys" },
        { "[a.b.c]\n[a]\nb.x = 1\n[a.b]", 4, 1, "table [a.b] is already defined by dotted keys" },
        { "[[a]]\nb = 1\n[a.b]", 3, 1, "[a.b] conflicts with a.b, an integer defined at line 2" },
        { "a = [1]\na.b = 2", 2, 1, "a is an array (line 1); dotted keys cannot add to it" },
        { "[[a]]\n[x]\n[a]\nb=1", 3, 1, "[a] is an array of tables" },
        { "a = { b = 1 }\na.c = 2", 2, 1, "cannot add keys to a: it is an inline table (line 1)" },
        { "a = { b = { c = 1 } }\n[a.b]", 2, 2, "cannot add to a: it is an inline table" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Rejects_invalid_documents_with_a_positioned_message(string toml, int line, int column, string message)
    {
        var error = Toml.Error(toml);
        error.Message.ShouldContain(message, Case.Sensitive);
        (error.Line, error.Column).ShouldBe((line, column), error.ToString());
    }

    [Fact]
    public void Rejects_lone_surrogates_that_valid_utf8_cannot_produce()
    {
        // Theory data would pass through UTF-8 serialization and lose the lone surrogate, so these are inline.
        var inComment = Toml.Error("# lone \uD800 surrogate");
        (inComment.Line, inComment.Column, inComment.Message).ShouldBe((1, 8, "invalid Unicode: a lone surrogate"));
        Toml.Error("a = \"x\uDC00\"").Column.ShouldBe(7);
        Toml.Error("a = 'x\uD800'").Column.ShouldBe(7);
        Toml.Value("v = \"\uD83D\uDE00\"").Value.ShouldBe("😀");
    }

    [Fact]
    public void Columns_count_characters_not_utf16_code_units()
    {
        var error = Toml.Error("a = \"😀😀\" x");
        error.Column.ShouldBe(10);
    }

    [Fact]
    public void Refuses_nesting_deeper_than_the_limit_without_exhausting_the_stack()
    {
        Toml.Error("a = " + new string('[', 100_000)).Message.ShouldContain("nest deeper than 50 levels");
        Toml.Error("a = " + string.Concat(Enumerable.Repeat("{ b = ", 100_000))).Message.ShouldContain("nest deeper than 50 levels");
        Toml.Error("[" + string.Join('.', Enumerable.Repeat("a", 100_000)) + "]").Message.ShouldContain("nests too deep");
        Toml.Json("a = " + new string('[', 49) + new string(']', 49)).ShouldStartWith("{\"a\":[[[");
    }
}
