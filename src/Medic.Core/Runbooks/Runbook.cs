using Medic.Core.Model;

namespace Medic.Core.Runbooks;

/// <summary>
/// Symptom → checks → causes. It applies to each component of the kind <c>AppliesTo[0]</c> (its subject);
/// further kinds in <see cref="AppliesTo"/> must also be present in the system.
/// </summary>
public sealed record Runbook(
    string Id,
    string Title,
    string Pack,
    IReadOnlyList<string> AppliesTo,
    string Description,
    IReadOnlyList<Symptom> Symptoms,
    IReadOnlyList<Check> Checks,
    IReadOnlyList<Cause> Causes,
    SourcePosition Position);
