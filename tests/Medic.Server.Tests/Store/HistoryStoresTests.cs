using Medic.Server.Store;
using Npgsql;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Store;

public sealed class HistoryStoresTests
{
    [Fact]
    public void A_postgresql_url_becomes_a_connection_string()
    {
        var b = new NpgsqlConnectionStringBuilder(HistoryStores.ConnectionString("postgresql://medic:p%40ss@db.internal:6432/history?sslmode=require"));

        b.Host.ShouldBe("db.internal");
        b.Port.ShouldBe(6432);
        b.Database.ShouldBe("history");
        b.Username.ShouldBe("medic");
        b.Password.ShouldBe("p@ss");
        b.SslMode.ShouldBe(SslMode.Require);
    }

    [Fact]
    public void The_displayed_store_never_shows_the_password()
    {
        HistoryStores.Display("postgresql://medic:s3cret@db:5432/history").ShouldBe("postgresql://medic@db:5432/history");
        HistoryStores.Display("history.db").ShouldBe("history.db");
    }

    [Theory]
    [InlineData("postgresql://db/h?timeout=3", "unsupported parameter 'timeout'")]
    [InlineData("postgresql:///h", "is not a PostgreSQL URL")]
    public void A_bad_url_is_refused_with_a_reason(string url, string message)
    {
        Should.Throw<FormatException>(() => HistoryStores.ConnectionString(url)).Message.ShouldContain(message);
    }
}
