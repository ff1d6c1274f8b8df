namespace Medic.Bundles;

/// <summary>Literal secrets the redactor knows beforehand (values the system file took from the environment).</summary>
public sealed partial class Redactor
{
    public const string KnownSecretRule = "system-secret";
    private const int MinimumKnownLength = 4;
    private readonly List<string> _known = [];

    /// <summary>Adds values that must become placeholders wherever they appear, whatever surrounds them.</summary>
    public void AddKnownSecrets(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var v in values.Where(v => v.Length >= MinimumKnownLength && !_known.Contains(v)))
        {
            _known.Add(v);
        }

        // Longest first, so a secret that contains another is replaced whole.
        _known.Sort((a, b) => b.Length.CompareTo(a.Length));
    }

    private string RedactKnown(string text)
    {
        foreach (var secret in _known)
        {
            var at = text.IndexOf(secret, StringComparison.Ordinal);
            while (at >= 0)
            {
                var placeholder = Placeholder(KnownSecretRule, secret);
                text = string.Concat(text.AsSpan(0, at), placeholder, text.AsSpan(at + secret.Length));
                at = text.IndexOf(secret, at + placeholder.Length, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
