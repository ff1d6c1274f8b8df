using Medic.Probes.Tests.Nats;
using Medic.Probes.Tests.Servers;
using Medic.Scenarios.Tests.StandIn;
using Xunit;

namespace Medic.Scenarios.Tests.HarmonyLite;

/// <summary>A real nats-server with JetStream and the harmonylite-changes-1 stream, and the HarmonyLite stand-in; started once per class.</summary>
public sealed class HarmonyLiteFixture : IAsyncLifetime
{
    internal NatsServer Nats { get; private set; } = null!;

    internal StandInService StandIn { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Nats = await NatsServer.StartAsync();
        await using (var client = await NatsTestClient.ConnectAsync(Nats.Port))
        {
            await client.CreateStreamAsync("harmonylite-changes-1", "harmonylite-changes-1.>");
        }

        StandIn = await StandInService.StartAsync(new HarmonyLiteSurface(), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StandIn.DisposeAsync();
        await Nats.DisposeAsync();
    }
}
