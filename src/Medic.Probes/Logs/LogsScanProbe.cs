using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Logs;
using Medic.Logs.Formats;
using Medic.Logs.Triage;

namespace Medic.Probes.Logs;

/// <summary>
/// <c>logs.scan</c>: runs the <c>medic logs</c> engine over a component's log files (globs and .gz allowed) and counts,
/// within a time window, errors, warnings and the records matching a pattern at or above a level — so a runbook can say
/// <c>scan.data.matches > 0</c> for "database is locked in the last 15 minutes". Reads at most <c>max_bytes</c> from the end
/// of each file; never writes.
/// </summary>
public sealed class LogsScanProbe : IProbe
{
    public string Name => "logs.scan";

    public string Description => "errors, warnings and pattern matches in log files within a time window, with the top error templates";

    public IReadOnlyList<string> Kinds { get; } = ["logs"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("paths", ParameterType.StringList, Description: "log files or globs, .gz allowed (default: the component's paths)"),
        new("format", ParameterType.String, Description: "line format in Loghub notation, e.g. \"<Date> <Time> <Level> <Component>: <Content>\" (default: the component's, else detected)"),
        new("pattern", ParameterType.String, Description: "regular expression (case-insensitive) counted in matches, against the whole line"),
        new("level", ParameterType.String, Description: "least level counted in matches: debug, info, warning, error or fatal (alone, without pattern: every record at that level)"),
        new("window", ParameterType.Duration, Description: "only records this recent, e.g. 15m (by their timestamps, else the file's modification time; default: all)"),
        new("max_bytes", ParameterType.Int, Description: "read at most this many bytes from the end of each file (default 64 MB; larger .gz files are skipped)"),
        new("top", ParameterType.Int, Description: "how many templates to list in top_errors and top_matches (default 5)"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.Run(() => Run(context, cancellationToken), cancellationToken);
    }

    private static ProbeResult Run(ProbeContext context, CancellationToken cancellationToken)
    {
        var patterns = context.GetPaths("paths");
        if (patterns.Count == 0)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, "no log files: give 'paths' in the check or the component");
        }

        if (!LogsScanArguments.TryRead(context, out var options, out var problem))
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, problem);
        }

        var paths = new List<string>();
        foreach (var pattern in patterns)
        {
            paths.AddRange(LogPaths.HasWildcard(pattern) ? LogPaths.Glob(pattern) : [pattern]);
        }

        if (paths.Count == 0)
        {
            return ProbeResult.Fail(ErrorKinds.NotFound, $"no file matches {string.Join(", ", patterns)}");
        }

        var result = new LogScanner(options, context.Time).Scan(paths, cancellationToken);
        var data = LogsScanData.ToJson(result, options);
        if (result.Files.All(f => f.Error is not null))
        {
            var first = result.Files[0];
            var kind = first.Error == "no such file" ? ErrorKinds.NotFound
                : first.Error!.StartsWith("permission denied", StringComparison.Ordinal) ? ErrorKinds.PermissionDenied : ErrorKinds.Corrupt;
            return ProbeResult.Fail(kind, $"{first.Path}: {first.Error}", data);
        }

        return ProbeResult.Ok(data);
    }
}
