using System.Text.Json;

namespace Medic.Server.Alerts;

/// <summary>The bodies Medic posts: <c>medic.alert/v1</c> JSON, or Slack's <c>{"text": …}</c>.</summary>
public static class AlertPayloads
{
    public const string Schema = "medic.alert/v1";

    public static string Body(AlertEvent e, WebhookFormat format) => format == WebhookFormat.Slack ? Slack(e) : Json(e);

    public static string Json(AlertEvent e) => JsonSerializer.Serialize(new
    {
        schema = Schema,
        @event = e.Event,
        system = e.System,
        component = e.Component,
        runbook = e.Runbook,
        cause = e.Cause,
        severity = e.Severity,
        title = e.Title,
        fix = e.Fix,
        at = e.At,
        runs = e.Runs,
    });

    public static string Slack(AlertEvent e)
    {
        var mark = e.Event switch
        {
            AlertEvent.Opened => ":red_circle: opened",
            AlertEvent.Resolved => ":white_check_mark: resolved",
            AlertEvent.Flapping => ":warning: flapping",
            _ => ":information_source: test",
        };
        var text = $"*{mark}* [{e.Severity}] {e.System}/{e.Component}: {e.Title}\n`{e.Runbook}` cause `{e.Cause}` after {e.Runs} run(s)";
        if (e.Event == AlertEvent.Opened && e.Fix.Length > 0)
        {
            text += $"\nFix: {e.Fix}";
        }

        return JsonSerializer.Serialize(new { text });
    }
}
