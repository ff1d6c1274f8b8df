using System.Collections;
using System.Text.Json.Nodes;

namespace Medic.Core.Conditions;

/// <summary>A JSON array seen as a list of values, converted item by item on access.</summary>
internal sealed class JsonListView(JsonArray array) : IReadOnlyList<Value>
{
    public int Count => array.Count;

    public Value this[int index] => Value.FromJson(array[index]);

    public IEnumerator<Value> GetEnumerator()
    {
        for (var i = 0; i < array.Count; i++)
        {
            yield return Value.FromJson(array[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
