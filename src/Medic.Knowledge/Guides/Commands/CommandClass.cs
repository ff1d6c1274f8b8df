namespace Medic.Knowledge.Guides.Commands;

/// <summary>
/// What a guide's command does: its family (http, postgres, redis, sqlite, nats, logs, ports, disk, process,
/// service, …), the Medic probe that observes the same thing read-only (with its arguments) where one exists,
/// and whether the command changes something.
/// </summary>
public sealed record CommandClass(
    string Family,
    string? Probe,
    string? Kind,
    IReadOnlyDictionary<string, object> Args,
    bool Mutating,
    string? MutatingReason,
    string? JsonPath = null)
{
    public static CommandClass Unknown(string family = "other") => new(family, null, null, new Dictionary<string, object>(), false, null);
}
