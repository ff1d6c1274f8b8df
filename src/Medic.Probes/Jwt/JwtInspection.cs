using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Medic.Probes.Jwt;

/// <summary>
/// Turns a decoded token, the component's expectations, the signature check and the clock into the observation's
/// data. Only the header's alg/typ/kid, the registered claims iss/aud/sub/exp/nbf/iat and the NAMES of the other
/// claims leave this class: other claims' values may be personal or secret, and the token itself never does.
/// </summary>
internal sealed partial class JwtInspection
{
    private readonly JwtSettings _settings;
    private readonly DateTimeOffset _now;
    private readonly List<string> _problems = [];
    private readonly JsonObject _data = [];

    private JwtInspection(JwtSettings settings, DateTimeOffset now)
    {
        _settings = settings;
        _now = now;
    }

    /// <summary>The guide's message for each code (Error Messages Reference > Authentication Errors).</summary>
    public static string MessageOf(string code) => code switch
    {
        "AUTH001" => "invalid token",
        "AUTH002" => "token has expired",
        "AUTH003" => "invalid token issuer",
        "AUTH004" => "invalid token audience",
        "AUTH005" => "missing authentication token",
        "AUTH006" => "signing key not found",
        "AUTH007" => "unsupported signing algorithm",
        "AUTH008" => "no secret configured for symmetric algorithm",
        "AUTH009" => "failed to fetch JWKS",
        _ => code,
    };

    public static string Fingerprint(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..8];

    public static JsonObject Build(JwtSettings settings, JoseToken? token, SignatureCheck signature, JwksDocument? jwks, bool? kidFound,
        DateTimeOffset now)
    {
        var inspection = new JwtInspection(settings, now);
        inspection.Fill(token, signature, jwks, kidFound);
        return inspection._data;
    }

    private void Fill(JoseToken? token, SignatureCheck signature, JwksDocument? jwks, bool? kidFound)
    {
        _data["token_fingerprint"] = _settings.Token.Length == 0 ? null : Fingerprint(_settings.Token);
        if (token is null)
        {
            _problems.Add(JwtProblems.MissingToken);
        }
        else if (token.Malformed is not null)
        {
            _problems.Add(JwtProblems.Malformed);
        }

        _data["malformed"] = token?.Malformed;
        _data["header"] = Header(token);
        var alg = token?.Algorithm;
        var supported = alg is null ? (bool?)null : _settings.Accepts(alg);
        if (supported == false && token?.Malformed is null)
        {
            _problems.Add(JwtProblems.UnsupportedAlgorithm);
        }

        _data["algorithm_supported"] = supported;
        if (signature.Problem is { } signatureProblem)
        {
            _problems.Add(signatureProblem);
        }

        _data["signature"] = new JsonObject
        {
            ["checked"] = signature.Checked,
            ["valid"] = signature.Valid,
            ["method"] = signature.Method,
            ["reason"] = signature.Reason,
        };
        _data["jwks"] = Jwks(jwks, kidFound);
        AddClaims(token?.Payload);
        _data["expected"] = new JsonObject
        {
            ["issuer"] = _settings.Issuer,
            ["audience"] = _settings.Audience,
            ["algorithms"] = new JsonArray([.. _settings.Algorithms.Select(a => JsonValue.Create(a))]),
        };
        var ordered = JwtProblems.Order.Where(_problems.Contains).ToList();
        var code = ordered.Count == 0 ? null : JwtProblems.CodeOf(ordered[0]);
        _data["code"] = code;
        _data["message"] = code is null ? null : MessageOf(code);
        _data["problems"] = new JsonArray([.. ordered.Select(p => JsonValue.Create(p))]);
    }

    private static JsonObject? Header(JoseToken? token) => token?.Header is not { } header
        ? null
        : new JsonObject
        {
            ["alg"] = Text(header["alg"]),
            ["typ"] = Text(header["typ"]),
            ["kid"] = Text(header["kid"]),
        };

    private JsonObject Jwks(JwksDocument? jwks, bool? kidFound)
    {
        var kids = jwks?.Keys.Select(k => k.Kid).Where(k => !string.IsNullOrEmpty(k)).Take(20).ToList() ?? [];
        return new JsonObject
        {
            ["source"] = jwks?.Source ?? (_settings.Jwks is null ? null : Source(_settings.Jwks)),
            ["location"] = jwks?.Location,
            ["fetched"] = jwks?.Fetched ?? false,
            ["key_count"] = jwks?.Fetched == true ? jwks.Keys.Count : null,
            ["kids"] = jwks?.Fetched == true ? new JsonArray([.. kids.Select(k => JsonValue.Create(k))]) : null,
            ["kid_found"] = kidFound,
            ["error"] = jwks?.Error is { } e
                ? new JsonObject { ["kind"] = e.Kind, ["message"] = e.Message, ["status_code"] = e.StatusCode }
                : null,
        };
    }

    private static string Source(string jwks) =>
        jwks.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || jwks.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "url" : "file";

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
