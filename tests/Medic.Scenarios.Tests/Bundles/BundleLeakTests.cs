using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Medic.Bundles;
using Medic.Bundles.Collect;
using Medic.Bundles.Tests;
using Medic.Cli;
using Medic.Core.Engine;
using Medic.Scenarios.Tests.StandIn;
using Shouldly;
using Xunit;

namespace Medic.Scenarios.Tests.Bundles;

/// <summary>
/// The leak corpus (48 kinds of secret) planted in a running seed-like system: configs in YAML, TOML, INI and .env,
/// a log, a PEM file, environment variables, URLs, and the HTTP bodies of a real Kestrel service. The bundle must
/// hold none of them in raw, base64 or URL-encoded form, and say how many values each rule redacted.
/// </summary>
public sealed class BundleLeakTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("medic-leak-");
    private StandInService _api = null!;
    private readonly Dictionary<string, string> _env = new(StringComparer.Ordinal);

    private static PlantedSecret[] Kind(string prefix) => [.. LeakCorpus.All.Where(p => p.Kind.StartsWith(prefix, StringComparison.Ordinal))];

    public async ValueTask InitializeAsync()
    {
        var all = LeakCorpus.All;
        var yaml = Kind("yaml ");
        var json = Kind("json ");
        var toml = Kind("toml ");
        var ini = Kind("ini ");
        var env = Kind("env ");
        var logLines = all.Where(p => p.Kind.StartsWith("logfmt", StringComparison.Ordinal) || p.Kind.StartsWith("redis ", StringComparison.Ordinal)
            || p.Kind.StartsWith("connection", StringComparison.Ordinal) || p.Kind.EndsWith(" url", StringComparison.Ordinal) || p.Kind.EndsWith("in log", StringComparison.Ordinal)).ToArray();
        var headers = all.Where(p => p.Rule is "authorization-header" or "cookie-header" || p.Kind.StartsWith("query", StringComparison.Ordinal)).ToArray();
        var shapes = all.Where(p => p.Rule is "jwt" or "cloud-key").ToArray();
        var pem = all.Single(p => p.Rule == "pem-private-key");
        var placed = yaml.Concat(json).Concat(toml).Concat(ini).Concat(env).Concat(logLines).Concat(headers).Concat(shapes).Append(pem).Distinct().Count();
        placed.ShouldBe(all.Length, "every corpus entry is planted somewhere");

        await Write("app.yaml", yaml.Select(p => p.Text.Trim()));
        await Write("app.toml", toml.Select(p => p.Text));
        await Write("app.ini", ["[db]", .. ini.Select(p => p.Text)]);
        await Write("app.env", env.Skip(4).Select(p => p.Text));
        await Write("app.log", logLines.Where(p => p.Kind != "postgres url").Select(p => $"2026-12-04T03:00:00Z ERROR {p.Text}"));
        await Write("key.pem", [pem.Text]);
        foreach (var p in env.Take(4).Append(all.Single(p => p.Kind == "postgres url")))
        {
            var line = p.Text.Replace("export ", "", StringComparison.Ordinal);
            _env[line[..line.IndexOf('=', StringComparison.Ordinal)]] = line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim('"');
        }

        _env["PATH"] = "/usr/bin";
        _api = await StaticService(json, headers, shapes);
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "medic.yaml"), $"""
            system: leaky
            components:
              api: {"{"} kind: http, url: "{_api.Url}", health: /health {"}"}
              metrics: {"{"} kind: prometheus, url: "{_api.Url}/metrics" {"}"}
              settings: {"{"} kind: config, path: app.yaml {"}"}
              toml: {"{"} kind: config, path: app.toml {"}"}
              ini: {"{"} kind: config, path: app.ini, format: ini {"}"}
              dotenv: {"{"} kind: config, path: app.env, format: env {"}"}
              logs: {"{"} kind: logs, paths: [app.log, key.pem] {"}"}
            """, TestContext.Current.CancellationToken);
    }

    private static Task<StandInService> StaticService(PlantedSecret[] json, PlantedSecret[] headers, PlantedSecret[] shapes) =>
        StandInService.StartAsync(new StaticSurface(new Dictionary<string, (string, string)>
        {
            ["/health"] = ("application/json", "[" + string.Join(",", json.Select(p => p.Text)) + "]"),
            ["/metrics"] = ("text/plain", string.Join("\n", headers.Select((p, i) => $"# request {i}: {p.Text}")) + "\nup 1\n"),
            ["/debug/pprof/goroutine"] = ("text/plain", string.Join("\n", shapes.Select(p => $"goroutine 7 [running]: main.handler({p.Text})")) + "\n"),
        }), TestContext.Current.CancellationToken);

    private Task Write(string name, IEnumerable<string> lines) =>
        File.WriteAllTextAsync(Path.Combine(_folder.FullName, name), string.Join("\n", lines) + "\n", TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task No_planted_secret_reaches_the_bundle_in_any_form_and_counts_match_what_was_planted()
    {
        var runtime = new MedicRuntime();
        var system = runtime.LoadSystem(Path.Combine(_folder.FullName, "medic.yaml"));
        var runbooks = runtime.LoadRunbooks([]);
        using var http = new HttpClient();
        var output = new MemoryStream();
        var result = await new BundleBuilder(runtime.Probes, TimeProvider.System, http).CreateAsync(system, runbooks, new DiagnoseOptions(),
            new BundleOptions { EnvironmentVariables = _env }, output, cancellationToken: TestContext.Current.CancellationToken);

        var entries = Entries(output.ToArray());
        string[] expectedEntries = ["files/settings/app.yaml", "files/toml/app.toml", "files/ini/app.ini", "files/dotenv/app.env",
            "files/logs/app.log", "files/logs/key.pem", "snapshots/api/health.txt", "snapshots/api/metrics.txt", "snapshots/api/goroutines.txt",
            "snapshots/metrics/metrics.txt", "env.json", "observations.json", "report.json", "manifest.json"];
        foreach (var name in expectedEntries)
        {
            entries.ShouldContainKey(name);
        }

        var everything = string.Join("\n", entries.Values);
        everything.ShouldContain(Redactor.Marker);
        foreach (var planted in LeakCorpus.All)
        {
            foreach (var form in Forms(planted.Secret))
            {
                everything.Contains(form, StringComparison.Ordinal).ShouldBeFalse($"{planted.Kind}: '{form}' is in the bundle");
            }
        }

        var expected = LeakCorpus.All.GroupBy(p => p.Rule).ToDictionary(g => g.Key, g => g.Count());
        result.Manifest.RedactedValues.OrderBy(p => p.Key, StringComparer.Ordinal)
            .ShouldBe(expected.OrderBy(p => p.Key, StringComparer.Ordinal));
        var stored = JsonDocument.Parse(entries["manifest.json"]).RootElement.GetProperty("redacted_values");
        foreach (var (rule, count) in expected)
        {
            stored.GetProperty(rule).GetInt32().ShouldBe(count, rule);
        }
    }

    private static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        yield return Uri.EscapeDataString(secret);
        yield return JsonEncodedText.Encode(secret).ToString();
    }

    private static Dictionary<string, string> Entries(byte[] bundle)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var gzip = new GZipStream(new MemoryStream(bundle), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            using var reader = new StreamReader(entry.DataStream!, Encoding.UTF8);
            result[entry.Name] = reader.ReadToEnd();
        }

        return result;
    }
}
