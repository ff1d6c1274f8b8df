using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Reports;

namespace Medic.Cli.Commands;

/// <summary>Where an offline report's observations came from: which bundle, collected when.</summary>
internal sealed record OfflineSource(string Bundle, DateTimeOffset Collected)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string CollectedText => Collected.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public string Describe() => $"Offline diagnosis from bundle {Bundle}, observations collected {CollectedText}; no probe was run.";

    /// <summary>The report JSON with a <c>source</c> object: <c>{mode: offline, bundle, collected}</c>.</summary>
    public string WriteJson(Report report, SecretSet secrets)
    {
        var json = JsonReportWriter.ToJson(report);
        json["source"] = new JsonObject { ["mode"] = "offline", ["bundle"] = Bundle, ["collected"] = CollectedText };
        return secrets.Scrub(json.ToJsonString(Options));
    }
}
