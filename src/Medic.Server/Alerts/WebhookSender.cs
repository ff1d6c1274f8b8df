using System.Threading.Channels;

namespace Medic.Server.Alerts;

/// <summary>
/// Queues alerts and posts them in the background, so the scheduler never waits on a receiver. The queue is bounded:
/// when a receiver is down for long, the oldest alerts go first and are counted as dropped.
/// </summary>
public sealed class WebhookSender
{
    private readonly IReadOnlyList<WebhookTarget> _targets;
    private readonly WebhookDelivery _delivery;
    private readonly Channel<AlertEvent> _queue;
    private long _dropped;
    private long _delivered;
    private long _failed;

    public WebhookSender(IReadOnlyList<WebhookTarget> targets, WebhookDelivery delivery, int capacity = 1000)
    {
        _targets = targets;
        _delivery = delivery;
        _queue = Channel.CreateBounded<AlertEvent>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Failed => Interlocked.Read(ref _failed);

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Never blocks: the alert is queued or, with the queue full, the oldest one is dropped.</summary>
    public void Enqueue(AlertEvent alert)
    {
        if (_targets.Count > 0)
        {
            _queue.Writer.TryWrite(alert);
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var alert in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var target in _targets)
                {
                    var result = await _delivery.SendAsync(target, alert, cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref result.Delivered ? ref _delivered : ref _failed);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
