using Medic.Probes.Os;

namespace Medic.Probes.Host;

/// <summary>
/// Whether systemd manages this machine, and read-only questions to it (<c>systemctl show</c>, <c>journalctl</c>)
/// bounded by a timeout. systemd runs the machine when /run/systemd/system exists (what sd_booted checks).
/// </summary>
internal sealed record Systemd(string? Systemctl, string? Journalctl, bool Booted, string? Pid1)
{
    public static Systemd Detect() => new(
        CommandRunner.Find("systemctl"),
        CommandRunner.Find("journalctl"),
        Directory.Exists("/run/systemd/system"),
        ProcFs.ProcessName(1));

    /// <summary>Why units cannot be asked about here, or null when they can.</summary>
    public string? Unavailable =>
        Systemctl is null ? "systemctl is not installed"
        : !Booted ? $"systemd is not the init system here (PID 1 is {Pid1 ?? "unknown"})"
        : null;

    /// <summary>The unit's properties (<c>Key=Value</c> lines), or an error message.</summary>
    public async Task<(IReadOnlyDictionary<string, string>? Properties, string? Error, bool TimedOut)> ShowAsync(
        string unit, IReadOnlyList<string> properties, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await CommandRunner.RunAsync(Systemctl!, ["show", unit, "--no-pager", "--property=" + string.Join(',', properties)], timeout, cancellationToken)
            .ConfigureAwait(false);
        if (result.TimedOut)
        {
            return (null, $"systemctl show did not answer within {timeout.TotalSeconds:0.#}s", true);
        }

        return result.Succeeded ? (ParseShow(result.Output), null, false) : (null, FirstLine(result.Errors, result.Output), false);
    }

    /// <summary>The unit's last journal lines, oldest first, or an error message.</summary>
    public async Task<(IReadOnlyList<string>? Lines, string? Error)> JournalAsync(string unit, int lines, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Journalctl is null)
        {
            return (null, "journalctl is not installed");
        }

        var result = await CommandRunner.RunAsync(Journalctl, ["-u", unit, "-n", lines.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-pager", "-o", "short-iso", "-q"], timeout, cancellationToken)
            .ConfigureAwait(false);
        if (result.TimedOut)
        {
            return (null, $"journalctl did not answer within {timeout.TotalSeconds:0.#}s");
        }

        if (!result.Succeeded)
        {
            return (null, FirstLine(result.Errors, result.Output));
        }

        return ([.. result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("-- ", StringComparison.Ordinal)).TakeLast(lines)], null);
    }

    internal static Dictionary<string, string> ParseShow(string output)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                properties[line[..eq]] = line[(eq + 1)..].TrimEnd('\r');
            }
        }

        return properties;
    }

    private static string FirstLine(string errors, string output)
    {
        var text = (errors.Trim().Length > 0 ? errors : output).Trim();
        var line = text.Split('\n')[0].Trim();
        return line.Length > 0 ? line : "the command failed without a message";
    }
}
