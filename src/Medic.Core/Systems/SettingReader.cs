using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Medic.Core.Model;
using Medic.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Medic.Core.Systems;

/// <summary>Reads one component setting: interpolates <c>${ENV}</c>, checks the value against its type, notes secrets.</summary>
internal sealed partial class SettingReader(YamlFile file, List<InputError> errors, SecretSet secrets, Func<string, string?> environment)
{
    public JsonNode? Read(SettingSpec spec, YamlNode node, string kind) => spec.Type switch
    {
        SettingType.StringList or SettingType.PathList => List(spec, node, s => Text(spec, s) is { } t ? JsonValue.Create(t) : null),
        SettingType.IntList => List(spec, node, s => Int(spec, s)),
        SettingType.Map or SettingType.Any => Structured(spec, node),
        _ => node is YamlScalarNode s ? ScalarValue(spec, s, kind) : Wrong(node, spec, "a single value"),
    };

    private JsonNode? ScalarValue(SettingSpec spec, YamlScalarNode node, string kind)
    {
        var text = Text(spec, node);
        if (text is null)
        {
            return null;
        }

        switch (spec.Type)
        {
            case SettingType.Int:
                return Int(spec, node);
            case SettingType.Bool:
                return bool.TryParse(text, out var b) ? JsonValue.Create(b) : Wrong(node, spec, "true or false");
            case SettingType.Duration:
                return Quantities.TryParseDuration(text, out var d)
                    ? JsonValue.Create((long)d.TotalMilliseconds)
                    : Wrong(node, spec, "a duration such as 250ms, 5s or 2m");
            case SettingType.Size:
                return Quantities.TryParseSize(text, out var bytes) ? JsonValue.Create(bytes) : Wrong(node, spec, "a size such as 512KB or 1GB");
            case SettingType.Url:
                if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || !uri.Scheme.All(char.IsAsciiLetterOrDigit))
                {
                    errors.Add(new InputError(file.PositionOf(node), $"'{spec.Name}' of {kind} component is not a valid absolute URL: '{secrets.Scrub(text)}'"));
                    return null;
                }

                NoteUrlSecret(uri);
                return JsonValue.Create(text);
            default:
                return JsonValue.Create(text);
        }
    }

    private JsonNode? Int(SettingSpec spec, YamlScalarNode node)
    {
        var text = Text(spec, node);
        return text is null ? null
            : long.TryParse(text, out var n) ? JsonValue.Create(n)
            : Wrong(node, spec, "a whole number");
    }

    private JsonArray? List(SettingSpec spec, YamlNode node, Func<YamlScalarNode, JsonNode?> item)
    {
        var items = node switch
        {
            YamlScalarNode s => [s],
            YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().ToList(),
            _ => null,
        };
        if (items is null || (node is YamlSequenceNode sq && sq.Children.Count != items.Count))
        {
            Wrong(node, spec, "a list of values");
            return null;
        }

        return new JsonArray([.. items.Select(item)]);
    }

    private JsonNode? Structured(SettingSpec spec, YamlNode node)
    {
        if (spec.Type == SettingType.Map && node is not YamlMappingNode)
        {
            return Wrong(node, spec, "a mapping of keys to values");
        }

        return YamlJson.ToJson(node, s => Text(spec, s) ?? "");
    }

    /// <summary>The scalar's text after interpolation, or null when interpolation failed (errors recorded).</summary>
    private string? Text(SettingSpec spec, YamlScalarNode node)
    {
        var raw = node.Value ?? "";
        var used = new List<EnvInterpolator.Reference>();
        var failures = new List<EnvInterpolator.Failure>();
        var value = EnvInterpolator.Expand(raw, environment, used, failures);
        foreach (var f in failures)
        {
            errors.Add(new InputError(file.PositionInScalar(node, 1, f.Offset + 1), f.Message));
        }

        foreach (var r in used)
        {
            if (spec.Secret || SecretName().IsMatch(r.Name))
            {
                secrets.Add(r.Value);
            }
        }

        if (spec.Secret)
        {
            secrets.Add(value);
        }

        foreach (Match m in PasswordPair().Matches(value))
        {
            secrets.Add(m.Groups[2].Value);
        }

        return failures.Count > 0 ? null : value;
    }

    private void NoteUrlSecret(Uri uri)
    {
        var info = uri.UserInfo;
        var colon = info.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            secrets.Add(Uri.UnescapeDataString(info[(colon + 1)..]));
        }
    }

    private JsonNode? Wrong(YamlNode node, SettingSpec spec, string expected)
    {
        errors.Add(new InputError(file.PositionOf(node), $"'{spec.Name}' must be {expected}"));
        return null;
    }

    [GeneratedRegex("PASS|SECRET|TOKEN|KEY|CREDENTIAL|AUTH|PWD", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?i)\b(password|pwd|passwd)\s*=\s*([^;\s&]+)")]
    private static partial Regex PasswordPair();
}
