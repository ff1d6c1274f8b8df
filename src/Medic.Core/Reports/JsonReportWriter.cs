using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Medic.Core.Engine;
using Medic.Core.Model;

namespace Medic.Core.Reports;

/// <summary>Writes the <c>medic.report/v1</c> JSON contract (DESIGN.md), snake_case, secrets masked.</summary>
public static class JsonReportWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject ToJson(Report report) => new()
    {
        ["schema"] = report.Schema,
        ["system"] = report.System,
        ["started"] = report.Started.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["duration_ms"] = report.DurationMs,
        ["summary"] = new JsonObject
        {
            ["critical"] = report.Summary.Critical,
            ["error"] = report.Summary.Error,
            ["warning"] = report.Summary.Warning,
            ["info"] = report.Summary.Info,
            ["probes"] = report.Summary.Probes,
            ["probe_errors"] = report.Summary.ProbeErrors,
        },
        ["findings"] = new JsonArray([.. report.Findings.Select(FindingJson)]),
        ["observations"] = new JsonArray([.. report.Observations.Select(ObservationJson.ToJson)]),
    };

    /// <summary>One finding; <c>related</c> (the generic findings it folded, same shape) appears only when there are any.</summary>
    public static JsonObject FindingJson(Finding f)
    {
        var json = BaseJson(f);
        if (f.Related.Count > 0)
        {
            json["related"] = new JsonArray([.. f.Related.Select(FindingJson)]);
        }

        return json;
    }

    private static JsonObject BaseJson(Finding f) => new()
    {
        ["runbook"] = f.Runbook,
        ["cause"] = f.Cause,
        ["severity"] = SeverityNames.Of(f.Severity),
        ["confidence"] = f.Confidence,
        ["component"] = f.Component,
        ["title"] = f.Title,
        ["explanation"] = f.Explanation,
        ["evidence"] = new JsonArray([.. f.Evidence.Select(e => new JsonObject
        {
            ["probe"] = e.Probe,
            ["path"] = e.Path,
            ["value"] = e.Value?.DeepClone(),
        })]),
        ["fix"] = f.Fix,
        ["refs"] = new JsonArray([.. f.Refs.Select(r => JsonValue.Create(r))]),
    };

    public static string Write(Report report, SecretSet secrets) =>
        secrets.Scrub(ToJson(report).ToJsonString(Options));
}
