using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Medic.Probes.Jwt;

/// <summary>
/// A compact JWS decoded without trusting it: header and payload as JSON, the signature's bytes, and the first
/// reason it is malformed (if any). Whatever decoded before that reason is kept, so a token with a good header
/// and a broken payload still shows its algorithm.
/// </summary>
internal sealed record JoseToken(JsonObject? Header, JsonObject? Payload, string SigningInput, byte[]? Signature, string? Malformed)
{
    private const int MaxLength = 256 * 1024;
    private static readonly string[] TimeClaims = ["exp", "nbf", "iat"];

    public string? Algorithm => Header?["alg"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string? KeyId => Header?["kid"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The token as it would be sent, without a <c>Bearer </c> prefix or surrounding whitespace.</summary>
    public static string Normalize(string token)
    {
        var text = token.Trim();
        return text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? text[7..].Trim() : text;
    }

    public static JoseToken Decode(string token)
    {
        if (token.Length > MaxLength)
        {
            return new(null, null, "", null, $"the token is {token.Length} characters long, more than any JWT a server accepts");
        }

        var parts = token.Split('.');
        var header = DecodeObject(parts[0], "header", out var problem);
        if (parts.Length != 3)
        {
            var shape = parts.Length == 5
                ? "an encrypted token (JWE, 5 segments); only signed tokens (JWS, 3 segments) can be inspected"
                : $"{parts.Length} segment(s) where a JWT has 3 (header.payload.signature)";
            return new(header, null, "", null, shape);
        }

        if (header is null)
        {
            return new(null, null, "", null, problem);
        }

        if (header["alg"] is not JsonValue alg || !alg.TryGetValue<string>(out _))
        {
            problem = "the header has no 'alg'";
        }

        var payload = DecodeObject(parts[1], "payload", out var payloadProblem);
        problem ??= payloadProblem ?? BadTimeClaim(payload);
        byte[]? signature = null;
        try
        {
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (FormatException)
        {
            problem ??= "the signature is not base64url";
        }

        return new(header, payload, parts[0] + "." + parts[1], signature, problem);
    }

    private static JsonObject? DecodeObject(string segment, string what, out string? problem)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(segment);
        }
        catch (FormatException)
        {
            problem = $"the {what} is not base64url";
            return null;
        }

        try
        {
            // Reading the members here surfaces duplicate names, which JsonObject only rejects when first enumerated.
            if (JsonNode.Parse(Encoding.UTF8.GetString(bytes)) is JsonObject json && json.Count >= 0)
            {
                problem = null;
                return json;
            }

            problem = $"the {what} is JSON but not an object";
        }
        catch (JsonException e)
        {
            // The parser's message quotes the offending text, which may be part of a claim: keep only the position.
            problem = $"the {what} is not JSON (byte {e.BytePositionInLine ?? 0})";
        }
        catch (ArgumentException)
        {
            problem = $"the {what} names a member twice";
        }

        return null;
    }

    private static string? BadTimeClaim(JsonObject? payload)
    {
        foreach (var name in TimeClaims)
        {
            if (payload?[name] is { } node && (node is not JsonValue v || !v.TryGetValue<double>(out _)))
            {
                return $"'{name}' is not a NumericDate (seconds since 1970)";
            }
        }

        return null;
    }
}
