using System.Text.Json.Nodes;
using Medic.Core.Conditions;
using Shouldly;
using Xunit;
using static Medic.Core.Tests.Conditions.Conditions;

namespace Medic.Core.Tests.Conditions;

public sealed class PathTests
{
    private const string Ports = """
        {
          "ports": { "status": "ok", "data": { "ports": [
            { "port": 3001, "listening": true, "pid": 812, "process": "nginx", "ok": false },
            { "port": 3002, "listening": false, "ok": true, "name": "second" }
          ] } },
          "component": { "service": "pma-server", "odd-key": "odd", "n": 1 }
        }
        """;

    [Theory]
    [InlineData("ports.data.ports[0].pid", "812")]
    [InlineData("ports.data.ports[-1].port", "3002")]
    [InlineData("ports.data.ports[-2].port", "3001")]
    [InlineData("ports['data']['ports'][1]['port']", "3002")]
    [InlineData("component['odd-key']", "odd")]
    [InlineData("ports.data.ports[component.n].port", "3002")]
    [InlineData("ports.data.ports[0 + 1].port", "3002")]
    [InlineData("first(ports.data.ports, x => x.ok).name", "second")]
    [InlineData("(component.none ?? component).service", "pma-server")]
    [InlineData("[10, 20, 30][1]", "20")]
    public void Paths_read_members_and_indexes(string text, string expected) => Show(text, Ports).ShouldBe(expected);

    [Theory]
    [InlineData("ports.data.missing")]
    [InlineData("ports.data.missing.deeper.still")]
    [InlineData("ports.data.ports[2]")]
    [InlineData("ports.data.ports[-3]")]
    [InlineData("ports.data.ports[0.5]")]
    [InlineData("ports.data.ports['0']")]
    [InlineData("ports.status.length")]
    [InlineData("ports.status[0]")]
    [InlineData("ports.data.ports.port")]
    [InlineData("component.n.x")]
    [InlineData("component[1]")]
    [InlineData("component[null]")]
    [InlineData("null.x")]
    [InlineData("null[0]")]
    [InlineData("ports.data.ports[1e20]")]
    public void Whatever_is_missing_is_null(string text) => Eval(text, Ports).IsNull.ShouldBeTrue();

    [Fact]
    public void An_unknown_root_at_evaluation_is_a_positioned_error()
    {
        var error = Fails("ports.status == 'ok' and nope.x", Ports);

        error.ToString().ShouldBe("1:26: unknown name 'nope'");
    }

    [Fact]
    public void A_root_that_is_known_but_empty_is_null()
    {
        var scope = new TestScope(new Dictionary<string, JsonNode?> { ["pragma"] = null });

        Parse("pragma.data.x == null").Evaluate(scope).AsBool().ShouldBe(true);
    }

    [Fact]
    public void Roots_and_paths_of_a_lambda_condition_leave_out_the_parameter()
    {
        var e = Parse("any(ports.data.ports, p => p.listening and p.process != component.service)");

        e.Roots.ShouldBe([new RootReference("ports", 1, 5), new RootReference("component", 1, 57)]);
        e.Paths.Select(p => p.Text).ShouldBe(["ports.data.ports", "component.service"]);
    }

    [Fact]
    public void Roots_list_every_occurrence_in_order_with_positions_across_lines()
    {
        var e = Parse("pragma.data.journal_mode in ['delete']\n  and (locks.data.write_locked == true or len(locks.data.open_by) > 1)");

        e.Roots.ShouldBe([
            new RootReference("pragma", 1, 1),
            new RootReference("locks", 2, 8),
            new RootReference("locks", 2, 47),
        ]);
        e.Paths.Select(p => p.Text).ShouldBe(["pragma.data.journal_mode", "locks.data.write_locked", "locks.data.open_by"]);
    }

    [Fact]
    public void Paths_are_maximal_canonical_and_de_duplicated()
    {
        var e = Parse("x['a'].b[0]['odd-key'] == x.a.b[0]['odd-key'] or y[-1] > 0 or x.a.b[0]['odd-key'].c == 1");

        e.Paths.Select(p => p.Text).ShouldBe(["x.a.b[0]['odd-key']", "y[-1]", "x.a.b[0]['odd-key'].c"]);
        e.Paths.Select(p => p.SubPath).ShouldBe(["a.b[0]['odd-key']", "[-1]", "a.b[0]['odd-key'].c"]);
        e.Paths.Select(p => p.Root).ShouldBe(["x", "y", "x"]);
    }

    [Fact]
    public void A_computed_index_ends_the_path_and_its_own_paths_are_listed()
    {
        var e = Parse("ports.data.ports[component.n].pid");

        e.Paths.Select(p => p.Text).ShouldBe(["ports.data.ports", "component.n"]);
    }

    [Fact]
    public void A_bare_root_is_a_path_with_an_empty_sub_path()
    {
        var path = Parse("exists(ports)").Paths.Single();

        (path.Text, path.SubPath, path.Root, path.Line, path.Column).ShouldBe(("ports", "", "ports", 1, 8));
    }

    [Fact]
    public void A_path_inside_a_lambda_from_a_root_is_included_but_one_from_the_parameter_is_not()
    {
        var e = Parse("map(xs, x => x.a + component.b + x.c)");

        e.Paths.Select(p => p.Text).ShouldBe(["xs", "component.b"]);
        e.Roots.Select(r => r.Name).ShouldBe(["xs", "component"]);
    }

    [Fact]
    public void A_lambda_parameter_shadows_a_root_of_the_same_name_only_inside_its_body()
    {
        var e = Parse("any(ports, ports => ports > 1) and ports == ports");

        e.Roots.Select(r => r.Column).ShouldBe([5, 36, 45]);
        e.Evaluate(TestScope.Of("""{"ports": [1, 2]}""")).AsBool().ShouldBe(true);
    }

    [Fact]
    public void Nested_lambdas_see_their_outer_parameters()
    {
        var json = """{"groups": [{"name": "a", "items": [1, 2]}, {"name": "b", "items": [3]}]}""";

        Show("map(groups, g => join(map(g.items, i => g.name + i), '+'))", json).ShouldBe("a1+a2, b3");
    }

    [Fact]
    public void A_path_evaluates_alone_and_never_throws()
    {
        var paths = Parse("ports.data.ports[0].pid > 1 and nope.x == 1 and component['odd-key'] == 'odd'").Paths;
        var scope = TestScope.Of(Ports);

        paths.Select(p => p.Evaluate(scope).Format()).ShouldBe(["812", "null", "odd"]);
    }

    [Fact]
    public void Evaluating_a_path_into_a_large_observation_does_not_copy_it()
    {
        var big = new JsonArray([.. Enumerable.Range(0, 200_000).Select(i => (JsonNode)new JsonObject { ["i"] = i, ["s"] = new string('x', 40) })]);
        var scope = new TestScope(new Dictionary<string, JsonNode?> { ["obs"] = new JsonObject { ["data"] = big } });
        var e = Parse("obs.data[199999].i == 199999 and obs.data[-1].s != null");
        var started = System.Diagnostics.Stopwatch.StartNew();

        for (var n = 0; n < 10_000; n++)
        {
            e.Evaluate(scope).AsBool().ShouldBe(true);
        }

        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }
}
