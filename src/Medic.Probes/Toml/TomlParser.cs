using System.Diagnostics.CodeAnalysis;

namespace Medic.Probes.Toml;

/// <summary>A strict TOML 1.0.0 parser.</summary>
public static class TomlParser
{
    /// <summary>Tables and arrays may nest this deep; deeper documents are refused rather than risk the stack.</summary>
    public const int MaxDepth = 50;

    /// <summary>Parses a whole document.</summary>
    /// <exception cref="TomlException">The text is not valid TOML 1.0; the only exception this throws.</exception>
    public static TomlDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TomlReader(text).ReadDocument();
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out TomlDocument? document, [NotNullWhen(false)] out TomlError? error)
    {
        try
        {
            document = Parse(text);
            error = null;
            return true;
        }
        catch (TomlException e)
        {
            document = null;
            error = e.ToError();
            return false;
        }
    }
}
