using System.Buffers;
using System.Text.RegularExpressions;

namespace Medic.Bundles;

/// <summary>The patterns the redactor applies, and the cheap pre-filter that decides whether a line needs them.</summary>
internal static partial class RedactionRules
{
    /// <summary>A line containing none of these (case-insensitive), and no '@', cannot hold a secret any rule finds.</summary>
    public static readonly SearchValues<string> Triggers = SearchValues.Create(
        ["pass", "pwd", "secret", "token", "key", "jwt", "auth", "cookie", "credential", "eyj",
         "akia", "asia", "salt", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "xox", "aiza", "sk_live", "glpat-"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Prefixes of the cloud keys <see cref="CloudKey"/> finds (case-sensitive, as the keys are).</summary>
    public static readonly SearchValues<string> CloudKeyMarkers = SearchValues.Create(
        ["AKIA", "ASIA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "glpat-", "xox", "AIza", "sk_live_"], StringComparison.Ordinal);

    /// <summary>Directives <see cref="SpaceSeparatedSecret"/> looks for.</summary>
    public static readonly SearchValues<string> DirectiveMarkers = SearchValues.Create(
        ["requirepass", "masterauth", "auth_pass", "password"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The words <see cref="SecretKeyValue"/> needs in a key.</summary>
    public static readonly SearchValues<string> SecretWords = SearchValues.Create(
        ["pass", "pwd", "secret", "token", "key", "jwt", "credential", "salt", "masterauth"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----")]
    public static partial Regex PemPrivateKey();

    [GeneratedRegex(@"(?<pre>[A-Za-z][A-Za-z0-9+.\-]*://[^:/@\s""']*:)(?<v>[^@\s/""']+)(?=@)")]
    public static partial Regex UrlCredentials();

    [GeneratedRegex(@"(?i)(?<pre>\b(?:proxy-)?authorization[""']?\s*[:=]\s*[""']?(?:(?:bearer|basic|token|digest|negotiate)\s+)?)(?<v>[^\s""',;]+)")]
    public static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(?i)(?<pre>\b(?:set-)?cookie[""']?\s*[:=]\s*[""']?)(?<v>[^""'\r\n]+)")]
    public static partial Regex CookieHeader();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]{4,}\.eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]+")]
    public static partial Regex Jwt();

    [GeneratedRegex(@"\b(?:(?:AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|glpat-[A-Za-z0-9_\-]{20}|xox[abpr]-[A-Za-z0-9\-]{10,}|AIza[0-9A-Za-z_\-]{35}|sk_live_[0-9A-Za-z]{16,})\b")]
    public static partial Regex CloudKey();

    // Redis and keepalived directives: "password" only at the start of a line (in prose it is followed by any word),
    // the directive names anywhere (a log line may quote a config line).
    [GeneratedRegex(@"(?im)(?<pre>(?:^\s*password|(?<![\w\-])(?:requirepass|masterauth|auth_pass))\s+)(?<v>[^\s#=:][^\s#]*)")]
    public static partial Regex SpaceSeparatedSecret();

    [GeneratedRegex(@"(?i)(?<pre>[""']?\b[\w.\-]*(?:passw(?:or)?d|passwd|pwd|secret|token|api[_\-]?key|jwt|requirepass|masterauth|credential|private[_\-]?key|access[_\-]?key|auth[_\-]?key|session[_\-]?key|signing[_\-]?key|encryption[_\-]?key|salt)[\w.\-]*[""']?\s*[:=]\s*)(?<v>""[^""]*""|'[^']*'|[^\s;,&""'}\]]+)")]
    public static partial Regex SecretKeyValue();

    /// <summary>A key or variable name that names a secret (the key part of <see cref="SecretKeyValue"/>).</summary>
    [GeneratedRegex(@"(?i)(?:passw(?:or)?d|passwd|pwd|secret|token|api[_\-]?key|jwt|requirepass|masterauth|credential|private[_\-]?key|access[_\-]?key|auth[_\-]?key|session[_\-]?key|signing[_\-]?key|encryption[_\-]?key|salt|cookie|authorization)")]
    public static partial Regex SecretName();

    /// <summary>Names that contain a secret word but describe it rather than hold it (token_query, secret_encoding, jwt_algorithms).</summary>
    [GeneratedRegex(@"(?i)(?:encoding|_file|_path|_set|_present|_type|_kind|_length|_len|_count|_expires?|_expired|_ttl|_query|_name|_names|algorithms?|_source|fingerprint)$|^(?:OLD)?PWD$")]
    public static partial Regex DescriptiveName();

    /// <summary>Words that follow "secret:" or "password:" in prose and messages rather than being the value.</summary>
    public static readonly System.Collections.Frozen.FrozenSet<string> NotValues = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["the", "a", "an", "is", "are", "was", "not", "no", "none", "null", "nil", "true", "false", "missing", "set", "unset", "empty",
         "required", "invalid", "expired", "ok", "yes", "it", "this", "that", "must", "should", "never", "from", "of", "for", "to", "and", "or"],
        StringComparer.OrdinalIgnoreCase);
}
