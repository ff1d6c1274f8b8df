namespace Medic.Probes.Binary;

/// <summary>One DT_NEEDED entry and where the loader would find it (<see cref="Path"/> null: "not found").</summary>
public sealed record ResolvedLibrary(string Name, string? Path, string NeededBy, string? Via);
