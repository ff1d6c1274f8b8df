using System.Text.Json.Nodes;
using Medic.Core.Conditions;
using Shouldly;
using Xunit;

namespace Medic.Core.Tests.Conditions;

public sealed class ValueTests
{
    [Theory]
    [InlineData("\"text\"", ValueKind.String)]
    [InlineData("3001", ValueKind.Number)]
    [InlineData("0.4", ValueKind.Number)]
    [InlineData("true", ValueKind.Bool)]
    [InlineData("null", ValueKind.Null)]
    [InlineData("[1, 2]", ValueKind.List)]
    [InlineData("{\"a\": 1}", ValueKind.Object)]
    [InlineData("\"30s\"", ValueKind.String)]
    public void Json_maps_to_value_kinds(string json, ValueKind kind) =>
        Value.FromJson(JsonNode.Parse(json)).Kind.ShouldBe(kind);

    [Fact]
    public void Json_values_created_in_code_are_read_whatever_their_clr_type()
    {
        Value.FromJson(JsonValue.Create(3001L)).AsNumber().ShouldBe(3001);
        Value.FromJson(JsonValue.Create(7)).AsNumber().ShouldBe(7);
        Value.FromJson(JsonValue.Create(1.5m)).AsNumber().ShouldBe(1.5);
        Value.FromJson(JsonValue.Create(2.5f)).AsNumber().ShouldBe(2.5);
        Value.FromJson(JsonValue.Create((byte)9)).AsNumber().ShouldBe(9);
        Value.FromJson(JsonValue.Create('c')).AsString().ShouldBe("c");
        Value.FromJson(JsonValue.Create(double.NaN)).IsNull.ShouldBeTrue();
    }

    [Theory]
    [InlineData("'plain'", "plain")]
    [InlineData("3001", "3001")]
    [InlineData("0.4", "0.4")]
    [InlineData("12.5", "12.5")]
    [InlineData("-7", "-7")]
    [InlineData("1e20", "1E+20")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    [InlineData("1500ms", "1.5s")]
    [InlineData("250ms", "250ms")]
    [InlineData("90s", "1.5m")]
    [InlineData("512KB", "512 KB")]
    [InlineData("1.5GB", "1.5 GB")]
    [InlineData("12B", "12 B")]
    [InlineData("[1, 'a', [2, 3]]", "1, a, 2, 3")]
    [InlineData("[]", "")]
    public void Format_gives_the_human_form(string text, string expected) => Conditions.Show(text).ShouldBe(expected);

    [Fact]
    public void Format_writes_objects_as_compact_json() =>
        Value.FromJson(JsonNode.Parse("""{"a": 1, "b": ["x <y>"]}""")).Format().ShouldBe("""{"a":1,"b":["x <y>"]}""");

    [Theory]
    [InlineData("3001", "3001")]
    [InlineData("0.5", "0.5")]
    [InlineData("1.5s", "1500")]
    [InlineData("1KB", "1024")]
    [InlineData("'s'", "\"s\"")]
    [InlineData("[1, 2s, null, 'x']", "[1,2000,null,\"x\"]")]
    [InlineData("false", "false")]
    public void To_json_writes_quantities_as_numbers_and_integers_without_decimals(string text, string json) =>
        Conditions.Eval(text).ToJson()!.ToJsonString().ShouldBe(json);

    [Fact]
    public void To_json_of_null_is_null() => Value.Null.ToJson().ShouldBeNull();

    [Fact]
    public void To_json_of_a_json_object_is_a_detached_copy()
    {
        var node = JsonNode.Parse("""{"a": {"b": [1]}}""")!;

        var copy = Value.FromJson(node["a"]).ToJson()!;

        copy.ToJsonString().ShouldBe("""{"b":[1]}""");
        copy.Parent.ShouldBeNull();
    }

    [Fact]
    public void As_bool_is_a_truth_value_only_for_null_and_bools()
    {
        Value.Null.AsBool().ShouldBe(false);
        Value.True.AsBool().ShouldBe(true);
        Value.FromBool(false).AsBool().ShouldBe(false);
        Value.FromNumber(1).AsBool().ShouldBeNull();
        Value.FromString("true").AsBool().ShouldBeNull();
    }

    [Fact]
    public void Factories_make_the_expected_kinds()
    {
        Value.FromDuration(TimeSpan.FromSeconds(2)).Format().ShouldBe("2s");
        Value.FromBytes(1536).Format().ShouldBe("1.5 KB");
        Value.FromList([Value.FromNumber(1), Value.FromString("b")]).Format().ShouldBe("1, b");
        Value.FromString(null).IsNull.ShouldBeTrue();
        Value.FromNumber(double.PositiveInfinity).IsNull.ShouldBeTrue();
        Value.FromMilliseconds(1500).AsDuration().ShouldBe(TimeSpan.FromMilliseconds(1500));
    }
}
