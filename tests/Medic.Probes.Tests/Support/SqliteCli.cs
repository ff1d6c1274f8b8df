namespace Medic.Probes.Tests.Support;

/// <summary>The sqlite3 shell in a separate process, kept alive on an open stdin so it can hold locks.</summary>
internal static class SqliteCli
{
    /// <summary>Runs sqlite3 once on <paramref name="database"/> and returns what it printed.</summary>
    public static async Task<string> RunAsync(string database, string sql)
    {
        var info = new System.Diagnostics.ProcessStartInfo(Tools.Sqlite3) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(database);
        info.ArgumentList.Add(sql);
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException($"sqlite3 failed: {await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>Starts sqlite3 on <paramref name="database"/>, runs <paramref name="sql"/> and returns once it has.</summary>
    public static async Task<ChildProcess> HoldAsync(string database, string sql)
    {
        var child = ChildProcess.Start(Tools.Sqlite3, database);
        try
        {
            await child.SendAsync(sql + "\nSELECT 'ready';\n");
            await child.WaitForLineAsync("ready");
            return child;
        }
        catch
        {
            child.Dispose();
            throw;
        }
    }
}
