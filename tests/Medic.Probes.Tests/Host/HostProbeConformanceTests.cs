using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Host;

/// <summary>What the engine expects of every probe, for the host probes and config.compare.</summary>
public sealed class HostProbeConformanceTests : IDisposable
{
    private static readonly string[] Names = ["disk.usage", "host.memory", "process.list", "file.holders", "systemd.unit", "config.compare"];

    private readonly TempFolder _folder = new();

    public static TheoryData<string> ProbeNames => [.. Names];

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public async Task Honours_an_already_cancelled_token(string name)
    {
        var (probe, context) = Target(name);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => probe.RunAsync(context, cancelled.Token));
    }

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public async Task An_absent_target_is_data_not_an_exception(string name)
    {
        var (probe, context) = Target(name);

        var result = await probe.RunAsync(context, TestContext.Current.CancellationToken);

        result.Error.ShouldBeNull();
        result.Data.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public void Is_registered_once_for_its_kind_with_a_description(string name)
    {
        var probe = BuiltInProbes.Registry().Find(name).ShouldNotBeNull();

        probe.Kinds.ShouldBe([name.StartsWith("config.", StringComparison.Ordinal) ? "config" : "host"]);
        probe.Description.ShouldNotBeNullOrWhiteSpace();
        probe.Parameters.ShouldAllBe(p => p.Name == p.Name.ToLowerInvariant() && p.Description.Length > 0);
    }

    private (IProbe Probe, ProbeContext Context) Target(string name)
    {
        var absent = _folder.File("absent/none");
        var probe = BuiltInProbes.Registry().Find(name)!;
        var settings = name switch
        {
            "config.compare" => new JsonObject { ["path"] = absent + ".toml", ["unique"] = new JsonArray("node_id") },
            "process.list" or "systemd.unit" => new JsonObject { ["service"] = PythonChild.UniqueName("medic-absent-") },
            _ => new JsonObject { ["paths"] = new JsonArray(absent) },
        };
        return (probe, ProbeHarness.Context(name.StartsWith("config.", StringComparison.Ordinal) ? "config" : "host", settings));
    }
}
