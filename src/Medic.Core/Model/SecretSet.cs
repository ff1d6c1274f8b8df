using System.Text.Encodings.Web;
using System.Text.Json;

namespace Medic.Core.Model;

/// <summary>
/// Values that must never reach output (passwords and tokens interpolated from the environment, URL passwords).
/// Report writers pass their text through <see cref="Scrub"/> as a last line of defence.
/// </summary>
public sealed class SecretSet
{
    public const string Mask = "***";
    private const int MinimumLength = 3;
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);

    public static SecretSet Empty => new();

    public IReadOnlyCollection<string> Values => _values;

    public void Add(string? value)
    {
        if (value is { Length: >= MinimumLength })
        {
            _values.Add(value);
            // Also the forms a secret takes inside a URL and inside JSON text, so a report scrubbed as text stays clean.
            _values.Add(Uri.EscapeDataString(value));
            _values.Add(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());
        }
    }

    public void AddRange(SecretSet other)
    {
        foreach (var v in other._values)
        {
            _values.Add(v);
        }
    }

    public string Scrub(string text)
    {
        if (_values.Count == 0 || string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Longest first, so a secret that contains another is masked whole.
        foreach (var v in _values.OrderByDescending(v => v.Length))
        {
            text = text.Replace(v, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
