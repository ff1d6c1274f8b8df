using System.Text;

namespace Medic.Knowledge.Guides;

/// <summary>GitHub-style heading anchors: lower case, punctuation dropped, spaces to dashes, duplicates numbered.</summary>
internal sealed class Anchors
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public static string Slug(string heading)
    {
        var slug = new StringBuilder(heading.Length);
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    public string Next(string heading)
    {
        var slug = Slug(heading);
        if (_seen.TryGetValue(slug, out var count))
        {
            _seen[slug] = count + 1;
            return $"{slug}-{count}";
        }

        _seen[slug] = 1;
        return slug;
    }
}
