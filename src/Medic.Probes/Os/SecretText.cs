using System.Text.RegularExpressions;

namespace Medic.Probes.Os;

/// <summary>
/// Recognises names that hold secrets and masks their values in command lines and log lines, so that a probe can
/// show what a process was started with, or what a journal said, without printing a password.
/// </summary>
internal static partial class SecretText
{
    public const string Mask = "***";

    private const string SecretWords = "pass|pwd|secret|token|key|credential|auth|private|cookie|session";

    /// <summary>Whether a key, flag or variable name looks like it holds a secret (password, token, api_key, …).</summary>
    public static bool LooksSecret(string name) => SecretName().IsMatch(name);

    /// <summary>
    /// Masks secret values in a process's arguments: <c>--password=x</c>, <c>--token x</c>, <c>-p x</c>,
    /// <c>TOKEN=x</c>, URL passwords, and <c>password=</c> pairs inside a connection string; for the MySQL family also
    /// <c>-px</c>. Elsewhere <c>-pprof</c> is a flag (Go programs take single-dash long flags), so it stays.
    /// </summary>
    public static IReadOnlyList<string> MaskArguments(IReadOnlyList<string> arguments)
    {
        var masked = new List<string>(arguments.Count);
        var hideNext = false;
        var mysql = arguments.Count > 0 && Path.GetFileName(arguments[0]) is var program
            && (program.StartsWith("mysql", StringComparison.Ordinal) || program.StartsWith("mariadb", StringComparison.Ordinal));
        foreach (var argument in arguments)
        {
            if (hideNext)
            {
                masked.Add(Mask);
                hideNext = false;
                continue;
            }

            var flag = FlagPattern().Match(argument);
            if (flag.Success && !flag.Groups["value"].Success && (LooksSecret(flag.Groups["name"].Value) || flag.Groups["name"].Value == "p"))
            {
                masked.Add(argument);
                hideNext = true;
            }
            else if (mysql && argument.StartsWith("-p", StringComparison.Ordinal) && argument.Length > 2)
            {
                masked.Add("-p" + Mask);
            }
            else
            {
                masked.Add(MaskLine(argument));
            }
        }

        return masked;
    }

    /// <summary>
    /// Masks <c>name=value</c> and <c>name: value</c> pairs whose name looks secret, bearer tokens, JSON web tokens and URL passwords in
    /// free text. A value that is only a log template's wildcard (<c>password=&lt;*&gt;</c>) stands for values and is kept.
    /// </summary>
    public static string MaskLine(string text)
    {
        var result = UrlPassword().Replace(text, m => IsWildcard(m.Groups["value"].Value) ? m.Value : m.Groups["head"].Value + Mask + "@");
        result = Pair().Replace(result, m => IsWildcard(m.Groups["value"].Value) ? m.Value
            : m.Groups["lead"].Value + (m.Groups["scheme"].Success ? m.Groups["scheme"].Value + " " : "") + Mask);
        result = Bearer().Replace(result, m => m.Groups["scheme"].Value + " " + Mask);
        return result.Contains("eyJ", StringComparison.Ordinal) ? Jwt().Replace(result, Mask) : result;
    }

    private static bool IsWildcard(string value) =>
        value.Contains("<*>", StringComparison.Ordinal) && !value.Replace("<*>", "", StringComparison.Ordinal).Any(char.IsLetterOrDigit);

    [GeneratedRegex(SecretWords, RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    // --name or -name, with an optional =value.
    [GeneratedRegex("^--?(?<name>[A-Za-z][A-Za-z0-9_.-]*)(?:=(?<value>.*))?$")]
    private static partial Regex FlagPattern();

    [GeneratedRegex(@"(?<head>[A-Za-z][A-Za-z0-9+.-]*://[^\s:/@]*:)(?<value>[^\s@/]*)@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?<scheme>\b(?:Bearer|Basic|Token))\s+(?!\*\*\*)[A-Za-z0-9._~+/=-]+", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    // Only names that look secret match, so an ordinary "name: value" never swallows a secret pair that follows it.
    [GeneratedRegex("""(?<lead>[A-Za-z0-9_.-]*(?:""" + SecretWords + """)[A-Za-z0-9_.-]*["']?\s*[=:]\s*)(?:(?<scheme>Bearer|Basic|Token)\s+)?(?<value>"[^"]*"|'[^']*'|[^\s;&,"']+)""", RegexOptions.IgnoreCase)]
    private static partial Regex Pair();

    // header.payload.signature, both JSON parts base64url of "{"": a token however it is labelled.
    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]{4,}\.eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]+")]
    private static partial Regex Jwt();
}
