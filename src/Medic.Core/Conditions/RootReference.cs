namespace Medic.Core.Conditions;

/// <summary>A free name used in an expression (not a lambda parameter), with where it stands.</summary>
public sealed record RootReference(string Name, int Line, int Column);
