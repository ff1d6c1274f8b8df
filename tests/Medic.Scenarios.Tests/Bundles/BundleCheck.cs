using System.Text.Json.Nodes;
using Medic.Bundles;
using Medic.Scenarios.Tests.Support;
using Shouldly;

namespace Medic.Scenarios.Tests.Bundles;

/// <summary>
/// Makes a bundle of a live system with <c>medic bundle</c>, diagnoses it offline with <c>medic diagnose --bundle</c>,
/// and compares: the offline findings must equal the live report stored in the bundle (ids, severities, components,
/// titles, explanations, evidence), and name the same causes at the same severities as a separate live run.
/// </summary>
internal static class BundleCheck
{
    public static async Task<(JsonArray Live, JsonArray Offline)> LiveEqualsOfflineAsync(Dictionary<string, string> env, string example)
    {
        var system = Path.Combine(MedicRun.Root, "examples", example, "medic.yaml");
        var folder = Directory.CreateTempSubdirectory("medic-bundle-");
        try
        {
            var bundle = Path.Combine(folder.FullName, "b.tar.gz");
            var live = await MedicRun.RunAsync(env, "diagnose", "-f", system, "--format", "json");
            var made = await MedicRun.RunAsync(env, "bundle", "-f", system, "-o", bundle);
            made.ExitCode.ShouldBe(0, made.Stderr + made.Stdout);

            var offline = await MedicRun.RunAsync(null, "diagnose", "--bundle", bundle, "--format", "json");
            offline.Stderr.ShouldNotContain("error");
            offline.ExitCode.ShouldBe(live.ExitCode, offline.Stdout);

            var offlineReport = JsonNode.Parse(offline.Stdout)!.AsObject();
            offlineReport["source"]!["mode"]!.GetValue<string>().ShouldBe("offline");
            offlineReport["source"]!["bundle"]!.GetValue<string>().ShouldBe(bundle);
            var (_, files) = OfflineBundle.ReadVerified(bundle, new BundleLimits());
            var stored = JsonNode.Parse(files[BundleFiles.Report])!["findings"]!.AsArray();
            var offlineFindings = offlineReport["findings"]!.AsArray();

            offlineFindings.Count.ShouldBeGreaterThan(0, "a scenario with no finding proves nothing");
            offlineFindings.Select(Id).ShouldBe(stored.Select(Id));
            for (var i = 0; i < stored.Count; i++)
            {
                JsonNode.DeepEquals(offlineFindings[i], stored[i]).ShouldBeTrue($"finding {i} differs:\noffline {offlineFindings[i]}\nlive    {stored[i]}");
            }

            live.Findings().Select(f => $"{f.Cause} ({f.Severity})").ShouldBe(offlineFindings.Select(Id), live.Stdout);
            offlineReport["observations"]!.AsArray().ShouldAllBe(o => o!["error"] == null || o["error"]!["kind"]!.GetValue<string>() != "not_recorded");
            return (stored, offlineFindings);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Id(JsonNode? f) =>
        $"{f!["runbook"]!.GetValue<string>()}/{f["cause"]!.GetValue<string>()} ({f["severity"]!.GetValue<string>()})";
}
