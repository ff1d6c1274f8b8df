using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Shouldly;

namespace Medic.Probes.Tests.Conformance;

/// <summary>Checks of a probe's result against a failing target.</summary>
internal static class Expect
{
    /// <summary>The probe fails with one of <paramref name="kinds"/> and says why.</summary>
    public static Action<ProbeResult> Fails(params string[] kinds) => result =>
    {
        var error = result.Error.ShouldNotBeNull($"expected an error of kind {string.Join(" or ", kinds)}, got data {result.Data?.ToJsonString()}");
        kinds.ShouldContain(error.Kind);
        error.Message.ShouldNotBeNullOrWhiteSpace();
    };

    public static Action<ProbeResult> Timeout { get; } = Fails(ErrorKinds.Timeout);

    public static Action<ProbeResult> Refused { get; } = Fails(ErrorKinds.ConnectionRefused);

    public static Action<ProbeResult> NotFound { get; } = Fails(ErrorKinds.NotFound);

    /// <summary>The probe succeeds: an absent thing is an observation about the host, not a failure to observe.</summary>
    public static Action<ProbeResult> Observes { get; } = result =>
    {
        result.Error.ShouldBeNull();
        result.Data.ShouldNotBeNull();
    };

    /// <summary>The probe succeeds and records the target's failure, of kind <paramref name="kind"/>, at <paramref name="at"/> in its data.</summary>
    public static Action<ProbeResult> Records(string kind, Func<JsonNode, JsonNode?> at) => result =>
    {
        result.Error.ShouldBeNull($"expected the failure as data, got error {result.Error?.Kind}: {result.Error?.Message}");
        var data = result.Data.ShouldNotBeNull();
        at(data).ShouldNotBeNull($"no failure recorded in {data.ToJsonString()}").GetValue<string>().ShouldBe(kind);
    };
}
