namespace Medic.Probes.Config;

/// <summary>Which parser reads a configuration file: the component's <c>format</c>, else the extension, else the content.</summary>
internal static class ConfigFormats
{
    public const string Yaml = "yaml";
    public const string Json = "json";

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
            default:
                problem = $"format '{format}' is not supported; config.parse reads yaml and json";
                return null;
        }
    }

    public static string Guess(string path, string text)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".json")
        {
            return Json;
        }

        if (extension is ".yaml" or ".yml")
        {
            return Yaml;
        }

        var first = text.TrimStart();
        return first.StartsWith('{') || first.StartsWith('[') ? Json : Yaml;
    }
}
