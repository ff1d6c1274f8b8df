using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.Redis;
using Xunit;

namespace Medic.Probes.Tests.Redis;

/// <summary>Builds probe contexts for a redis component, and opens write-enabled connections for test setup.</summary>
internal static class RedisTestContext
{
    public static ProbeContext For(string url, JsonObject? settings = null, JsonObject? args = null, TimeSpan? timeout = null)
    {
        var all = settings ?? [];
        all["url"] = url;
        var component = new Component("cache", "redis", all, Path.GetTempPath(), SourcePosition.Start("medic.yaml"));
        return new ProbeContext(component, args ?? [], timeout ?? TimeSpan.FromSeconds(5), TimeProvider.System);
    }

    /// <summary>A connection for the test itself (it may write), named so it is not mistaken for a probe's.</summary>
    public static async Task<RedisConnection> AdminAsync(string url, string? password = null)
    {
        var target = RedisTarget.Parse(url);
        target = new RedisTarget { Host = target.Host, Port = target.Port, Password = password ?? target.Password, User = target.User };
        return await RedisSession.OpenAsync(target, new RedisTrace(), allowWrites: true, clientName: "medic-test");
    }

    public static async Task<string> TextAsync(this RedisConnection connection, params string[] args) =>
        (await connection.CallAsync(args)).AsText() ?? "";
}
