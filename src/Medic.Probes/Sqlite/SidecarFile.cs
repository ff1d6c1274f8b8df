using System.Text.Json.Nodes;

namespace Medic.Probes.Sqlite;

/// <summary>A file SQLite keeps beside the database (-wal, -shm, -journal).</summary>
internal sealed record SidecarFile(string Path, bool Exists, long? SizeBytes)
{
    public static SidecarFile Of(string databasePath, string suffix)
    {
        var info = new FileInfo(databasePath + suffix);
        return info.Exists ? new SidecarFile(info.FullName, true, info.Length) : new SidecarFile(info.FullName, false, null);
    }

    public JsonObject ToJson() => new() { ["exists"] = Exists, ["size_bytes"] = SizeBytes };
}
