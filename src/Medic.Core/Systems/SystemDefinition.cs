using Medic.Core.Model;

namespace Medic.Core.Systems;

/// <summary>A loaded system file: its name, packs, components, and values that must never be printed.</summary>
public sealed record SystemDefinition(
    string Name,
    IReadOnlyList<string> Packs,
    IReadOnlyList<Component> Components,
    string SourceFile,
    SecretSet Secrets)
{
    public Component? FindComponent(string name) =>
        Components.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
