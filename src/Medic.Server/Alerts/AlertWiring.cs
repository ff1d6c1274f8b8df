using Medic.Server.Scheduling;
using Medic.Server.Store;

namespace Medic.Server.Alerts;

/// <summary>Builds the alert path for a server and hooks it to the scheduler.</summary>
public static class AlertWiring
{
    public static AlertDispatcher Attach(Scheduler scheduler, HistoryStore store, ServerOptions options, TimeProvider time)
    {
        var delivery = new WebhookDelivery(WebhookDelivery.CreateClient(), time);
        var dispatcher = new AlertDispatcher(new AlertPolicy(options.Alerts), new WebhookSender(options.Webhooks, delivery));
        dispatcher.Seed(store.Findings(status: StoredFinding.Open));
        scheduler.RunRecorded += dispatcher.OnRunRecorded;
        return dispatcher;
    }
}
