namespace Medic.Probes.Toml;

/// <summary>One part of a dotted key, with the offset where it starts.</summary>
internal readonly record struct KeyPart(string Name, int Index);
