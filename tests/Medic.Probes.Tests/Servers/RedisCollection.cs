using Xunit;

namespace Medic.Probes.Tests.Servers;

/// <summary>Tests that share <see cref="RedisFixture"/> run one at a time, since some change server settings.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
