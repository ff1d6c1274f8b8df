namespace Medic.Core.Conditions;

/// <summary>Short descriptions of values for error messages.</summary>
internal static class Describe
{
    private const int Preview = 40;

    public static string Of(Value value) => value.Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Bool => $"a bool ({value.Format()})",
        ValueKind.Number => $"a number ({value.Format()})",
        ValueKind.String => $"a string ('{Shorten(value.Text)}')",
        ValueKind.Duration => $"a duration ({value.Format()})",
        ValueKind.Size => $"a size ({value.Format()})",
        ValueKind.List => $"a list of {value.Items.Count}",
        _ => "an object",
    };

    private static string Shorten(string text) => text.Length <= Preview ? text : text[..Preview] + "…";
}
