using System.Text.Json.Nodes;
using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Systems;
using Shouldly;
using Xunit;
using static Medic.Core.Tests.Engine.EngineFixtures;

namespace Medic.Core.Tests.Engine;

public sealed class PlannerTests
{
    private static readonly TestProbe Connect = new("tcp.connect", (_, _) => Ok());
    private static readonly ProbeRegistry Probes = new([Connect]);

    private static SystemDefinition System(params Component[] components) =>
        new("shop", ["shop"], components, "medic.yaml", new SecretSet());

    [Fact]
    public void Identical_checks_in_different_runbooks_run_once()
    {
        var system = System(Component("cache"));
        var plan = new Planner(Probes).Build(system, [
            Runbook("tcp.one", "tcp", Check("c", "tcp.connect")),
            Runbook("tcp.two", "tcp", Check("reach", "tcp.connect")),
            Runbook("tcp.three", "tcp", Check("other", "tcp.connect", new JsonObject { ["n"] = 2 })),
        ], new DiagnoseOptions());

        plan.Instances.Count.ShouldBe(3);
        plan.Invocations.Count.ShouldBe(2);
        plan.Instances[0].Checks["c"].ShouldBeSameAs(plan.Instances[1].Checks["reach"]);
    }

    [Fact]
    public void A_runbook_applies_once_per_component_of_its_kind()
    {
        var plan = new Planner(Probes).Build(System(Component("a"), Component("b"), Component("web", "http")),
            [Runbook("tcp.one", "tcp", Check("c", "tcp.connect"))], new DiagnoseOptions());

        plan.Instances.Select(i => i.Subject.Name).ShouldBe(["a", "b"]);
        plan.Invocations.Count.ShouldBe(2);
    }

    [Fact]
    public void Packs_are_chosen_by_component_kind_packs_list_and_system_name()
    {
        var plan = new Planner(Probes).Build(System(Component("a")), [
            Runbook("tcp.generic", "tcp", Check("c", "tcp.connect")),
            Runbook("shop.own", "shop", Check("c", "tcp.connect")),
            Runbook("other.pack", "other", Check("c", "tcp.connect")),
        ], new DiagnoseOptions());

        plan.Instances.Select(i => i.Runbook.Id).ShouldBe(["tcp.generic", "shop.own"]);
    }

    [Fact]
    public void The_component_timeout_setting_applies_to_its_probes()
    {
        var slow = new Component("slow", "tcp", new JsonObject { ["timeout"] = 1500L }, "/tmp", new SourcePosition("m", 1, 1));

        var plan = new Planner(Probes).Build(System(slow), [Runbook("tcp.one", "tcp", Check("c", "tcp.connect"))], new DiagnoseOptions());

        plan.Invocations.Single().Timeout.ShouldBe(TimeSpan.FromMilliseconds(1500));
    }
}
