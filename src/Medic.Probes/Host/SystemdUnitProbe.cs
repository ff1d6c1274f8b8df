using System.Globalization;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Os;

namespace Medic.Probes.Host;

/// <summary>
/// <c>systemd.unit</c>: a unit's state (<c>systemctl show</c>: active and sub state, result, restarts, main process
/// exit status) and its last journal lines. Where systemd does not run the machine the observation says so
/// (<c>available: false</c> with the reason) rather than failing.
/// </summary>
public sealed class SystemdUnitProbe : IProbe
{
    private const int MaxLines = 200;

    private static readonly string[] Properties =
    [
        "Id", "Description", "LoadState", "ActiveState", "SubState", "Result", "NRestarts", "ExecMainStatus", "ExecMainCode",
        "MainPID", "ActiveEnterTimestamp", "StateChangeTimestamp", "UnitFileState", "FragmentPath",
    ];

    private readonly Func<Systemd> _systemd;

    public SystemdUnitProbe()
        : this(Systemd.Detect)
    {
    }

    internal SystemdUnitProbe(Func<Systemd> systemd) => _systemd = systemd;

    public string Name => "systemd.unit";

    public string Description =>
        "a systemd unit's state (active/sub state, result, restarts, exit status) and its last journal lines; available: false where systemd is absent";

    public IReadOnlyList<string> Kinds { get; } = ["host"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("unit", ParameterType.String, Description: "the unit, e.g. redis-server or nginx.service (default: the component's unit, else its service)"),
        new("lines", ParameterType.Int, Description: "how many recent journal lines to include (default 20, at most 200; 0 for none)"),
    ];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var unit = context.GetString("unit") ?? context.Component.GetString("unit") ?? context.Component.GetString("service");
        var lines = context.GetInt("lines") ?? 20;
        if (lines is < 0 or > MaxLines)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"'lines' must be between 0 and {MaxLines}, not {lines}");
        }

        if (string.IsNullOrWhiteSpace(unit))
        {
            return ProbeResult.Ok(new JsonObject { ["available"] = null, ["unit"] = null, ["reason"] = "no unit to look at: give 'unit' in the check, or 'unit' or 'service' in the component" });
        }

        if (unit.StartsWith('-') || unit.Any(char.IsWhiteSpace))
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"'{unit}' is not a unit name");
        }

        var systemd = _systemd();
        if (systemd.Unavailable is { } reason)
        {
            return ProbeResult.Ok(new JsonObject { ["available"] = false, ["unit"] = unit, ["reason"] = reason });
        }

        // Half the budget each, so a hung journal still leaves the unit's state reported.
        var budget = context.Timeout * 0.45;
        var (properties, error, timedOut) = await systemd.ShowAsync(unit, Properties, budget, cancellationToken).ConfigureAwait(false);
        if (properties is null)
        {
            return ProbeResult.Fail(timedOut ? ErrorKinds.Timeout : ErrorKinds.Internal, error!, new JsonObject { ["available"] = true, ["unit"] = unit });
        }

        var data = Describe(unit, properties);
        if (lines > 0)
        {
            var (journal, journalError) = await systemd.JournalAsync(data["unit"]!.GetValue<string>(), (int)lines, budget, cancellationToken).ConfigureAwait(false);
            data["journal"] = new JsonObject
            {
                ["available"] = journal is not null,
                ["lines"] = journal is null ? null : new JsonArray([.. journal.Select(l => (JsonNode)SecretText.MaskLine(l))]),
                ["error"] = journalError,
            };
        }

        return ProbeResult.Ok(data);
    }

    internal static JsonObject Describe(string unit, IReadOnlyDictionary<string, string> p)
    {
        string? Text(string key) => p.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        long? Number(string key) => long.TryParse(Text(key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new JsonObject
        {
            ["available"] = true,
            ["unit"] = Text("Id") ?? unit,
            ["description"] = Text("Description"),
            ["load_state"] = Text("LoadState"),
            ["found"] = Text("LoadState") is { } load ? load != "not-found" : null,
            ["active_state"] = Text("ActiveState"),
            ["sub_state"] = Text("SubState"),
            ["result"] = Text("Result"),
            ["n_restarts"] = Number("NRestarts"),
            ["exec_main_status"] = Number("ExecMainStatus"),
            ["exec_main_code"] = ExitCode(Number("ExecMainCode")),
            ["main_pid"] = Number("MainPID") is > 0 and var pid ? pid : null,
            ["active_since"] = Text("ActiveEnterTimestamp"),
            ["state_changed_at"] = Text("StateChangeTimestamp"),
            ["unit_file_state"] = Text("UnitFileState"),
            ["fragment_path"] = Text("FragmentPath"),
        };
    }

    // The si_code of the main process's end, as systemctl status words it.
    private static string? ExitCode(long? code) => code switch
    {
        1 => "exited",
        2 => "killed",
        3 => "dumped",
        0 or null => null,
        _ => code.Value.ToString(CultureInfo.InvariantCulture),
    };
}
