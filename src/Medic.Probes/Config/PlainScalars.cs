using System.Globalization;
using System.Text.RegularExpressions;

namespace Medic.Probes.Config;

/// <summary>
/// Types an unquoted value of a .env or INI file, where everything is text to the parser but the application reads
/// <c>PORT=3001</c> as a number: whole numbers are ints, decimals numbers, true/false booleans (INI also yes/no/on/off,
/// as Python's configparser reads them), the rest strings. A quoted value is always a string.
/// </summary>
internal static partial class PlainScalars
{
    public static ConfigNode Infer(string text, bool iniBooleans)
    {
        if (IntPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return ConfigNode.Int(n);
        }

        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return ConfigNode.Number(d);
        }

        return text.ToLowerInvariant() switch
        {
            "true" => ConfigNode.Bool(true),
            "false" => ConfigNode.Bool(false),
            "yes" or "on" when iniBooleans => ConfigNode.Bool(true),
            "no" or "off" when iniBooleans => ConfigNode.Bool(false),
            _ => ConfigNode.String(text),
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$")]
    private static partial Regex FloatPattern();
}
