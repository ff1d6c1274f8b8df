using System.Globalization;
using Medic.Probes.Tests.Support;
using Medic.Scenarios.Tests.StandIn;
using Medic.Scenarios.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Scenarios.Tests.Pma;

/// <summary>
/// The real parts the PMA scenarios share, one set per test (tests set stand-in faults): the PMA and Home Assistant
/// stand-ins, a folder with data/ and logs/ writable by the service user and a config.local.yaml, and a real process
/// named pma-server (sleep under that name) for the host checks.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class PmaWorld : IAsyncLifetime
{
    public const string Secret = "pma-jwt-secret-for-tests";
    public const string HaToken = "ha-long-lived-token-for-tests";
    public const string Config = "server:\n  port: 3001\n  host: 0.0.0.0\njwt_secret: from-env\ndatabase:\n  path: ./data/pma.db\n";

    private ChildProcess _server = null!;

    public TempFolder Folder { get; } = new();

    public StandInService Api { get; private set; } = null!;

    public StandInService HomeAssistant { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Api = await StandInService.StartAsync(new PmaSurface(), TestContext.Current.CancellationToken);
        HomeAssistant = await StandInService.StartAsync(new HomeAssistantSurface(HaToken), TestContext.Current.CancellationToken);
        foreach (var dir in new[] { "data", "logs" })
        {
            Directory.CreateDirectory(Folder.File(dir));
            File.SetUnixFileMode(Folder.File(dir), (UnixFileMode)0b111_111_111);
        }

        File.SetUnixFileMode(Folder.Path, (UnixFileMode)0b111_101_101);
        await File.WriteAllTextAsync(Folder.File("config.local.yaml"), Config, TestContext.Current.CancellationToken);
        var program = Folder.File("pma-server");
        File.CreateSymbolicLink(program, "/bin/sleep");
        _server = ChildProcess.Start(program, "600");
    }

    public async ValueTask DisposeAsync()
    {
        _server.Dispose();
        await Api.DisposeAsync();
        await HomeAssistant.DisposeAsync();
        Folder.Dispose();
    }

    /// <summary>The environment pointing examples/pma/medic.yaml at these parts and <paramref name="db"/>, a valid token by default.</summary>
    public Dictionary<string, string> Env(string db) => new()
    {
        ["PMA_API_URL"] = Api.Url,
        ["PMA_DB_PATH"] = db,
        ["PMA_BUSY_TIMEOUT"] = "5s",
        ["PMA_TOKEN"] = Jwt.Hs256(Secret, DateTimeOffset.UtcNow.AddHours(1)),
        ["PMA_JWT_SECRET"] = Secret,
        ["PMA_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["PMA_DATA_DIR"] = Folder.File("data"),
        ["PMA_LOGS_DIR"] = Folder.File("logs"),
        ["PMA_USER"] = "nobody",
        ["PMA_CONFIG"] = Folder.File("config.local.yaml"),
        ["PMA_HA_URL"] = HomeAssistant.Url,
        ["PMA_HA_TOKEN"] = HaToken,
    };

    /// <summary>A WAL database owned by the service user (nobody), as a deployment that works leaves it (a new file in the folder by default).</summary>
    public async Task<string> WalDatabaseAsync(string? path = null)
    {
        var db = path ?? Folder.File($"pma-{Guid.NewGuid():N}.db");
        await SqliteCli.RunAsync(db, "PRAGMA journal_mode=WAL; CREATE TABLE entities(id TEXT);");
        Shell.Run("chown", "nobody", db).ShouldBeTrue();
        return db;
    }
}
