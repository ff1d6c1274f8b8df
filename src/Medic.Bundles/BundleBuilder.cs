using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Medic.Bundles.Collect;
using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Reports;
using Medic.Core.Runbooks;
using Medic.Core.Systems;

namespace Medic.Bundles;

/// <summary>
/// Makes a bundle: runs every probe the system's runbooks use through a recording source, then streams the
/// redacted system, observations, live report, component files, HTTP snapshots and host facts into tar+gzip,
/// with manifest.json last. Every byte passes one <see cref="Redactor"/>, so a secret keeps one placeholder.
/// </summary>
public sealed class BundleBuilder(ProbeRegistry probes, TimeProvider time, HttpClient http)
{
    public async Task<BundleResult> CreateAsync(
        SystemDefinition system,
        IReadOnlyList<Runbook> runbooks,
        DiagnoseOptions options,
        BundleOptions bundle,
        Stream output,
        IRunObserver? observer = null,
        Action<string>? step = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(bundle);
        var t0 = time.GetTimestamp();
        var created = time.GetUtcNow();
        var redactor = NewRedactor(system, bundle);
        step?.Invoke("probing");
        var recorder = new RecordingObservationSource();
        var diagnosis = await new Diagnoser(probes, time, recorder).RunAsync(system, runbooks, options, observer, cancellationToken).ConfigureAwait(false);

        using var writer = new BundleWriter(output, redactor, bundle.Limits);
        step?.Invoke("writing observations and report");
        var systemJson = redactor.RedactJson(SystemJson.ToJson(system));
        writer.AddRedactedJson(BundleFiles.System, systemJson, system.SourceFile);
        var pairs = OfflineKeys.Pair(new Planner(probes), system, SystemJson.FromJson(systemJson), runbooks, options);
        writer.AddRedactedJson(BundleFiles.Observations, Observations(system, diagnosis.Report, pairs, redactor, writer), "probes", diagnosis.Report.DurationMs);
        writer.AddJson(BundleFiles.Report, JsonReportWriter.ToJson(diagnosis.Report), "medic diagnose", diagnosis.Report.DurationMs);
        foreach (var o in diagnosis.Report.Observations.Where(o => o.Status != ObservationStatus.Ok))
        {
            writer.AddFailure($"{BundleFiles.Observations}#{o.Probe}@{o.Component}", $"{ObservationJson.StatusName(o.Status)}: {o.Error?.Kind}: {o.Error?.Message}");
        }

        step?.Invoke("collecting files");
        foreach (var component in system.Components)
        {
            foreach (var item in ComponentFiles.Collect(component, bundle))
            {
                Add(writer, item);
            }

            step?.Invoke($"snapshots of {component.Name}");
            foreach (var item in await HttpSnapshots.CollectAsync(component, http, bundle, cancellationToken).ConfigureAwait(false))
            {
                Add(writer, item);
            }
        }

        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(system.SourceFile)) ?? "/";
        writer.AddJson(BundleFiles.Host, HostFacts.Collect(baseDirectory, time), "host");
        writer.AddJson(BundleFiles.Versions, Versions(diagnosis.Report), "observations");
        if (bundle.Environment)
        {
            writer.AddJson(BundleFiles.Environment, EnvironmentJson(bundle.EnvironmentVariables), "environment of the medic process");
        }

        var manifest = new Manifest(created, [], [], new Dictionary<string, int>())
        {
            System = system.Name,
            MedicVersion = typeof(BundleBuilder).Assembly.GetName().Version?.ToString(3) ?? "",
            DurationMs = Math.Round(time.GetElapsedTime(t0).TotalMilliseconds, 1),
            Probes = diagnosis.Report.Observations.Count,
        };
        writer.Complete(manifest);
        var final = manifest with
        {
            Entries = writer.Entries,
            Failures = writer.Failures,
            Redactions = redactor.Counts.ToDictionary(),
            RedactedValues = redactor.DistinctCounts.ToDictionary(),
            HostsMapped = redactor.Hosts?.Count ?? 0,
        };
        return new BundleResult(final, diagnosis, redactor.Hosts?.Map ?? new Dictionary<string, string>());
    }

    private static JsonObject Observations(SystemDefinition system, Report report, IReadOnlyDictionary<string, JsonObject> pairs, Redactor redactor, BundleWriter writer)
    {
        var list = new JsonArray();
        var unmatched = 0;
        foreach (var o in report.Observations)
        {
            var offlineArgs = pairs.GetValueOrDefault(ObservationKey.Of(o.Probe, o.Component, o.Args));
            var stored = redactor.RedactJson(ObservationJson.ToJson(o with { Args = offlineArgs ?? (JsonObject)redactor.RedactJson(o.Args)! }))!;
            if (offlineArgs is null || ObservationKey.Of(o.Probe, o.Component, (JsonObject)stored["args"]!) != ObservationKey.Of(o.Probe, o.Component, offlineArgs))
            {
                unmatched++;
            }

            list.Add(stored);
        }

        if (unmatched > 0)
        {
            writer.AddFailure(BundleFiles.Observations, string.Create(CultureInfo.InvariantCulture,
                $"{unmatched} probe request(s) could not be keyed for offline use (redaction changed their arguments); offline they read as not recorded"));
        }

        return new JsonObject
        {
            ["schema"] = BundleFiles.ObservationsSchema,
            ["system"] = system.Name,
            ["started"] = report.Started.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["observations"] = list,
        };
    }

    private static void Add(BundleWriter writer, Collected item)
    {
        if (item.Text is null)
        {
            writer.AddFailure(item.Path, $"{item.Source}: {item.Failure}");
        }
        else
        {
            writer.AddText(item.Path, item.Text, item.Source, item.DurationMs);
        }
    }

    private static Redactor NewRedactor(SystemDefinition system, BundleOptions bundle)
    {
        HostMap? hosts = null;
        if (bundle.RedactHosts)
        {
            hosts = new HostMap();
            hosts.AddNames(SystemHosts.Of(system).Append(Environment.MachineName));
        }

        var redactor = new Redactor { Hosts = hosts };
        redactor.AddKnownSecrets(system.Secrets.Values);
        return redactor;
    }

    private static JsonObject Versions(Report report)
    {
        var versions = new JsonObject { ["medic"] = typeof(BundleBuilder).Assembly.GetName().Version?.ToString(3) };
        foreach (var o in report.Observations.Where(o => o.Data is JsonObject))
        {
            foreach (var (key, value) in (JsonObject)o.Data!)
            {
                if (key.Contains("version", StringComparison.OrdinalIgnoreCase) && value is JsonValue)
                {
                    versions[$"{o.Component}.{key}"] = value.DeepClone();
                }
            }
        }

        return versions;
    }

    private static JsonObject EnvironmentJson(IReadOnlyDictionary<string, string>? given)
    {
        var variables = given ?? Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value?.ToString() ?? "", StringComparer.Ordinal);
        var env = new JsonObject();
        foreach (var (name, value) in variables.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            env[name] = value;
        }

        return env;
    }
}
