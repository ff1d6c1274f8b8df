using Medic.Probes.Toml;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Toml;

/// <summary>The examples of the TOML 1.0.0 specification (toml.io/en/v1.0.0), section by section.</summary>
public sealed class TomlSpecExampleTests
{
    [Fact]
    public void Parses_the_front_page_example_document()
    {
        const string toml = """
            # This is a TOML document

            title = "TOML Example"

            [owner]
            name = "Tom Preston-Werner"
            dob = 1979-05-27T07:32:00-08:00

            [database]
            enabled = true
            ports = [ 8000, 8001, 8002 ]
            data = [ ["delta", "phi"], [3.14] ]
            temp_targets = { cpu = 79.5, case = 72.0 }

            [servers]

            [servers.alpha]
            ip = "10.0.0.1"
            role = "frontend"

            [servers.beta]
            ip = "10.0.0.2"
            role = "backend"
            """;

        Toml.Json(toml).ShouldBe(
            """{"title":"TOML Example","owner":{"name":"Tom Preston-Werner","dob":"1979-05-27T07:32:00-08:00"},"database":"""
            + """{"enabled":true,"ports":[8000,8001,8002],"data":[["delta","phi"],[3.14]],"temp_targets":{"cpu":79.5,"case":72}},"servers":"""
            + """{"alpha":{"ip":"10.0.0.1","role":"frontend"},"beta":{"ip":"10.0.0.2","role":"backend"}}}""");
        var doc = TomlParser.Parse(toml);
        doc.KindOf("owner.dob").ShouldBe(TomlValueKind.OffsetDateTime);
        doc.KindOf("database.temp_targets.case").ShouldBe(TomlValueKind.Float);
        doc.KindOf("database.ports.0").ShouldBe(TomlValueKind.Integer);
        doc.KindOf("servers").ShouldBe(TomlValueKind.Table);
    }

    [Fact]
    public void Comments_run_to_the_end_of_the_line_but_not_inside_strings()
    {
        Toml.Json("""
            # This is a full-line comment
            key = "value"  # This is a comment at the end of a line
            another = "# This is not a comment"
            """).ShouldBe("""{"key":"value","another":"# This is not a comment"}""");
    }

    [Fact]
    public void Bare_keys_may_be_digits_and_dashes()
    {
        Toml.Json("""
            key = "value"
            bare_key = "value"
            bare-key = "value"
            1234 = "value"
            """).ShouldBe("""{"key":"value","bare_key":"value","bare-key":"value","1234":"value"}""");
    }

    [Fact]
    public void Quoted_keys_may_hold_any_text_and_may_be_empty()
    {
        Toml.Json("""
            "127.0.0.1" = "value"
            "character encoding" = "value"
            "ʎǝʞ" = "value"
            'key2' = "value"
            'quoted "value"' = "value"
            "" = "blank"
            """).ShouldBe("""{"127.0.0.1":"value","character encoding":"value","ʎǝʞ":"value","key2":"value","quoted \"value\"":"value","":"blank"}""");
        Toml.Json("'' = 'blank'").ShouldBe("""{"":"blank"}""");
    }

    [Fact]
    public void Dotted_keys_group_properties_and_ignore_whitespace_around_dots()
    {
        Toml.Json("""
            name = "Orange"
            physical.color = "orange"
            physical.shape = "round"
            site."google.com" = true
            fruit.name = "banana"
            fruit. color = "yellow"
            fruit . flavor = "banana"
            """).ShouldBe("""{"name":"Orange","physical":{"color":"orange","shape":"round"},"site":{"google.com":true},"fruit":{"name":"banana","color":"yellow","flavor":"banana"}}""");
    }

    [Fact]
    public void Dotted_keys_extend_a_table_they_made_and_may_come_out_of_order()
    {
        Toml.Json("""
            fruit.apple.smooth = true
            fruit.orange = 2
            """).ShouldBe("""{"fruit":{"apple":{"smooth":true},"orange":2}}""");
        Toml.Json("""
            apple.type = "fruit"
            orange.type = "fruit"
            apple.skin = "thin"
            orange.skin = "thick"
            apple.color = "red"
            orange.color = "orange"
            """).ShouldBe("""{"apple":{"type":"fruit","skin":"thin","color":"red"},"orange":{"type":"fruit","skin":"thick","color":"orange"}}""");
    }

    [Fact]
    public void A_float_looking_key_is_a_dotted_key()
    {
        Toml.Json("""3.14159 = "pi" """).ShouldBe("""{"3":{"14159":"pi"}}""");
    }

    [Fact]
    public void Parses_every_integer_example()
    {
        Toml.Json("""
            int1 = +99
            int2 = 42
            int3 = 0
            int4 = -17
            int5 = 1_000
            int6 = 5_349_221
            int7 = 53_49_221  # Indian number system grouping
            int8 = 1_2_3_4_5  # VALID but discouraged
            hex1 = 0xDEADBEEF
            hex2 = 0xdeadbeef
            hex3 = 0xdead_beef
            oct1 = 0o01234567
            oct2 = 0o755 # useful for Unix file permissions
            bin1 = 0b11010110
            """).ShouldBe("""{"int1":99,"int2":42,"int3":0,"int4":-17,"int5":1000,"int6":5349221,"int7":5349221,"int8":12345,"hex1":3735928559,"hex2":3735928559,"hex3":3735928559,"oct1":342391,"oct2":493,"bin1":214}""");
    }

    [Fact]
    public void Parses_every_float_example()
    {
        var doc = TomlParser.Parse("""
            flt1 = +1.0
            flt2 = 3.1415
            flt3 = -0.01
            flt4 = 5e+22
            flt5 = 1e06
            flt6 = -2E-22
            flt7 = 6.626e-34
            flt8 = 224_617.445_991_228
            sf1 = inf  # positive infinity
            sf2 = +inf # positive infinity
            sf3 = -inf # negative infinity
            sf4 = nan  # actual sNaN/qNaN encoding is implementation-specific
            sf5 = +nan # same as `nan`
            sf6 = -nan # valid, actual encoding is implementation-specific
            """);
        double F(string key) => (double)doc.Find(key).ShouldBeOfType<TomlValue>().Value;
        F("flt1").ShouldBe(1.0);
        F("flt2").ShouldBe(3.1415);
        F("flt3").ShouldBe(-0.01);
        F("flt4").ShouldBe(5e22);
        F("flt5").ShouldBe(1e6);
        F("flt6").ShouldBe(-2e-22);
        F("flt7").ShouldBe(6.626e-34);
        F("flt8").ShouldBe(224617.445991228);
        F("sf1").ShouldBe(double.PositiveInfinity);
        F("sf2").ShouldBe(double.PositiveInfinity);
        F("sf3").ShouldBe(double.NegativeInfinity);
        double.IsNaN(F("sf4")).ShouldBeTrue();
        double.IsNaN(F("sf5")).ShouldBeTrue();
        double.IsNaN(F("sf6")).ShouldBeTrue();
        doc.ToJson()["sf3"]!.GetValue<string>().ShouldBe("-inf");
        doc.ToJson()["sf6"]!.GetValue<string>().ShouldBe("nan");
        doc.KindOf("sf4").ShouldBe(TomlValueKind.Float);
    }

    [Theory]
    [InlineData("invalid_float_1 = .7", 1, 19)]
    [InlineData("invalid_float_2 = 7.", 1, 20)]
    [InlineData("invalid_float_3 = 3.e+20", 1, 20)]
    public void Rejects_the_invalid_float_examples(string toml, int line, int column)
    {
        var error = Toml.Error(toml);
        (error.Line, error.Column).ShouldBe((line, column));
    }

    [Fact]
    public void Parses_booleans_and_every_date_time_example()
    {
        var doc = TomlParser.Parse("""
            bool1 = true
            bool2 = false
            odt1 = 1979-05-27T07:32:00Z
            odt2 = 1979-05-27T00:32:00-07:00
            odt3 = 1979-05-27T00:32:00.999999-07:00
            odt4 = 1979-05-27 07:32:00Z
            ldt1 = 1979-05-27T07:32:00
            ldt2 = 1979-05-27T00:32:00.999999
            ld1 = 1979-05-27
            lt1 = 07:32:00
            lt2 = 00:32:00.999999
            """);
        doc.ToJson().ToJsonString().ShouldBe(
            """{"bool1":true,"bool2":false,"odt1":"1979-05-27T07:32:00Z","odt2":"1979-05-27T00:32:00-07:00","odt3":"1979-05-27T00:32:00.999999-07:00","odt4":"1979-05-27T07:32:00Z","ldt1":"1979-05-27T07:32:00","ldt2":"1979-05-27T00:32:00.999999","ld1":"1979-05-27","lt1":"07:32:00","lt2":"00:32:00.999999"}""");
        doc.KindOf("odt4").ShouldBe(TomlValueKind.OffsetDateTime);
        doc.KindOf("ldt2").ShouldBe(TomlValueKind.LocalDateTime);
        doc.KindOf("ld1").ShouldBe(TomlValueKind.LocalDate);
        doc.KindOf("lt2").ShouldBe(TomlValueKind.LocalTime);
        doc.Find("odt2").ShouldBeOfType<TomlValue>().Value.ShouldBe(new DateTimeOffset(1979, 5, 27, 0, 32, 0, TimeSpan.FromHours(-7)));
        doc.Find("odt3").ShouldBeOfType<TomlValue>().Value
            .ShouldBe(new DateTimeOffset(1979, 5, 27, 0, 32, 0, TimeSpan.FromHours(-7)).AddTicks(9_999_990));
        doc.Find("ldt1").ShouldBeOfType<TomlValue>().Value.ShouldBe(new DateTime(1979, 5, 27, 7, 32, 0));
        doc.Find("ld1").ShouldBeOfType<TomlValue>().Value.ShouldBe(new DateOnly(1979, 5, 27));
        doc.Find("lt1").ShouldBeOfType<TomlValue>().Value.ShouldBe(new TimeOnly(7, 32, 0));
    }

    [Fact]
    public void Arrays_mix_types_and_span_lines_with_comments_and_a_trailing_comma()
    {
        Toml.Json(""""
            integers = [ 1, 2, 3 ]
            colors = [ "red", "yellow", "green" ]
            nested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]
            nested_mixed_array = [ [ 1, 2 ], ["a", "b", "c"] ]
            string_array = [ "all", 'strings', """are the same""", '''type''' ]
            numbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]
            contributors = [
              "Foo Bar <foo@example.com>",
              { name = "Baz Qux", email = "bazqux@example.com", url = "https://example.com/bazqux" }
            ]
            integers2 = [
              1, 2, 3
            ]
            integers3 = [
              1,
              2, # this is ok
            ]
            """").ShouldBe(
            """{"integers":[1,2,3],"colors":["red","yellow","green"],"nested_arrays_of_ints":[[1,2],[3,4,5]],"nested_mixed_array":[[1,2],["a","b","c"]],"string_array":["all","strings","are the same","type"],"numbers":[0.1,0.2,0.5,1,2,5],"contributors":["Foo Bar <foo@example.com>",{"name":"Baz Qux","email":"bazqux@example.com","url":"https://example.com/bazqux"}],"integers2":[1,2,3],"integers3":[1,2]}""");
    }
}
