using System.Buffers.Text;
using System.Text;
using Medic.Core.Systems;

namespace Medic.Probes.Jwt;

/// <summary>What a <c>jwt</c> component says about its token and about what the service it is sent to accepts.</summary>
internal sealed record JwtSettings(
    string Token,
    byte[]? Secret,
    string? SecretProblem,
    string? Jwks,
    string? Issuer,
    string? Audience,
    IReadOnlyList<string> Algorithms,
    TimeSpan ClockSkew)
{
    /// <summary>The algorithms a service accepts when the component does not say: the ones named in the brief.</summary>
    public static IReadOnlyList<string> DefaultAlgorithms { get; } = ["HS256", "RS256", "ES256"];

    public static JwtSettings From(Component component)
    {
        var algorithms = component.GetStrings("algorithms").Where(a => a.Length > 0).Select(a => a.Trim()).ToList();
        var secret = SecretBytes(component.GetString("secret"), component.GetString("secret_encoding"), out var secretProblem);
        return new JwtSettings(
            JoseToken.Normalize(component.GetString("token") ?? ""),
            secret,
            secretProblem,
            Blank(component.GetString("jwks")),
            Blank(component.GetString("issuer")),
            Blank(component.GetString("audience")),
            algorithms.Count > 0 ? algorithms : DefaultAlgorithms,
            TimeSpan.FromMilliseconds(Math.Max(0, component.GetInt("clock_skew") ?? 0)));
    }

    /// <summary>Whether the service accepts <paramref name="algorithm"/>; <c>none</c> never is, whatever the list says.</summary>
    public bool Accepts(string algorithm) =>
        !algorithm.Equals("none", StringComparison.OrdinalIgnoreCase) && Algorithms.Contains(algorithm, StringComparer.Ordinal);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static byte[]? SecretBytes(string? text, string? encoding, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            switch ((encoding ?? "utf8").ToLowerInvariant())
            {
                case "utf8" or "utf-8" or "text":
                    return Encoding.UTF8.GetBytes(text);
                case "base64":
                    return Convert.FromBase64String(text);
                case "base64url":
                    return Base64Url.DecodeFromChars(text);
                default:
                    problem = $"secret_encoding '{encoding}' is not utf8, base64 or base64url";
                    return null;
            }
        }
        catch (FormatException)
        {
            // Never quote the secret: say only what it failed to be.
            problem = $"the secret is not valid {encoding}";
            return null;
        }
    }
}
