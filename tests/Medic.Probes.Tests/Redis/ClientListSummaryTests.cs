using Medic.Probes.Redis;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Redis;

public sealed class ClientListSummaryTests
{
    private const string List =
        "id=3 addr=10.0.0.5:50001 laddr=10.0.0.1:6379 fd=8 name=api age=7200 idle=7000 flags=N db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=0 omem=0 cmd=get user=default\n"
        + "id=4 addr=10.0.0.5:50002 laddr=10.0.0.1:6379 fd=9 name=api age=100 idle=0 flags=b db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=26 omem=0 cmd=blpop user=default\n"
        + "id=5 addr=10.0.0.6:50003 laddr=10.0.0.1:6379 fd=10 name= age=30 idle=30 flags=P db=0 sub=2 psub=0 ssub=0 multi=-1 qbuf=0 omem=1024 cmd=subscribe user=app\n"
        + "id=9 addr=127.0.0.1:40000 laddr=127.0.0.1:6379 fd=11 name=medic age=0 idle=0 flags=N db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=0 omem=0 cmd=client|list user=default\n";

    [Fact]
    public void Counts_clients_by_name_command_user_and_ip_leaving_out_its_own()
    {
        var summary = ClientListSummary.Summarise(List, selfId: 9);
        summary["total"]!.GetValue<int>().ShouldBe(3);
        summary["by_name"]!["api"]!.GetValue<int>().ShouldBe(2);
        summary["by_name"]!["(unnamed)"]!.GetValue<int>().ShouldBe(1);
        summary["by_cmd"]!["blpop"]!.GetValue<int>().ShouldBe(1);
        summary["by_user"]!["app"]!.GetValue<int>().ShouldBe(1);
        summary["by_ip"]!["10.0.0.5"]!.GetValue<int>().ShouldBe(2);
        summary["by_ip"]!.AsObject().ContainsKey("127.0.0.1").ShouldBeFalse();
    }

    [Fact]
    public void Buckets_idle_times_and_counts_blocked_and_pubsub_clients()
    {
        var summary = ClientListSummary.Summarise(List, selfId: 9);
        summary["idle"]!["under_1s"]!.GetValue<int>().ShouldBe(1);
        summary["idle"]!["1s_to_1m"]!.GetValue<int>().ShouldBe(1);
        summary["idle"]!["over_1h"]!.GetValue<int>().ShouldBe(1);
        summary["blocked"]!.GetValue<int>().ShouldBe(1);
        summary["pubsub"]!.GetValue<int>().ShouldBe(1);
        summary["max_idle_s"]!.GetValue<long>().ShouldBe(7000);
        summary["total_omem"]!.GetValue<long>().ShouldBe(1024);
        summary["longest_idle"]![0]!["addr"]!.GetValue<string>().ShouldBe("10.0.0.5:50001");
    }

    [Fact]
    public void Keeps_only_the_largest_groups()
    {
        var many = string.Join('\n', Enumerable.Range(0, 30).Select(i => $"id={i} addr=10.0.{i}.1:1 name=n{i} idle=0 cmd=get"));
        var byName = ClientListSummary.Summarise(many, selfId: null)["by_name"]!.AsObject();
        byName.Count.ShouldBe(21);
        byName["(other)"]!.GetValue<int>().ShouldBe(10);
    }
}
