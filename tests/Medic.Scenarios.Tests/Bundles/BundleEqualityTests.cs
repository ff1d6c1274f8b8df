using System.Globalization;
using Medic.Probes.Tests.Nats;
using Medic.Probes.Tests.Servers;
using Medic.Probes.Tests.Support;
using Medic.Scenarios.Tests.CodeAi;
using Medic.Scenarios.Tests.HarmonyLite;
using Shouldly;
using Xunit;

namespace Medic.Scenarios.Tests.Bundles;

/// <summary>Seed faults on real components: the bundle diagnosed offline yields the live run's findings.</summary>
[Collection(CodeAiCollection.Name)]
public sealed class CodeAiBundleTests(CodeAiWorld world)
{
    [Fact]
    public async Task A_stopped_database_is_found_the_same_offline()
    {
        world.Api.Faults.ClearAll();
        world.Api.Faults.Set("db-down", "database ping failed: connection refused");
        var env = world.Env();
        env["CODEAI_DB_PORT"] = PostgresServer.FreePort().ToString(CultureInfo.InvariantCulture);
        try
        {
            var (live, _) = await BundleCheck.LiveEqualsOfflineAsync(env, "codeai");
            live[0]!["cause"]!.GetValue<string>().ShouldBe("db-not-running");
        }
        finally
        {
            world.Api.Faults.ClearAll();
        }
    }

    [Fact]
    public async Task An_expired_token_is_found_the_same_offline()
    {
        world.Api.Faults.ClearAll();
        var env = world.Env();
        env["CODEAI_TOKEN"] = Jwt.Hs256(CodeAiWorld.Secret, "https://auth.codeai.local", "codeai-api", DateTimeOffset.UtcNow.AddHours(-2));

        var (live, _) = await BundleCheck.LiveEqualsOfflineAsync(env, "codeai");

        live.Select(f => f!["runbook"] + "/" + f["cause"]).ShouldContain(c => c.Contains("expired", StringComparison.Ordinal));
    }
}

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HarmonyLiteBundleTests(HarmonyLiteFixture fx) : IClassFixture<HarmonyLiteFixture>
{
    [Fact]
    public async Task Dropped_triggers_are_found_the_same_offline()
    {
        using var node = await HarmonyLiteNode.CreateAsync(fx.Nats.Url);
        await SqliteCli.RunAsync(node.Db, "DROP TRIGGER __harmonylite__notes_change_log_on_insert; DROP TRIGGER __harmonylite__tags_change_log_on_insert;");

        var (live, _) = await BundleCheck.LiveEqualsOfflineAsync(node.Env(fx.Nats.Url, fx.Nats.MonitorUrl, fx.StandIn.Url), "harmonylite");

        live[0]!["cause"]!.GetValue<string>().ShouldBe("triggers-not-installed");
    }

    [Fact]
    public async Task A_server_without_JetStream_is_found_the_same_offline()
    {
        using var node = await HarmonyLiteNode.CreateAsync(fx.Nats.Url);
        await using var plain = await NatsServer.StartAsync(jetStream: false);

        var (live, _) = await BundleCheck.LiveEqualsOfflineAsync(node.Env(plain.Url, plain.MonitorUrl, fx.StandIn.Url), "harmonylite");

        live[0]!["cause"]!.GetValue<string>().ShouldBe("jetstream-disabled");
    }
}
