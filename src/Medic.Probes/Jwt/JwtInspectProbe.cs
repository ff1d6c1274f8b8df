using Medic.Core.Probing;

namespace Medic.Probes.Jwt;

/// <summary>
/// <c>jwt.inspect</c>: decodes a <c>jwt</c> component's token without trusting it and says why a service would
/// reject it, with the CodeAI guide's codes (AUTH001–AUTH009): malformed, unsupported algorithm, no secret for
/// HS256, JWKS unavailable, key id not in the JWKS, bad signature, expired, not yet valid, issuer or audience
/// mismatch. Every finding about the token is data (status ok, <c>code</c> set); the token, the secret and the
/// values of unregistered claims never appear in the observation, only a fingerprint and the claims' names.
/// </summary>
public sealed class JwtInspectProbe : IProbe
{
    public string Name => "jwt.inspect";

    public string Description =>
        "Decode a JWT without trusting it (header alg/typ/kid, iss/aud/sub/exp/nbf/iat, other claim names only), verify its "
        + "signature (HS256 with the secret, RS256/ES256 with a JWKS URL or file), and classify why it would be rejected "
        + "(CodeAI AUTH001-AUTH009); never shows the token or the secret";

    public IReadOnlyList<string> Kinds { get; } = ["jwt"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } = [];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var settings = JwtSettings.From(context.Component);
        if (settings.Token.Length == 0)
        {
            var none = SignatureCheck.NotChecked("none", "there is no token");
            return ProbeResult.Ok(JwtInspection.Build(settings, null, none, null, null, context.Time.GetUtcNow()));
        }

        var token = JoseToken.Decode(settings.Token);
        var (signature, jwks, kidFound) = await CheckSignatureAsync(context, settings, token, cancellationToken).ConfigureAwait(false);

        // Judge the time claims after the JWKS fetch, which may have taken a while.
        return ProbeResult.Ok(JwtInspection.Build(settings, token, signature, jwks, kidFound, context.Time.GetUtcNow()));
    }

    private static async Task<(SignatureCheck Check, JwksDocument? Jwks, bool? KidFound)> CheckSignatureAsync(
        ProbeContext context, JwtSettings settings, JoseToken token, CancellationToken cancellationToken)
    {
        if (token.Malformed is not null || token.Algorithm is not { } alg)
        {
            return (SignatureCheck.NotChecked("none", "the token is malformed"), null, null);
        }

        if (alg.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return (SignatureCheck.NotChecked("none", "alg 'none' carries no signature and is never accepted"), null, null);
        }

        if (!settings.Accepts(alg))
        {
            var reason = $"{alg} is not among the accepted algorithms ({string.Join(", ", settings.Algorithms)})";
            return (SignatureCheck.NotChecked("none", reason), null, null);
        }

        if (JwtSignature.IsHmac(alg))
        {
            return (JwtSignature.WithSecret(token, alg, settings), null, null);
        }

        if (!JwtSignature.IsAsymmetric(alg))
        {
            return (SignatureCheck.NotChecked("none", $"Medic cannot verify {alg} signatures"), null, null);
        }

        if (settings.Jwks is null)
        {
            return (SignatureCheck.NotChecked("jwks", $"{alg} is verified with a JWKS and the component names none"), null, null);
        }

        if (JwksLoader.Unanswered(settings.Jwks, context.Timeout) is { } unanswered)
        {
            // Should the engine stop the probe during the fetch, the token is still reported, with the JWKS unanswered.
            var pending = JwtSignature.WithJwks(token, alg, unanswered, out var pendingKid);
            context.ReportTarget(unanswered.Location, JwtInspection.Build(settings, token, pending, unanswered, pendingKid, context.Time.GetUtcNow()));
        }

        var jwks = await JwksLoader.LoadAsync(settings.Jwks, context.Component.ResolvePath, context.Timeout, context.Time, cancellationToken)
            .ConfigureAwait(false);
        var check = JwtSignature.WithJwks(token, alg, jwks, out var kidFound);
        return (check, jwks, kidFound);
    }
}
