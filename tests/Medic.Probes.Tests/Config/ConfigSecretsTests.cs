using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Config;

public sealed class ConfigSecretsTests : IDisposable
{
    private const string Secret = "sk-live-4f9a8b7c6d5e";

    private readonly ConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("c.yaml", "jwt_secret: " + Secret + "\nserver:\n  port: 3001\n")]
    [InlineData("c.yaml", "jwt_secret: \"" + Secret + "\"\nserver:\n\tport: 3001\n")]
    [InlineData("c.yaml", "jwt_secret: '" + Secret + "\nport: 1\n")]
    [InlineData("c.yaml", "keys: [" + Secret + ", &a x]\nother: *a\njwt_secret: !!str " + Secret + "\n")]
    [InlineData("c.json", "{\"jwt_secret\": \"" + Secret + "\", \"port\": 3001}")]
    [InlineData("c.json", "{\"jwt_secret\": \"" + Secret + "\" \"port\": 3001}")]
    [InlineData("c.json", "{\"jwt_secret\": " + Secret + "}")]
    [InlineData("c.toml", "jwt_secret = \"" + Secret + "\"\n[server]\nport = 3001\n")]
    [InlineData("c.toml", "jwt_secret = " + Secret + "\n")]
    [InlineData(".env", "JWT_SECRET=" + Secret + "\njwt_secret=\"" + Secret + "\nport=1\n")]
    [InlineData("c.ini", "jwt_secret = " + Secret + "\n[server]\nport = " + Secret + "\n")]
    [InlineData("c.ini", "jwt_secret = '" + Secret + "\n")]
    public async Task Never_puts_a_configuration_value_in_the_observation(string name, string text)
    {
        _folder.Write(name, text);

        var result = await _folder.ParseAsync(name, require: ["jwt_secret", "server.port", "missing"],
            types: new System.Text.Json.Nodes.JsonObject { ["jwt_secret"] = "int", ["port"] = "string" });

        result.Data.ShouldNotBeNull().ToJsonString().ShouldNotContain("sk-live");
        (result.Error?.Message ?? "").ShouldNotContain("sk-live");
    }
}
