using System.Text.Json;
using Medic.Server.Alerts;
using Medic.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Alerts;

/// <summary>Posts to a real Kestrel receiver on loopback.</summary>
public sealed class WebhookDeliveryTests
{
    private static readonly AlertEvent Opened = new(
        AlertEvent.Opened, "shop", "db", "postgres.pool", "exhausted", "error", "Pool exhausted", "raise max_connections", DateTimeOffset.UnixEpoch, 2);

    [Fact]
    public async Task Posts_the_generic_json_payload()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var delivery = new WebhookDelivery(WebhookDelivery.CreateClient(), TimeProvider.System, retries: 0);

        var result = await delivery.SendAsync(new WebhookTarget(receiver.Url, WebhookFormat.Json), Opened, TestContext.Current.CancellationToken);

        result.Delivered.ShouldBeTrue();
        using var body = JsonDocument.Parse(receiver.Bodies.ShouldHaveSingleItem());
        body.RootElement.GetProperty("schema").GetString().ShouldBe("medic.alert/v1");
        body.RootElement.GetProperty("event").GetString().ShouldBe("opened");
        body.RootElement.GetProperty("cause").GetString().ShouldBe("exhausted");
        body.RootElement.GetProperty("runs").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Posts_a_slack_text_payload()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var delivery = new WebhookDelivery(WebhookDelivery.CreateClient(), TimeProvider.System, retries: 0);

        await delivery.SendAsync(new WebhookTarget(receiver.Url, WebhookFormat.Slack), Opened, TestContext.Current.CancellationToken);

        using var body = JsonDocument.Parse(receiver.Bodies.ShouldHaveSingleItem());
        var text = body.RootElement.GetProperty("text").GetString()!;
        text.ShouldContain("opened");
        text.ShouldContain("shop/db: Pool exhausted");
        text.ShouldContain("Fix: raise max_connections");
    }

    [Fact]
    public async Task Retries_with_backoff_until_the_receiver_accepts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext(500, 503);
        var delivery = new WebhookDelivery(WebhookDelivery.CreateClient(), TimeProvider.System, retries: 3, backoff: TimeSpan.FromMilliseconds(10));

        var result = await delivery.SendAsync(new WebhookTarget(receiver.Url, WebhookFormat.Json), Opened, TestContext.Current.CancellationToken);

        result.ShouldBe(new DeliveryResult(true, 3, "delivered"));
        receiver.Bodies.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Gives_up_after_the_retries_and_says_why()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext(500, 500, 500);
        var delivery = new WebhookDelivery(WebhookDelivery.CreateClient(), TimeProvider.System, retries: 2, backoff: TimeSpan.FromMilliseconds(10));

        var result = await delivery.SendAsync(new WebhookTarget(receiver.Url, WebhookFormat.Json), Opened, TestContext.Current.CancellationToken);

        result.Delivered.ShouldBeFalse();
        result.Attempts.ShouldBe(3);
        result.Detail.ShouldBe("HTTP 500 Internal Server Error");
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_times_out()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromSeconds(2);
        var delivery = new WebhookDelivery(WebhookDelivery.CreateClient(), TimeProvider.System, retries: 0, timeout: TimeSpan.FromMilliseconds(300));

        var result = await delivery.SendAsync(new WebhookTarget(receiver.Url, WebhookFormat.Json), Opened, TestContext.Current.CancellationToken);

        result.Delivered.ShouldBeFalse();
        result.Detail.ShouldStartWith("no answer within");
    }

    [Fact]
    public async Task Redirects_are_not_followed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var moved = new Uri(receiver.Url, "/moved");
        var delivery = new WebhookDelivery(WebhookDelivery.CreateClient(), TimeProvider.System, retries: 0);

        var result = await delivery.SendAsync(new WebhookTarget(moved, WebhookFormat.Json), Opened, TestContext.Current.CancellationToken);

        result.Delivered.ShouldBeFalse();
        result.Detail.ShouldStartWith("HTTP 302");
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/hook", "Json")]
    [InlineData("https://hooks.slack.com/services/T/B/X,slack", "Slack")]
    [InlineData("http://h/x,JSON", "Json")]
    public void Parses_a_webhook_option(string text, string format)
    {
        WebhookTarget.TryParse(text, out _)!.Format.ToString().ShouldBe(format);
    }

    [Theory]
    [InlineData("ftp://h/x", "is not an http:// or https:// URL")]
    [InlineData("http://h/x,teams", "unknown webhook format 'teams'")]
    [InlineData("not a url", "is not an http:// or https:// URL")]
    public void Rejects_a_bad_webhook_option(string text, string message)
    {
        WebhookTarget.TryParse(text, out var error).ShouldBeNull();
        error.ShouldContain(message);
    }
}
