using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace Medic.Probes.Tests.Servers;

/// <summary>
/// A real PostgreSQL from the Debian binaries, on a free loopback port in a temporary folder, for one test collection.
/// Superuser <c>postgres</c> connects without a password; <see cref="PasswordUser"/> must give its password (scram).
/// Databases: <c>app</c> (with pg_stat_statements), <c>bare</c> (without it) and <c>quiet</c> (no test writes to it).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const int MaxConnections = 20;
    public const string PasswordUser = "medic_pw";
    public const string Password = "s3cret-pw-for-medic";

    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "medic-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private int _postmasterPid;

    public int Port { get; private set; }

    public string Folder => _folder;

    /// <summary>Off by default so probe tests see stable statistics; seed scenarios' healthy twins turn it on.</summary>
    public bool Autovacuum { get; init; }

    public string ConnectionString(string database = "app", string user = "postgres", string? password = null) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Database = database,
            Username = user,
            Password = password,
            Pooling = false,
            Timeout = 5,
        }.ConnectionString;

    /// <summary>A connection for the test's own setup and checks, not through any probe.</summary>
    public async Task<NpgsqlConnection> OpenAsync(string database = "app")
    {
        var connection = new NpgsqlConnection(ConnectionString(database) + ";Application Name=medic-tests");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public async Task ExecuteAsync(string sql, string database = "app")
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask InitializeAsync()
    {
        var bin = FindBinaries();
        Directory.CreateDirectory(_folder);
        var asRoot = Environment.IsPrivilegedProcess;
        if (asRoot)
        {
            // initdb refuses to run as root; the cluster belongs to the 'postgres' user.
            await RunAsync("chown", ["postgres:postgres", _folder], asPostgres: false);
        }

        var data = Path.Combine(_folder, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "--no-instructions"], asRoot);
        await File.WriteAllTextAsync(Path.Combine(data, "pg_hba.conf"), $"""
            local all all trust
            host all {PasswordUser} 127.0.0.1/32 scram-sha-256
            host all all 127.0.0.1/32 trust
            """);

        Port = FreePort();
        var options = string.Join(' ',
            "-c listen_addresses=127.0.0.1", $"-p {Port}", $"-k {_folder}", "-c fsync=off", "-c synchronous_commit=off",
            "-c full_page_writes=off", $"-c max_connections={MaxConnections}", "-c shared_preload_libraries=pg_stat_statements",
            Autovacuum ? "-c autovacuum=on" : "-c autovacuum=off");
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(_folder, "pg.log"), "-w", "-t", "30", "-o", options, "start"], asRoot);
        var pidLine = (await File.ReadAllLinesAsync(Path.Combine(data, "postmaster.pid")))[0];
        _postmasterPid = int.Parse(pidLine, CultureInfo.InvariantCulture);

        await ExecuteAsync($"CREATE ROLE {PasswordUser} LOGIN PASSWORD '{Password}'", "postgres");
        await ExecuteAsync("CREATE DATABASE app", "postgres");
        await ExecuteAsync("CREATE DATABASE bare", "postgres");
        await ExecuteAsync("CREATE DATABASE quiet", "postgres");
        await ExecuteAsync("CREATE EXTENSION pg_stat_statements");
        await ExecuteAsync("CREATE TABLE settled (id int PRIMARY KEY, note text); INSERT INTO settled SELECT g, 'row ' || g FROM generate_series(1, 100) g", "quiet");
    }

    public async ValueTask DisposeAsync()
    {
        if (_postmasterPid > 0)
        {
            // SIGQUIT: immediate shutdown of the postmaster and its children; nothing here needs to survive.
            await RunAsync("kill", ["-QUIT", _postmasterPid.ToString(CultureInfo.InvariantCulture)], asPostgres: false, check: false);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (Alive(_postmasterPid) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            if (Alive(_postmasterPid))
            {
                await RunAsync("kill", ["-KILL", _postmasterPid.ToString(CultureInfo.InvariantCulture)], asPostgres: false, check: false);
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A loopback port nothing listens on (at the moment of asking).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindBinaries()
    {
        const string Root = "/usr/lib/postgresql";
        var bin = Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => b.Contains("/15/", StringComparison.Ordinal))
                .ThenByDescending(b => b, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/<version>/bin. "
            + "Install the Debian package 'postgresql' (apt-get install -y postgresql); test.sh installs it.");
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgres, bool check = true)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        using var cts = new CancellationTokenSource(CommandLimit);
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        await process.WaitForExitAsync(cts.Token);
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
