namespace Medic.Probes.Toml;

internal static class SpanDigits
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span) => !span.ContainsAnyExceptInRange('0', '9');
}
