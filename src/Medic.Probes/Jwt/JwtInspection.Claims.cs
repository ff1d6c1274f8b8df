using System.Globalization;
using System.Text.Json.Nodes;

namespace Medic.Probes.Jwt;

internal sealed partial class JwtInspection
{
    private void AddClaims(JsonObject? payload)
    {
        var exp = Seconds(payload?["exp"]);
        var nbf = Seconds(payload?["nbf"]);
        var iat = Seconds(payload?["iat"]);
        _data["claims"] = payload is null
            ? null
            : new JsonObject
            {
                ["iss"] = Text(payload["iss"]),
                ["aud"] = Audience(payload["aud"]),
                ["sub"] = Text(payload["sub"]),
                ["exp"] = Number(exp),
                ["nbf"] = Number(nbf),
                ["iat"] = Number(iat),
                ["names"] = new JsonArray([.. payload.Select(p => JsonValue.Create(p.Key))]),
            };

        _data["issued_at"] = Iso(iat);
        _data["not_before"] = Iso(nbf);
        _data["expires_at"] = Iso(exp);
        var skew = _settings.ClockSkew.TotalMilliseconds;
        var nowMs = (double)_now.ToUnixTimeMilliseconds();
        var expMs = exp * 1000;
        var nbfMs = nbf * 1000;
        bool? expired = expMs is { } e ? nowMs >= e + skew : null;
        var notYetValid = nbfMs is { } n && nowMs < n - skew;
        _data["expired"] = expired;
        _data["expired_for_ms"] = expired == true ? Math.Round(nowMs - expMs!.Value) : null;
        _data["expires_in_ms"] = expired == false ? Math.Round(expMs!.Value - nowMs) : null;
        _data["not_yet_valid"] = nbfMs is null ? null : notYetValid;
        _data["starts_in_ms"] = notYetValid ? Math.Round(nbfMs!.Value - nowMs) : null;
        _data["lifetime_ms"] = expMs is { } end && (iat ?? nbf) is { } start ? Math.Round(end - start * 1000) : null;

        var issuerOk = _settings.Issuer is null || payload is null ? (bool?)null : Text(payload["iss"]) == _settings.Issuer;
        var audienceOk = _settings.Audience is null || payload is null
            ? (bool?)null
            : Audiences(payload["aud"]).Contains(_settings.Audience, StringComparer.Ordinal);
        _data["issuer_ok"] = issuerOk;
        _data["audience_ok"] = audienceOk;

        // The claims of a malformed token are shown but not judged: a validator stops at the first error.
        if (payload is null || _problems.Contains(JwtProblems.Malformed))
        {
            return;
        }

        AddIf(expired == true, JwtProblems.Expired);
        AddIf(notYetValid, JwtProblems.NotYetValid);
        AddIf(issuerOk == false, JwtProblems.IssuerMismatch);
        AddIf(audienceOk == false, JwtProblems.AudienceMismatch);
    }

    private void AddIf(bool condition, string problem)
    {
        if (condition)
        {
            _problems.Add(problem);
        }
    }

    private static double? Seconds(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : null;

    private static JsonNode? Number(double? seconds) => seconds switch
    {
        null => null,
        { } s when s == Math.Floor(s) && Math.Abs(s) < 1e15 => JsonValue.Create((long)s),
        { } s => JsonValue.Create(s),
    };

    private static string? Iso(double? seconds)
    {
        // NumericDates outside what DateTimeOffset holds are shown as numbers only.
        if (seconds is not { } s || s < -62_135_596_800 || s > 253_402_300_799)
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)(s * 1000)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }

    private static JsonNode? Audience(JsonNode? aud) => aud switch
    {
        JsonArray list => new JsonArray([.. Audiences(list).Select(a => JsonValue.Create(a))]),
        _ => Text(aud),
    };

    private static IReadOnlyList<string> Audiences(JsonNode? aud) => aud switch
    {
        JsonArray list => [.. list.Select(Text).OfType<string>()],
        _ when Text(aud) is { } one => [one],
        _ => [],
    };
}
