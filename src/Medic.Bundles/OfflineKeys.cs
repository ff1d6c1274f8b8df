using System.Text.Json.Nodes;
using Medic.Core.Engine;
using Medic.Core.Runbooks;
using Medic.Core.Systems;

namespace Medic.Bundles;

/// <summary>
/// The arguments an offline run will ask each recorded probe request with. Offline, the system comes from the
/// bundle's redacted system.json, so arguments rendered from secret settings differ from the live ones; planning
/// both systems with the same runbooks gives the same invocations in the same order, which pairs them.
/// </summary>
internal static class OfflineKeys
{
    public static IReadOnlyDictionary<string, JsonObject> Pair(Planner planner, SystemDefinition live, SystemDefinition offline, IReadOnlyList<Runbook> runbooks, DiagnoseOptions options)
    {
        var livePlan = planner.Build(live, runbooks, options).Invocations;
        var offlinePlan = planner.Build(offline, runbooks, options).Invocations;
        var pairs = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (livePlan.Count != offlinePlan.Count)
        {
            return pairs;
        }

        for (var i = 0; i < livePlan.Count; i++)
        {
            if (string.Equals(livePlan[i].Probe.Name, offlinePlan[i].Probe.Name, StringComparison.Ordinal)
                && string.Equals(livePlan[i].Component.Name, offlinePlan[i].Component.Name, StringComparison.Ordinal))
            {
                pairs[livePlan[i].Key] = offlinePlan[i].Args;
            }
        }

        return pairs;
    }
}
