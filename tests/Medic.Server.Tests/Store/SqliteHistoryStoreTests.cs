using Medic.Server.Store;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Store;

public sealed class SqliteHistoryStoreTests : HistoryStoreContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("medic-store-").FullName;

    private string DbPath => Path.Combine(_dir, "history.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    protected override HistoryStore Open() => new SqliteHistoryStore(DbPath);

    [Fact]
    public void The_file_is_in_wal_mode()
    {
        using (Open())
        {
            File.Exists(DbPath + "-wal").ShouldBeTrue();
        }
    }
}
