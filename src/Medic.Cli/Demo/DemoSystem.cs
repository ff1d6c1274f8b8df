using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace Medic.Cli.Demo;

/// <summary>
/// A real broken system in a temporary folder: a SQLite database in rollback-journal mode with a write lock held
/// by a second process, an HTTP API whose /health reports its database unhealthy, a config file missing a
/// required key, and the API's port taken by that second process.
/// </summary>
internal sealed class DemoSystem : IAsyncDisposable
{
    private readonly DemoHealthServer _api;
    private readonly DemoHolder _holder;
    private readonly bool _keep;

    private DemoSystem(string folder, string systemFile, DemoHealthServer api, DemoHolder holder, int takenPort, bool keep)
    {
        Folder = folder;
        SystemFile = systemFile;
        _api = api;
        _holder = holder;
        TakenPort = takenPort;
        _keep = keep;
    }

    public string Folder { get; }

    public string SystemFile { get; }

    public int TakenPort { get; }

    public int HolderPid => _holder.Pid;

    public static async Task<DemoSystem> CreateAsync(bool keep, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("medic-demo-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        Directory.CreateDirectory(Path.Combine(folder, "config"));
        var database = Path.Combine(folder, "data", "app.db");
        CreateDatabase(database);
        await File.WriteAllTextAsync(Path.Combine(folder, "config", "app.yaml"), """
            server:
              port: 3001
              host: 127.0.0.1
            database:
              path: data/app.db
            log_level: info
            """, cancellationToken).ConfigureAwait(false);

        var takenPort = FreePort();
        DemoHealthServer? api = null;
        DemoHolder? holder = null;
        try
        {
            api = await DemoHealthServer.StartAsync(cancellationToken).ConfigureAwait(false);
            holder = await DemoHolder.StartAsync(database, takenPort, cancellationToken).ConfigureAwait(false);
            var systemFile = Path.Combine(folder, "medic.yaml");
            await File.WriteAllTextAsync(systemFile, SystemYaml(api.Url, takenPort), cancellationToken).ConfigureAwait(false);
            return new DemoSystem(folder, systemFile, api, holder, takenPort, keep);
        }
        catch
        {
            holder?.Dispose();
            if (api is not null)
            {
                await api.DisposeAsync().ConfigureAwait(false);
            }

            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _holder.Dispose();
        await _api.DisposeAsync().ConfigureAwait(false);
        if (!_keep)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static string SystemYaml(Uri api, int takenPort) => string.Create(CultureInfo.InvariantCulture, $"""
        # A demo system built by 'medic demo'. Diagnose it again with: medic diagnose -f medic.yaml
        system: demo
        components:
          api:
            kind: http
            url: "{api.GetLeftPart(UriPartial.Authority)}"
            health: /health
          db:
            kind: sqlite
            path: data/app.db
          config:
            kind: config
            path: config/app.yaml
            require: [jwt_secret, server.port, database.path]
          host:
            kind: host
            service: demo-worker
            ports: [{takenPort}]
            paths: [data/, logs/]
        """);

    private static void CreateDatabase(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = DELETE;
            CREATE TABLE jobs (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created_at TEXT DEFAULT CURRENT_TIMESTAMP);
            CREATE INDEX jobs_name ON jobs(name);
            INSERT INTO jobs(name) VALUES ('backup'), ('report'), ('cleanup');
            """;
        command.ExecuteNonQuery();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
