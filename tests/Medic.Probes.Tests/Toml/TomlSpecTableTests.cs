using Medic.Probes.Toml;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Toml;

/// <summary>The table, inline table and array-of-tables examples of the TOML 1.0.0 specification.</summary>
public sealed class TomlSpecTableTests
{
    [Fact]
    public void Tables_collect_the_pairs_below_their_header()
    {
        Toml.Json("""
            [table]

            [table-1]
            key1 = "some string"
            key2 = 123

            [table-2]
            key1 = "another string"
            key2 = 456
            """).ShouldBe("""{"table":{},"table-1":{"key1":"some string","key2":123},"table-2":{"key1":"another string","key2":456}}""");
    }

    [Fact]
    public void Headers_take_quoted_parts_and_whitespace_around_dots()
    {
        Toml.Json("""
            [dog."tater.man"]
            type.name = "pug"
            [a.b.c]            # this is best practice
            [ d.e.f ]          # same as [d.e.f]
            [ g .  h  . i ]    # same as [g.h.i]
            [ j . "ʞ" . 'l' ]  # same as [j."ʞ".'l']
            """).ShouldBe("""{"dog":{"tater.man":{"type":{"name":"pug"}}},"a":{"b":{"c":{}}},"d":{"e":{"f":{}}},"g":{"h":{"i":{}}},"j":{"ʞ":{"l":{}}}}""");
    }

    [Fact]
    public void A_super_table_may_be_defined_after_its_sub_table()
    {
        Toml.Json("""
            # [x] you
            # [x.y] don't
            # [x.y.z] need these
            [x.y.z.w] # for this to work

            [x] # defining a super-table afterward is ok
            """).ShouldBe("""{"x":{"y":{"z":{"w":{}}}}}""");
    }

    [Fact]
    public void Tables_may_be_defined_out_of_order()
    {
        Toml.Json("""
            # VALID BUT DISCOURAGED
            [fruit.apple]
            [animal]
            [fruit.orange]
            """).ShouldBe("""{"fruit":{"apple":{},"orange":{}},"animal":{}}""");
    }

    [Fact]
    public void The_root_table_ends_at_the_first_header()
    {
        Toml.Json("""
            # Top-level table begins.
            name = "Fido"
            breed = "pug"

            # Top-level table ends.
            [owner]
            name = "Regina Dogman"
            member_since = 1999-08-04
            """).ShouldBe("""{"name":"Fido","breed":"pug","owner":{"name":"Regina Dogman","member_since":"1999-08-04"}}""");
    }

    [Fact]
    public void Dotted_keys_define_tables_that_headers_may_add_sub_tables_to()
    {
        Toml.Json("""
            fruit.apple.color = "red"
            fruit.apple.taste.sweet = true
            """).ShouldBe("""{"fruit":{"apple":{"color":"red","taste":{"sweet":true}}}}""");
        Toml.Json("""
            [fruit]
            apple.color = "red"
            apple.taste.sweet = true

            [fruit.apple.texture]  # you can add sub-tables
            smooth = true
            """).ShouldBe("""{"fruit":{"apple":{"color":"red","taste":{"sweet":true},"texture":{"smooth":true}}}}""");
    }

    [Fact]
    public void Inline_tables_are_complete_tables_on_one_line()
    {
        Toml.Json("""
            name = { first = "Tom", last = "Preston-Werner" }
            point = { x = 1, y = 2 }
            animal = { type.name = "pug" }
            points = [ { x = 1, y = 2, z = 3 },
                       { x = 7, y = 8, z = 9 },
                       { x = 2, y = 4, z = 8 } ]
            """).ShouldBe("""{"name":{"first":"Tom","last":"Preston-Werner"},"point":{"x":1,"y":2},"animal":{"type":{"name":"pug"}},"points":[{"x":1,"y":2,"z":3},{"x":7,"y":8,"z":9},{"x":2,"y":4,"z":8}]}""");
    }

    [Fact]
    public void Arrays_of_tables_append_an_element_per_header()
    {
        Toml.Json("""
            [[products]]
            name = "Hammer"
            sku = 738594937

            [[products]]  # empty table within the array

            [[products]]
            name = "Nail"
            sku = 284758393

            color = "gray"
            """).ShouldBe("""{"products":[{"name":"Hammer","sku":738594937},{},{"name":"Nail","sku":284758393,"color":"gray"}]}""");
    }

    [Fact]
    public void Headers_below_an_array_of_tables_extend_its_latest_element()
    {
        Toml.Json("""
            [[fruits]]
            name = "apple"

            [fruits.physical]  # subtable
            color = "red"
            shape = "round"

            [[fruits.varieties]]  # nested array of tables
            name = "red delicious"

            [[fruits.varieties]]
            name = "granny smith"


            [[fruits]]
            name = "banana"

            [[fruits.varieties]]
            name = "plantain"
            """).ShouldBe(
            """{"fruits":[{"name":"apple","physical":{"color":"red","shape":"round"},"varieties":[{"name":"red delicious"},{"name":"granny smith"}]},{"name":"banana","varieties":[{"name":"plantain"}]}]}""");
    }

    public static TheoryData<string, string, int, int, string> InvalidExamples => new()
    {
        { "missing value", "key = # INVALID", 1, 7, "a value must follow '='" },
        { "two pairs on a line", "first = \"Tom\" last = \"Preston-Werner\" # INVALID", 1, 15, "each key/value pair needs its own line" },
        { "missing key", "= \"no key name\"  # INVALID", 1, 1, "a key is missing before '='" },
        { "duplicate key", "name = \"Tom\"\nname = \"Pradyun\"", 2, 1, "duplicate key name (first defined at line 1)" },
        { "duplicate quoted key", "spelling = \"favorite\"\n\"spelling\" = \"favourite\"", 2, 1, "duplicate key spelling" },
        { "integer made a table", "fruit.apple = 1\nfruit.apple.smooth = true", 2, 7, "fruit.apple already holds an integer (line 1), not a table" },
        { "table defined twice", "[fruit]\napple = \"red\"\n\n[fruit]\norange = \"orange\"", 4, 1, "table [fruit] is defined twice (first at line 1)" },
        { "key redefined as table", "[fruit]\napple = \"red\"\n\n[fruit.apple]\ntexture = \"smooth\"", 4, 1, "[fruit.apple] conflicts with fruit.apple, a string defined at line 2" },
        { "dotted table reopened by header", "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple]", 4, 1, "table [fruit.apple] is already defined by dotted keys (line 2)" },
        { "dotted sub-table reopened by header", "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.taste]", 4, 1, "already defined by dotted keys" },
        { "inline table extended by dotted key", "[product]\ntype = { name = \"Nail\" }\ntype.edible = false  # INVALID", 3, 1, "cannot add keys to type: it is an inline table (line 2)" },
        { "dotted table replaced by inline table", "[product]\ntype.name = \"Nail\"\ntype = { edible = false }  # INVALID", 3, 1, "duplicate key type (first defined at line 2)" },
        { "table then array of tables", "[fruit.physical]\ncolor = \"red\"\nshape = \"round\"\n\n[[fruit]]\nname = \"apple\"", 5, 3, "[[fruit]] conflicts with the table fruit defined at line 1" },
        { "static array appended to", "fruits = []\n\n[[fruits]] # Not allowed", 3, 3, "cannot append to the static array fruits (line 1)" },
        { "array of tables then table", "[[fruits]]\nname = \"apple\"\n\n[[fruits.varieties]]\nname = \"red delicious\"\n\n[fruits.varieties]\nname = \"granny smith\"", 7, 1, "[fruits.varieties] is an array of tables (line 4)" },
        { "table then array of tables below", "[[fruits]]\nname = \"apple\"\n[fruits.physical]\ncolor = \"red\"\n\n[[fruits.physical]]\ncolor = \"green\"", 6, 10, "[[fruits.physical]] conflicts with the table fruits.physical defined at line 3" },
        { "three quotes in a multi-line string", "str5 = \"\"\"Here are three quotation marks: \"\"\".\"\"\"  # INVALID", 1, 46, "expected the end of the line" },
    };

    [Theory]
    [MemberData(nameof(InvalidExamples))]
    public void Rejects_the_invalid_examples_with_a_positioned_message(string name, string toml, int line, int column, string message)
    {
        var error = Toml.Error(toml);
        error.Message.ShouldContain(message, Case.Sensitive, name);
        (error.Line, error.Column).ShouldBe((line, column), $"{name}: {error}");
    }
}
