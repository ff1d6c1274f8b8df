using System.Globalization;
using Medic.Probes.Redis.Resp;

namespace Medic.Probes.Redis;

/// <summary>Opens a connection ready for commands: connect (and TLS), AUTH, name it <c>medic</c>, SELECT the database.</summary>
internal static class RedisSession
{
    public const string ClientName = "medic";

    public static async Task<RedisConnection> OpenAsync(
        RedisTarget target, RedisTrace trace, RespLimits? limits = null, bool allowWrites = false,
        string clientName = ClientName, CancellationToken cancellationToken = default)
    {
        var connection = await RedisConnection.ConnectAsync(target, trace, limits, allowWrites, cancellationToken).ConfigureAwait(false);
        try
        {
            if (target.Password is { } password)
            {
                string[] auth = target.User is { } user ? ["AUTH", user, password] : ["AUTH", password];
                await connection.CallAsync(auth, cancellationToken).ConfigureAwait(false);
            }

            // The name lets an operator tell Medic's connection apart in CLIENT LIST. A server that refuses it
            // (ACL, renamed command) is still worth probing, but NOAUTH and the like end the session here.
            var named = await connection.ExecuteAsync(["CLIENT", "SETNAME", clientName], cancellationToken).ConfigureAwait(false);
            if (named.IsError && !IsRefusedCommand(named))
            {
                throw new RedisServerException(named.Text ?? "", "CLIENT SETNAME");
            }

            if (target.Database != 0)
            {
                await connection.CallAsync(["SELECT", target.Database.ToString(CultureInfo.InvariantCulture)], cancellationToken)
                    .ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>True for a reply that only says this command is not allowed or not known here.</summary>
    public static bool IsRefusedCommand(RespValue reply) =>
        reply.IsError && reply.Text is { } text && RedisErrors.IsRefusedCommand(text);
}
