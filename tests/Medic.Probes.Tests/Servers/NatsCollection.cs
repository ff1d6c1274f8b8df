using Xunit;

namespace Medic.Probes.Tests.Servers;

/// <summary>Tests that share <see cref="NatsFixture"/> run one at a time, since some add streams and connections.</summary>
[CollectionDefinition(Name)]
public sealed class NatsCollection : ICollectionFixture<NatsFixture>
{
    public const string Name = "nats";
}
