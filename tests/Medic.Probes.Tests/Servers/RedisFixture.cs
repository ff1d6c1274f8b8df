using Xunit;

namespace Medic.Probes.Tests.Servers;

/// <summary>
/// The Redis servers the Redis test collection shares: a plain one, one with a password and an ACL user that may
/// not run CONFIG, and one with CONFIG renamed away. Tests that change server settings start their own.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public const string Password = "s3cret-pw";
    public const string Reader = "reader";
    public const string ReaderPassword = "reader-pw";

    private RedisServer? _plain;
    private RedisServer? _protected;
    private RedisServer? _configDisabled;

    public RedisServer Plain => _plain ?? throw new InvalidOperationException("not started");

    public RedisServer Protected => _protected ?? throw new InvalidOperationException("not started");

    public RedisServer ConfigDisabled => _configDisabled ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        var plain = RedisServer.StartAsync();
        var guarded = RedisServer.StartAsync(
            ["--requirepass", Password, "--user", Reader, "on", ">" + ReaderPassword, "~*", "&*", "+@all", "-config"]);
        var disabled = RedisServer.StartAsync(["--rename-command", "CONFIG", ""]);
        try
        {
            await Task.WhenAll(plain, guarded, disabled);
        }
        finally
        {
            // Keep whatever started, so DisposeAsync stops it even when another failed.
            _plain = plain.IsCompletedSuccessfully ? plain.Result : null;
            _protected = guarded.IsCompletedSuccessfully ? guarded.Result : null;
            _configDisabled = disabled.IsCompletedSuccessfully ? disabled.Result : null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in new[] { _plain, _protected, _configDisabled })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }
}
