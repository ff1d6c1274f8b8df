namespace Medic.Probes.Config;

/// <summary>A parsed file's shape, or the syntax error that stopped parsing it.</summary>
internal sealed record ConfigParseResult(ConfigNode? Root, ConfigSyntaxError? Error)
{
    public static ConfigParseResult Parsed(ConfigNode root) => new(root, null);

    public static ConfigParseResult Failed(int? line, int? column, string message) => new(null, new ConfigSyntaxError(line, column, message));
}
