using Medic.Core.Model;
using Medic.Server.Store;

namespace Medic.Server.Alerts;

/// <summary>Connects the scheduler to the webhooks: each recorded run goes through the policy, and its alerts are queued.</summary>
public sealed class AlertDispatcher(AlertPolicy policy, WebhookSender sender)
{
    public WebhookSender Sender => sender;

    public void Seed(IEnumerable<StoredFinding> open) => policy.Seed(open);

    public void OnRunRecorded(Report report)
    {
        foreach (var alert in policy.Observe(report))
        {
            sender.Enqueue(alert);
        }
    }
}
