namespace Medic.Probes.Os;

/// <summary>A user as access checks need it: the ids and every group it belongs to (primary included).</summary>
internal sealed record UserAccount(string Name, uint Uid, uint? Gid, IReadOnlySet<uint> Groups)
{
    public bool IsRoot => Uid == 0;
}
