using Medic.Probes.Toml;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Toml;

/// <summary>The document API other probes use: JSON, kinds by path, positions, errors.</summary>
public sealed class TomlDocumentTests
{
    private const string Config = """
        [server]
        port = 8080
        host = "0.0.0.0"
        started = 2024-05-01T10:00:00Z
        ratio = 0.5
        debug = false

        [[server.listeners]]
        name = "a.b"
        """;

    [Fact]
    public void Reports_the_toml_type_of_each_key_by_dotted_path()
    {
        var doc = TomlParser.Parse(Config);
        doc.KindOf("server.port").ShouldBe(TomlValueKind.Integer);
        doc.KindOf("server.host").ShouldBe(TomlValueKind.String);
        doc.KindOf("server.started").ShouldBe(TomlValueKind.OffsetDateTime);
        doc.KindOf("server.listeners").ShouldBe(TomlValueKind.Array);
        doc.KindOf("server.listeners.0").ShouldBe(TomlValueKind.Table);
        doc.KindOf("server.listeners.0.name").ShouldBe(TomlValueKind.String);
        doc.KindOf("server.missing").ShouldBeNull();
        doc.KindOf("server.port.deeper").ShouldBeNull();
        doc.KindOf("server.listeners.7").ShouldBeNull();
        doc.KindOf(["server", "debug"]).ShouldBe(TomlValueKind.Boolean);
    }

    [Theory]
    [InlineData("server.port", "int")]
    [InlineData("server.ratio", "float")]
    [InlineData("server.host", "string")]
    [InlineData("server.debug", "bool")]
    [InlineData("server.started", "datetime")]
    [InlineData("server.listeners", "array")]
    [InlineData("server", "table")]
    public void Names_coarse_types_for_type_checks(string path, string type)
    {
        TomlParser.Parse(Config).KindOf(path)!.Value.TypeName().ShouldBe(type);
    }

    [Fact]
    public void Date_times_are_strings_in_json_and_datetimes_by_kind()
    {
        var doc = TomlParser.Parse(Config);
        var json = doc.ToJson();
        json["server"]!["started"]!.GetValue<string>().ShouldBe("2024-05-01T10:00:00Z");
        json["server"]!["port"]!.GetValue<long>().ShouldBe(8080);
        doc.KindOf("server.started")!.Value.IsDateTime().ShouldBeTrue();
        doc.KindOf("server.host")!.Value.IsDateTime().ShouldBeFalse();
    }

    [Fact]
    public void Records_where_each_value_and_table_was_defined()
    {
        var doc = TomlParser.Parse(Config);
        var port = doc.Find("server.port").ShouldNotBeNull();
        (port.Line, port.Column).ShouldBe((2, 8));
        var server = doc.Find("server").ShouldNotBeNull();
        (server.Line, server.Column).ShouldBe((1, 1));
        doc.Find("server.listeners.0").ShouldNotBeNull().Line.ShouldBe(8);
    }

    [Fact]
    public void Keys_keep_document_order()
    {
        TomlParser.Parse("z = 1\na = 2\nm = 3").Root.Entries.Keys.ShouldBe(["z", "a", "m"]);
    }

    [Fact]
    public void Parse_throws_a_positioned_exception_and_try_parse_returns_the_error()
    {
        var e = Should.Throw<TomlException>(() => TomlParser.Parse("a = 1\nb = "));
        (e.Line, e.Column).ShouldBe((2, 5));
        e.Message.ShouldBe("2:5: a value must follow '=' on the same line (key b)");
        e.Reason.ShouldBe("a value must follow '=' on the same line (key b)");

        TomlParser.TryParse("a = 1\nb = ", out var doc, out var error).ShouldBeFalse();
        doc.ShouldBeNull();
        error.ShouldBe(new TomlError(2, 5, "a value must follow '=' on the same line (key b)"));
        TomlParser.TryParse("a = 1", out doc, out error).ShouldBeTrue();
        doc.ShouldNotBeNull().KindOf("a").ShouldBe(TomlValueKind.Integer);
        error.ShouldBeNull();
    }
}
