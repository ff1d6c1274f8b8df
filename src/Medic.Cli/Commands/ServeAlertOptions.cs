using System.CommandLine;
using System.CommandLine.Parsing;
using Medic.Server.Alerts;

namespace Medic.Cli.Commands;

/// <summary><c>medic serve</c>'s alert options: where webhooks go and the noise control.</summary>
internal sealed class ServeAlertOptions
{
    public Option<WebhookTarget[]> Webhooks { get; } = new("--webhook")
    {
        Description = "Post alerts to URL (repeatable); 'URL,slack' sends Slack's {\"text\":…} instead of medic.alert/v1 JSON",
        DefaultValueFactory = _ => [],
        CustomParser = ParseTargets,
    };

    public Option<int> After { get; } = new("--alert-after")
    {
        Description = "Alert once a finding held this many consecutive runs (default 2)",
        DefaultValueFactory = _ => 2,
    };

    public Option<int> FlapLimit { get; } = new("--flap-limit")
    {
        Description = "A finding that opens or resolves more than this many times within --flap-window is held as flapping (default 4)",
        DefaultValueFactory = _ => 4,
    };

    public Option<TimeSpan?> FlapWindow { get; } = CommonOptions.Duration("--flap-window", "The window of --flap-limit (default 1h)");

    public IEnumerable<Option> All => [Webhooks, After, FlapLimit, FlapWindow];

    public AlertRules Rules(ParseResult parse) =>
        new(Math.Max(1, parse.GetValue(After)), Math.Max(1, parse.GetValue(FlapLimit)), parse.GetValue(FlapWindow));

    public static WebhookTarget? ParseOne(ArgumentResult r, string text, string label = "--webhook")
    {
        var target = WebhookTarget.TryParse(text, out var error);
        if (target is null)
        {
            r.AddError($"{label}: {error}");
        }

        return target;
    }

    private static WebhookTarget[] ParseTargets(ArgumentResult r) =>
        [.. r.Tokens.Select(t => ParseOne(r, t.Value)).OfType<WebhookTarget>()];
}
