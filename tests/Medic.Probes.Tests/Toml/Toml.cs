using System.Text.Encodings.Web;
using System.Text.Json;
using Medic.Probes.Toml;
using Shouldly;

namespace Medic.Probes.Tests.Toml;

/// <summary>Test helpers: a document's JSON form as compact text, and the error a document fails with.</summary>
internal static class Toml
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(string toml) => TomlParser.Parse(toml).ToJson().ToJsonString(Readable);

    public static TomlError Error(string toml)
    {
        TomlParser.TryParse(toml, out var document, out var error).ShouldBeFalse(
            $"expected an error, parsed {document?.ToJson().ToJsonString(Readable)}");
        return error!;
    }

    public static TomlValue Value(string toml, string path = "v") =>
        TomlParser.Parse(toml).Find(path).ShouldBeOfType<TomlValue>();
}
