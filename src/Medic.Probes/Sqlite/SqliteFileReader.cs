using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Microsoft.Data.Sqlite;

namespace Medic.Probes.Sqlite;

/// <summary>
/// The opening the SQLite probes share: the component's database path, then the file checked (exists, is SQLite)
/// and read on a read-only connection, one open at a time (<see cref="SqliteDatabaseFile.Gate"/>). A missing or
/// unreadable file, or a SQLite error, comes back as a failed result carrying the path.
/// </summary>
internal static class SqliteFileReader
{
    /// <summary>The component's <c>path</c>, resolved against the system file's folder, or an invalid-argument failure.</summary>
    public static string? PathOf(ProbeContext context, out ProbeResult? failure)
    {
        if (context.Component.GetString("path") is not { Length: > 0 } setting)
        {
            failure = ProbeResult.Fail(ErrorKinds.InvalidArgument, "the component has no path");
            return null;
        }

        failure = null;
        return context.Component.ResolvePath(setting);
    }

    /// <summary>
    /// Reads <paramref name="path"/> with <paramref name="read"/>; a SQLite error becomes a failure whose message
    /// <paramref name="message"/> words.
    /// </summary>
    public static (T? Value, ProbeResult? Failure) Read<T>(
        string path, TimeSpan timeout, Func<SqliteReadSession, T> read, Func<SqliteException, string> message, CancellationToken cancellationToken)
        where T : class
    {
        SqliteDatabaseFile.Gate.Wait(cancellationToken);
        try
        {
            var (file, failure) = SqliteDatabaseFile.Inspect(path);
            if (failure is not null)
            {
                return (null, failure);
            }

            return (SqliteReadSession.Run(file!, timeout, read), null);
        }
        catch (SqliteException e)
        {
            return (null, ProbeResult.Fail(SqliteErrors.Kind(e), message(e), new JsonObject { ["path"] = path, ["exists"] = true }));
        }
        finally
        {
            SqliteDatabaseFile.Gate.Release();
        }
    }
}
