using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.Tests.Servers;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Postgres;

/// <summary>Builds probe contexts for a postgres component and runs probes the way the engine does.</summary>
internal static class PgTest
{
    public static ProbeContext Context(string connection, JsonObject? args = null, TimeSpan? timeout = null, JsonObject? settings = null)
    {
        var s = settings ?? [];
        s["connection"] = connection;
        var component = new Component("db", "postgres", s, "/tmp", new SourcePosition("medic.yaml", 1, 1));
        return new ProbeContext(component, args ?? [], timeout ?? TimeSpan.FromSeconds(10), TimeProvider.System);
    }

    public static Task<ProbeResult> RunAsync(IProbe probe, string connection, JsonObject? args = null, TimeSpan? timeout = null) =>
        probe.RunAsync(Context(connection, args, timeout), TestContext.Current.CancellationToken);

    public static async Task<JsonObject> OkAsync(IProbe probe, string connection, JsonObject? args = null)
    {
        var result = await RunAsync(probe, connection, args);
        result.Error.ShouldBeNull($"{probe.Name} failed: {result.Error?.Kind}: {result.Error?.Message}");
        return result.Data.ShouldBeOfType<JsonObject>();
    }

    public static ProbeError Failed(ProbeResult result, string kind)
    {
        var error = result.Error.ShouldNotBeNull("the probe should have failed");
        error.Kind.ShouldBe(kind, error.Message);
        return error;
    }

    /// <summary>Statistics reach pg_stat_* when a backend flushes them, shortly after its transaction or exit; wait for them.</summary>
    public static async Task<JsonObject> EventuallyAsync(Func<Task<JsonObject>> observe, Func<JsonObject, bool> until, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var data = await observe();
            if (until(data))
            {
                return data;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"{what} did not happen; last observation: {data.ToJsonString()}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public static long Long(JsonNode? node) => long.Parse(node.ShouldNotBeNull().ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    public static IEnumerable<JsonObject> Objects(JsonNode? array) => array.ShouldBeOfType<JsonArray>().Select(x => x.ShouldBeOfType<JsonObject>());

    public static string App(this PostgresServer server) => server.ConnectionString("app");
}
