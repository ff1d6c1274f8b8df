using System.Text.Json.Nodes;
using Medic.Core.Conditions;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Runbooks;
using Medic.Core.Systems;

namespace Medic.Core.Engine;

/// <summary>
/// Selects the runbooks a system gets (its <c>packs</c>, the pack named like the system, and the generic pack of
/// each component kind it has), binds each to its subject components, renders check arguments and
/// de-duplicates identical probe invocations so each runs once.
/// </summary>
public sealed class Planner(ProbeRegistry probes)
{
    public static IReadOnlySet<string> SelectedPacks(SystemDefinition system) =>
        system.Packs.Append(system.Name).Concat(system.Components.Select(c => c.Kind)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public Plan Build(SystemDefinition system, IReadOnlyList<Runbook> runbooks, DiagnoseOptions options)
    {
        var packs = SelectedPacks(system);
        var invocations = new Dictionary<string, ProbeInvocation>(StringComparer.Ordinal);
        var instances = new List<RunbookInstance>();
        var skipped = new List<string>();
        foreach (var runbook in runbooks.Where(r => packs.Contains(r.Pack)))
        {
            if (runbook.AppliesTo.Skip(1).FirstOrDefault(k => !system.Components.Any(c => Same(c.Kind, k))) is { } missing)
            {
                skipped.Add($"{runbook.Id}: the system has no '{missing}' component");
                continue;
            }

            foreach (var subject in system.Components.Where(c => Same(c.Kind, runbook.AppliesTo[0])))
            {
                if (Bind(system, runbook, subject, options, invocations, skipped) is { } instance)
                {
                    instances.Add(instance);
                }
            }
        }

        return new Plan(instances, [.. invocations.Values], skipped);
    }

    private RunbookInstance? Bind(
        SystemDefinition system,
        Runbook runbook,
        Component subject,
        DiagnoseOptions options,
        Dictionary<string, ProbeInvocation> invocations,
        List<string> skipped)
    {
        var checks = new Dictionary<string, ProbeInvocation?>(StringComparer.Ordinal);
        foreach (var check in runbook.Checks)
        {
            var target = Resolve(system, subject, check.Target);
            if (target is null)
            {
                if (!check.Optional)
                {
                    skipped.Add($"{runbook.Id} on {subject.Name}: check '{check.Name}' needs a '{check.Target}' component");
                    return null;
                }

                checks[check.Name] = null;
                continue;
            }

            var probe = probes.Find(check.Probe) ?? throw new InvalidOperationException($"probe '{check.Probe}' vanished after validation");
            // Probes need the real values; reports scrub secrets on the way out.
            var args = (JsonObject)Render(check.Args, new ComponentScope(target, SecretSet.Empty))!;
            var timeout = check.Timeout ?? (target.GetInt(ComponentKind.Timeout.Name) is { } ms ? TimeSpan.FromMilliseconds(ms) : options.ProbeTimeout);
            var invocation = new ProbeInvocation(probe, target, args, timeout);
            if (invocations.TryGetValue(invocation.Key, out var existing))
            {
                if (timeout > existing.Timeout)
                {
                    invocations[invocation.Key] = existing = existing with { Timeout = timeout };
                }

                invocation = existing;
            }
            else
            {
                invocations[invocation.Key] = invocation;
            }

            checks[check.Name] = invocation;
        }

        return new RunbookInstance(runbook, subject, checks);
    }

    private static Component? Resolve(SystemDefinition system, Component subject, string? target) =>
        target is null ? subject
            : system.FindComponent(target) ?? system.Components.FirstOrDefault(c => Same(c.Kind, target));

    private static JsonNode? Render(JsonNode? node, IConditionScope scope) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Render(p.Value, scope)))),
        JsonArray a => new JsonArray([.. a.Select(v => Render(v, scope))]),
        JsonValue v when v.TryGetValue<string>(out var s) && s.Contains('{', StringComparison.Ordinal)
            && Template.TryParse(s, out var t, out _) => JsonValue.Create(t.Render(scope)),
        _ => node?.DeepClone(),
    };

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
