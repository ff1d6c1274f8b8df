using System.Text.Json.Nodes;
using Npgsql;

namespace Medic.Probes.Postgres;

/// <summary>Where a probe connects, without the password: safe to put in data and messages.</summary>
internal sealed record PostgresTarget(string Host, int Port, string? Database, string? User)
{
    public string Endpoint => Host.StartsWith('/') ? $"{Host}/.s.PGSQL.{Port}" : $"{Host}:{Port}";

    public static PostgresTarget From(NpgsqlConnectionStringBuilder builder) =>
        new(builder.Host ?? "localhost", builder.Port, builder.Database ?? builder.Username, builder.Username);

    public JsonObject ToJson() => new()
    {
        ["host"] = Host,
        ["port"] = Port,
        ["database"] = Database,
        ["user"] = User,
    };
}
