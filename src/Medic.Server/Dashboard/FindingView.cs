using System.Text;
using System.Text.Json.Nodes;

namespace Medic.Server.Dashboard;

/// <summary>The parts of a finding both the system page and the finding page show: explanation, evidence and fix.</summary>
internal static class FindingView
{
    public static string Evidence(JsonObject? finding, string headingTag)
    {
        var b = new StringBuilder();
        if (finding is null)
        {
            return "<p class=\"meta\">The report of the last run that held this finding is no longer kept.</p>";
        }

        b.Append("<p>").Append(Html.E((string?)finding["explanation"])).Append("</p>");
        b.Append('<').Append(headingTag).Append(">Evidence</").Append(headingTag).Append('>');
        if (finding["evidence"] is JsonArray evidence && evidence.Count > 0)
        {
            b.Append("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Probe</th><th scope=\"col\">Path</th><th scope=\"col\">Value</th></tr></thead><tbody>");
            foreach (var e in evidence.OfType<JsonObject>())
            {
                b.Append("<tr><td><code>").Append(Html.E((string?)e["probe"])).Append("</code></td><td><code>").Append(Html.E((string?)e["path"]))
                 .Append("</code></td><td><code>").Append(Html.E(Value(e["value"]))).Append("</code></td></tr>");
            }

            b.Append("</tbody></table></div>");
        }
        else
        {
            b.Append("<p class=\"meta\">No evidence values recorded.</p>");
        }

        b.Append('<').Append(headingTag).Append(">Fix</").Append(headingTag).Append('>');
        b.Append("<div class=\"fix\">").Append(Html.E((string?)finding["fix"])).Append("</div>");
        return b.ToString();
    }

    /// <summary>Evidence as one line, "path = value; …", for history rows.</summary>
    public static string EvidenceLine(JsonObject? finding) => finding?["evidence"] is JsonArray evidence
        ? string.Join("; ", evidence.OfType<JsonObject>().Select(e => $"{(string?)e["path"]} = {Value(e["value"])}"))
        : "";

    public static string Value(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };
}
