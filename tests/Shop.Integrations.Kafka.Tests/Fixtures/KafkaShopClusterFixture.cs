using Shop.Grains.Tests.Cluster;
using Shop.Integrations.Kafka.Testing;

namespace Shop.Integrations.Kafka.Tests.Fixtures;

/// <summary>
/// The shop's two-silo test cluster with the <c>saga</c> provider on Kafka (<c>Shop:Streams:Provider=Kafka</c>),
/// against a mock Kafka cluster of three brokers hosted by this fixture.
/// </summary>
public sealed class KafkaShopClusterFixture : ShopClusterFixture, IAsyncLifetime
{
    private const int Partitions = 4;

    /// <summary>The mock Kafka cluster.</summary>
    public MockKafkaCluster Kafka { get; } = MockKafkaCluster.Start();

    /// <summary>Topic prefix of this fixture.</summary>
    public string TopicPrefix { get; } = $"shop-{Guid.NewGuid():N}-";

    /// <inheritdoc />
    protected override Dictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            KafkaSettings.Apply(settings, Kafka, TopicPrefix, Partitions, TimeSpan.FromSeconds(1));
            return settings;
        }
    }

    /// <inheritdoc />
    async Task IAsyncLifetime.InitializeAsync()
    {
        KafkaSettings.CreateSagaTopics(Kafka, TopicPrefix, Partitions);
        await InitializeAsync();
    }

    /// <inheritdoc />
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Kafka.Dispose();
    }
}
