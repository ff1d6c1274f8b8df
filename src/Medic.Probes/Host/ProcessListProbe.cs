using System.Globalization;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Os;

namespace Medic.Probes.Host;

/// <summary>
/// <c>process.list</c>: the processes with a name (or one PID): memory, threads, open descriptors against their
/// limit, start time and uptime, and the command line with secrets masked. Restarts are not knowable from /proc;
/// where systemd runs the machine its restart count for the unit is reported.
/// </summary>
public sealed partial class ProcessListProbe : IProbe
{
    private const int MaxListed = 50;

    private readonly Func<Systemd> _systemd;

    public ProcessListProbe()
        : this(Systemd.Detect)
    {
    }

    internal ProcessListProbe(Func<Systemd> systemd) => _systemd = systemd;

    public string Name => "process.list";

    public string Description =>
        "processes by name or PID: state, RSS, threads, open files against the fd limit, start time and uptime, "
        + "command line (secrets masked), and systemd restarts where systemd runs";

    public IReadOnlyList<string> Kinds { get; } = ["host"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("name", ParameterType.String, Description: "process name as ps shows it, or the program's file name (default: the component's service)"),
        new("pid", ParameterType.Int, Description: "one process ID instead of a name"),
        new("unit", ParameterType.String, Description: "systemd unit to read restarts from (default: the component's unit, else the name)"),
    ];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var pid = context.GetInt("pid");
        if (context.Args.ContainsKey("pid") && pid is not > 0)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"'pid' must be a positive process ID, not '{context.GetString("pid")}'");
        }

        var name = pid is null ? context.GetString("name") ?? context.Component.GetString("service") : context.GetString("name");
        var query = new JsonObject { ["name"] = name, ["pid"] = pid };
        if (pid is null && string.IsNullOrWhiteSpace(name))
        {
            return ProbeResult.Ok(new JsonObject
            {
                ["query"] = query,
                ["running"] = null,
                ["count"] = 0,
                ["processes"] = new JsonArray(),
                ["reason"] = "no process to look for: give 'name' or 'pid' in the check, or 'service' in the component",
            });
        }

        if (!ProcFs.Visible)
        {
            return ProbeResult.Fail(ErrorKinds.Unsupported, "/proc is not readable here: no way to see processes");
        }

        var found = await Task.Run(() => Find(pid is { } p ? (int)p : null, name, cancellationToken), cancellationToken).ConfigureAwait(false);
        var data = Describe(query, found, context.Time.GetUtcNow());
        var unit = context.GetString("unit") ?? context.Component.GetString("unit") ?? name;
        data["systemd"] = await RestartsAsync(unit, context.Timeout * 0.5, cancellationToken).ConfigureAwait(false);
        data["restarts"] = data["systemd"]?["n_restarts"]?.DeepClone();
        return ProbeResult.Ok(data);
    }

    private static List<ProcessInfo> Find(int? pid, string? name, CancellationToken cancellationToken)
    {
        if (pid is { } one)
        {
            return ProcessReader.Read(one) is { } info && (name is null || Matches(info, name)) ? [info] : [];
        }

        var found = new List<ProcessInfo>();
        foreach (var candidate in ProcFs.ProcessIds().Order())
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The stat line is cheap and names most processes; arguments are read only when it does not.
            if (candidate != ProcFs.CurrentPid && ProcessReader.ReadStat(candidate) is { } stat
                && (Matches(stat, name!) || Matches(stat with { Arguments = ProcessReader.Arguments(candidate) }, name!))
                && ProcessReader.Read(candidate) is { } info)
            {
                found.Add(info);
            }
        }

        return found;
    }

    /// <summary>
    /// The kernel's name (comm, cut at 15 characters), or the program's file name from argv[0], which is what
    /// people mean by "the redis-server process" even when a script or a renamed thread says otherwise.
    /// </summary>
    internal static bool Matches(ProcessInfo info, string name) =>
        info.Name == name
        || (info.Name.Length == 15 && name.StartsWith(info.Name, StringComparison.Ordinal))
        || (info.Arguments.Count > 0 && info.Program == name);

    private async Task<JsonObject?> RestartsAsync(string? unit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(unit) || unit.StartsWith('-'))
        {
            return null;
        }

        var systemd = _systemd();
        if (systemd.Unavailable is { } reason)
        {
            return new JsonObject { ["available"] = false, ["unit"] = unit, ["reason"] = reason };
        }

        var (properties, error, _) = await systemd.ShowAsync(unit, ["Id", "LoadState", "ActiveState", "SubState", "NRestarts", "MainPID"], timeout, cancellationToken)
            .ConfigureAwait(false);
        if (properties is null)
        {
            return new JsonObject { ["available"] = true, ["unit"] = unit, ["error"] = error };
        }

        var found = properties.GetValueOrDefault("LoadState") != "not-found";
        return new JsonObject
        {
            ["available"] = true,
            ["unit"] = properties.GetValueOrDefault("Id") ?? unit,
            ["found"] = found,
            ["active_state"] = properties.GetValueOrDefault("ActiveState"),
            ["sub_state"] = properties.GetValueOrDefault("SubState"),
            ["n_restarts"] = found && long.TryParse(properties.GetValueOrDefault("NRestarts"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
            ["main_pid"] = long.TryParse(properties.GetValueOrDefault("MainPID"), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : null,
        };
    }
}
