using System.Text.Json.Nodes;

namespace Medic.Core.Conditions;

/// <summary>Resolves the free names of an expression (check names, <c>component</c>) to JSON.</summary>
public interface IConditionScope
{
    /// <summary>False when the name is unknown; true with a null value when it is known but has no value.</summary>
    bool TryGetRoot(string name, out JsonNode? value);
}
