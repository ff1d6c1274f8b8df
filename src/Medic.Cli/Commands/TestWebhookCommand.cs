using System.CommandLine;
using Medic.Server.Alerts;

namespace Medic.Cli.Commands;

/// <summary>
/// <c>medic serve test-webhook URL[,slack]</c>: posts one <c>test</c> alert, with the server's timeout and no retries.
/// Exit 0 when the receiver answered 2xx, 1 when it refused or could not be reached, 2 for a bad URL.
/// </summary>
internal static class TestWebhookCommand
{
    public static Command Create(CliContext cli)
    {
        var target = new Argument<WebhookTarget?>("URL")
        {
            Description = "The webhook, as given to --webhook (URL or URL,slack)",
            CustomParser = r => ServeAlertOptions.ParseOne(r, r.Tokens.Single().Value, "test-webhook"),
        };
        var command = new Command("test-webhook", "Send one test alert to a webhook and report whether it was accepted") { target };
        command.SetAction((parse, ct) => Guard.RunAsync(cli, async token =>
        {
            var webhook = parse.GetValue(target)!;
            using var client = WebhookDelivery.CreateClient();
            var delivery = new WebhookDelivery(client, cli.Runtime.Time, retries: 0);
            var alert = new AlertEvent(
                AlertEvent.Test, "medic", "webhook", "medic.alerts", "test", "info", "Test alert from medic serve", "", cli.Runtime.Time.GetUtcNow(), 0);
            var result = await delivery.SendAsync(webhook, alert, token).ConfigureAwait(false);
            if (result.Delivered)
            {
                await cli.Stdout.WriteLineAsync($"delivered a test alert ({webhook.Format.ToString().ToLowerInvariant()}) to {webhook.Display}").ConfigureAwait(false);
                return ExitCodes.Healthy;
            }

            await cli.Stdout.WriteLineAsync($"not delivered to {webhook.Display}: {result.Detail}").ConfigureAwait(false);
            return ExitCodes.Findings;
        }, ct));
        return command;
    }
}
