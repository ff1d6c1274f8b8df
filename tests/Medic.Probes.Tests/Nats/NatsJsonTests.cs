using System.Text.Json.Nodes;
using Medic.Probes.Nats;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Nats;

public sealed class NatsJsonTests
{
    [Fact]
    public void Unlimited_sizes_read_as_null()
    {
        var o = JsonNode.Parse("""{"reserved_memory": 18446744073709551615, "max_bytes": -1, "bytes": 225, "max_age": 0}""")!;

        NatsJson.Long(o, "reserved_memory").ShouldBeNull();
        NatsJson.Long(o, "max_bytes").ShouldBeNull();
        NatsJson.Long(o, "bytes").ShouldBe(225);
        NatsJson.Limit(o, "max_age").ShouldBeNull();
    }

    [Fact]
    public void Times_with_nanoseconds_parse_and_the_zero_time_is_null()
    {
        var o = JsonNode.Parse("""{"a": "2026-11-23T09:22:52.064122774Z", "b": "2026-11-23T09:22:53.564122774Z", "never": "0001-01-01T00:00:00Z"}""")!;

        NatsJson.Between(NatsJson.Time(o, "a"), NatsJson.Time(o, "b")).ShouldBe(1500);
        NatsJson.Time(o, "never").ShouldBeNull();
        NatsJson.Iso(NatsJson.Time(o, "a")).ShouldBe("2026-11-23T09:22:52.064Z");
    }

    [Fact]
    public void Ratios_need_a_limit()
    {
        NatsJson.Ratio(900, 1000).ShouldBe(0.9);
        NatsJson.Ratio(900, null).ShouldBeNull();
        NatsJson.Ratio(null, 1000).ShouldBeNull();
    }
}
