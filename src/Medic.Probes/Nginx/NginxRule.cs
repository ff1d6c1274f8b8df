namespace Medic.Probes.Nginx;

/// <summary>
/// What nginx requires of one directive Medic knows: where it may stand, whether it opens a block (and what context
/// that block is), how many arguments it takes, how its value reads, and whether it may appear twice in one block.
/// </summary>
internal sealed record NginxRule(
    string Name,
    NginxContext Allowed,
    bool Block,
    int MinArgs,
    int MaxArgs,
    NginxValueKind Value = NginxValueKind.Any,
    bool Unique = false,
    NginxContext Inner = NginxContext.Opaque);
