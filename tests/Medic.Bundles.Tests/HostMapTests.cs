using System.Text.Json.Nodes;
using Shouldly;
using Xunit;

namespace Medic.Bundles.Tests;

public sealed class HostMapTests
{
    [Fact]
    public void Hosts_and_addresses_map_to_the_same_stand_in_everywhere_and_clock_times_stay()
    {
        var hosts = new HostMap();
        hosts.AddNames(["db-primary", "cache.internal"]);
        var redactor = new Redactor { Hosts = hosts };

        var a = redactor.Redact("03:12:44 connect db-primary (10.0.4.17:5432) and cache.internal, api.example.com, fe80::1ff:fe23:4567:890a");
        var b = redactor.Redact("retry 10.0.4.17 db-primary");

        var db = hosts.Map["db-primary"];
        a.ShouldBe($"03:12:44 connect {db} (ip-1.redacted:5432) and {hosts.Map["cache.internal"]}, {hosts.Map["api.example.com"]}, ip-2.redacted");
        b.ShouldBe($"retry ip-1.redacted {db}");
        hosts.Map["10.0.4.17"].ShouldBe("ip-1.redacted");
        hosts.Count.ShouldBe(5);
    }

    [Fact]
    public void Json_is_redacted_value_by_value_with_secret_named_keys_and_escaped_bodies()
    {
        var redactor = new Redactor();
        var doc = JsonNode.Parse("""{"env":{"DB_PASSWORD":"has spaces in it","PWD":"/srv/app","token_query":"token"},"body":"{\"password\":\"inner-pw-1\"}"}""");

        var text = redactor.RedactJson(doc)!.ToJsonString();

        text.ShouldNotContain("has spaces in it");
        text.ShouldNotContain("inner-pw-1");
        text.ShouldContain("/srv/app");
        text.ShouldContain("\"token_query\":\"token\"");
        redactor.DistinctCounts["secret-key"].ShouldBe(2);
    }
}
