namespace Medic.Probes.Config;

/// <summary>Which parser reads a configuration file: the component's <c>format</c>, else the file name, else the content.</summary>
internal static class ConfigFormats
{
    public const string Yaml = "yaml";
    public const string Json = "json";
    public const string Toml = "toml";
    public const string Env = "env";
    public const string Ini = "ini";

    /// <summary>The declared format, null when none is declared, or a problem when it is one Medic cannot read.</summary>
    public static string? Declared(string? format, out string? problem)
    {
        problem = null;
        switch (format?.Trim().ToLowerInvariant())
        {
            case null or "":
                return null;
            case "yaml" or "yml":
                return Yaml;
            case "json":
                return Json;
            case "toml":
                return Toml;
            case "env" or "dotenv" or ".env":
                return Env;
            case "ini" or "cfg":
                return Ini;
            default:
                problem = $"format '{format}' is not supported; config.parse reads yaml, json, toml, env and ini";
                return null;
        }
    }

    public static string Guess(string path, string text)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        switch (Path.GetExtension(name))
        {
            case ".json":
                return Json;
            case ".yaml" or ".yml":
                return Yaml;
            case ".toml":
                return Toml;
            case ".env":
                return Env;
            case ".ini" or ".cfg":
                return Ini;
            default:
                break;
        }

        // .env, .env.local, .env.production
        if (name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal))
        {
            return Env;
        }

        var first = text.TrimStart();
        return first.StartsWith('{') || first.StartsWith('[') ? Json : Yaml;
    }

    public static ConfigParseResult Parse(string format, string text) => format switch
    {
        Json => JsonConfigReader.Read(text),
        Toml => TomlConfigReader.Read(text),
        Env => EnvConfigReader.Read(text),
        Ini => IniConfigReader.Read(text),
        _ => YamlConfigReader.Read(text),
    };
}
