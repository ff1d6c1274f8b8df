namespace Medic.Logs.Formats;

/// <summary>
/// The last answer per slot for short texts, by exact spelling: a log repeats the same few keys and level words on
/// every line, so a lookup that lower-cases or searches a table runs once per spelling, not once per line.
/// Entries are immutable and swapped whole, so threads may share a table.
/// </summary>
internal sealed class RecentAnswers<T>
{
    private const int Bits = 8;
    private const int MaxLength = 64;
    private readonly Entry?[] _entries = new Entry?[1 << Bits];

    public bool TryGet(ReadOnlySpan<char> text, out T value)
    {
        if (!text.IsEmpty && _entries[Slot(text)] is { } entry && text.SequenceEqual(entry.Text))
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(ReadOnlySpan<char> text, T value)
    {
        if (!text.IsEmpty && text.Length <= MaxLength)
        {
            _entries[Slot(text)] = new Entry(text.ToString(), value);
        }
    }

    /// <summary>A multiplicative hash of the length and three chars (spellings that differ only in case get different slots).</summary>
    private static int Slot(ReadOnlySpan<char> text) =>
        (int)((((uint)text.Length << 24) ^ ((uint)text[0] << 16) ^ ((uint)text[text.Length / 2] << 8) ^ text[^1]) * 2654435769u >> (32 - Bits));

    private sealed record Entry(string Text, T Value);
}
