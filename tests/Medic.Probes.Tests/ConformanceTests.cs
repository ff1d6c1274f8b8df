using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Probes.Host;
using Medic.Probes.Sqlite;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests;

/// <summary>What every probe of this project owes the engine, checked the same way for each.</summary>
public sealed class ConformanceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static readonly string[] Names = ["sqlite.pragma", "sqlite.schema", "sqlite.locks", "port.owner", "file.stat"];

    public static TheoryData<string> ProbeNames => [.. Names];

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public async Task Honours_an_already_cancelled_token(string name)
    {
        var (probe, context) = Target(name, TestDatabases.Create(_folder.File("c.db")));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => probe.RunAsync(context, cancelled.Token));
    }

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public async Task An_absent_target_is_data_not_an_exception(string name)
    {
        var (probe, context) = Target(name, _folder.File("absent/none.db"));

        var result = await probe.RunAsync(context, TestContext.Current.CancellationToken);

        (result.Error is not null || result.Data is not null).ShouldBeTrue();
        if (name.StartsWith("sqlite.", StringComparison.Ordinal))
        {
            result.Error!.Kind.ShouldBe("not_found");
        }
    }

    [Fact]
    public void Every_probe_here_is_registered_once_with_its_kinds()
    {
        var registry = BuiltInProbes.Registry();

        foreach (var name in Names)
        {
            var probe = registry.Find(name).ShouldNotBeNull();
            probe.Kinds.ShouldBe(name.StartsWith("sqlite.", StringComparison.Ordinal) ? ["sqlite"] : ["host"]);
            probe.Description.ShouldNotBeNullOrWhiteSpace();
        }
    }

    private static (IProbe Probe, ProbeContext Context) Target(string name, string path)
    {
        var probe = BuiltInProbes.Registry().Find(name)!;
        var context = name switch
        {
            "port.owner" => ProbeHarness.Context("host", new() { ["ports"] = new JsonArray(FreePort.Next()) }),
            "file.stat" => ProbeHarness.Context("host", new() { ["paths"] = new JsonArray(path) }),
            _ => ProbeHarness.Context("sqlite", new() { ["path"] = path }),
        };
        return (probe, context);
    }
}
