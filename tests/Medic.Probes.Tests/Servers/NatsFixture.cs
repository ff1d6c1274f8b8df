using Xunit;

namespace Medic.Probes.Tests.Servers;

/// <summary>
/// The nats-servers the NATS test collection shares: one with JetStream, one with JetStream that requires a user and
/// password, one that requires a token, and one without JetStream. Tests that need a state of their own start their own.
/// </summary>
public sealed class NatsFixture : IAsyncLifetime
{
    public const string User = "alice";
    public const string Password = "s3cret-nats-pw";
    public const string Token = "t0ken-for-medic-tests";

    private readonly List<NatsServer> _servers = [];

    public NatsServer JetStream => Get(0);

    public NatsServer Guarded => Get(1);

    public NatsServer TokenGuarded => Get(2);

    public NatsServer NoJetStream => Get(3);

    public async ValueTask InitializeAsync()
    {
        Task<NatsServer>[] starting =
        [
            NatsServer.StartAsync(),
            NatsServer.StartAsync(extraArgs: ["--user", User, "--pass", Password]),
            NatsServer.StartAsync(jetStream: false, extraArgs: ["--auth", Token]),
            NatsServer.StartAsync(jetStream: false),
        ];
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            // Keep whatever started, so DisposeAsync stops it even when another failed.
            _servers.AddRange(starting.Select(s => s.IsCompletedSuccessfully ? s.Result : null).OfType<NatsServer>());
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }

    private NatsServer Get(int i) => _servers.Count == 4 ? _servers[i] : throw new InvalidOperationException("the NATS servers did not start");
}
