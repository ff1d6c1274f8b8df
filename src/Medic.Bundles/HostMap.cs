using System.Globalization;
using System.Text.RegularExpressions;

namespace Medic.Bundles;

/// <summary>
/// Replaces host names and IP addresses with stable stand-ins (<c>host-1.redacted</c>, <c>ip-1.redacted</c>) for
/// <c>--redact-hosts</c>. Addresses are found by shape; names are the ones the caller knows (the components' hosts,
/// this machine) plus dotted names under common private and public suffixes. The map is kept for the user, outside
/// the bundle.
/// </summary>
public sealed partial class HostMap
{
    private readonly Dictionary<string, string> _map = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];
    private int _hosts;
    private int _ips;

    /// <summary>Original → stand-in, for the map file.</summary>
    public IReadOnlyDictionary<string, string> Map => _map;

    public int Count => _map.Count;

    /// <summary>Names to map wherever they appear as a whole word (e.g. a component's host, the machine name).</summary>
    public void AddNames(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var n in names.Where(n => n.Length > 1 && !IPv4().IsMatch(n) && !_names.Contains(n, StringComparer.OrdinalIgnoreCase)))
        {
            _names.Add(n);
        }

        _names.Sort((a, b) => b.Length.CompareTo(a.Length));
    }

    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = IPv4().Replace(text, m => StandIn(m.Value, ip: true));
        text = IPv6().Replace(text, m => StandIn(m.Value, ip: true));
        text = DottedName().Replace(text, m => StandIn(m.Value, ip: false));
        foreach (var name in _names)
        {
            if (text.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                text = Regex.Replace(text, $@"(?<![\w.\-]){Regex.Escape(name)}(?![\w\-]|\.\w)", m => StandIn(m.Value, ip: false),
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }

        return text;
    }

    private string StandIn(string original, bool ip)
    {
        if (original.EndsWith(".redacted", StringComparison.Ordinal))
        {
            return original;
        }

        if (!_map.TryGetValue(original, out var standIn))
        {
            standIn = ip
                ? string.Create(CultureInfo.InvariantCulture, $"ip-{++_ips}.redacted")
                : string.Create(CultureInfo.InvariantCulture, $"host-{++_hosts}.redacted");
            _map[original] = standIn;
        }

        return standIn;
    }

    [GeneratedRegex(@"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.]*\d)")]
    private static partial Regex IPv4();

    // Full eight-group addresses, or compressed ones (with "::"); clock times such as 03:12:44 are neither.
    [GeneratedRegex(@"(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?|::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6}))(?![\w:])")]
    private static partial Regex IPv6();

    [GeneratedRegex(@"(?i)(?<![\w.\-@])(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+(?:com|net|org|io|dev|cloud|local|localdomain|internal|intranet|lan|corp|home|svc|cluster)(?![\w\-])")]
    private static partial Regex DottedName();
}
