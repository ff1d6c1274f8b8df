using System.Text.Json.Nodes;
using Medic.Core.Conditions;
using Medic.Core.Model;

namespace Medic.Core.Engine;

/// <summary>Conditions' names for one runbook instance: each check's observation, and <c>component</c> (the subject).</summary>
internal sealed class InstanceScope(RunbookInstance instance, Func<ProbeInvocation, Observation?> lookup, SecretSet secrets) : IConditionScope
{
    private readonly Dictionary<string, JsonNode?> _cache = new(StringComparer.Ordinal);

    public bool TryGetRoot(string name, out JsonNode? value)
    {
        if (_cache.TryGetValue(name, out value))
        {
            return true;
        }

        if (name == ComponentScope.Root)
        {
            value = ComponentScope.ToJson(instance.Subject, secrets);
        }
        else if (instance.Checks.TryGetValue(name, out var invocation))
        {
            value = invocation is not null && lookup(invocation) is { } o ? ObservationJson.ToJson(o) : null;
        }
        else
        {
            return false;
        }

        _cache[name] = value;
        return true;
    }
}
