using System.Diagnostics;
using Shop.Integrations.Kafka.Tests.Fixtures;
using Shop.Integrations.Kafka.Tests.Probes;
using Xunit.Abstractions;

namespace Shop.Integrations.Kafka.Tests;

/// <summary>
/// Throughput on the mock cluster, run on demand only (they load the machine):
/// <c>SHOP_KAFKA_MEASURE=1 dotnet test tests/Shop.Integrations.Kafka.Tests --filter ThroughputMeasurements --logger "console;verbosity=detailed"</c>.
/// </summary>
[Collection(ProbeClusterDefinition.Name)]
public sealed class ProviderThroughputMeasurements(ProbeClusterFixture probes, ITestOutputHelper output)
{


    /// <summary>Events per second from publish to handled, through the provider.</summary>
    [SkippableFact]
    public async Task Events_per_second_through_the_provider()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("SHOP_KAFKA_MEASURE") == "1", "set SHOP_KAFKA_MEASURE=1 to measure");
        var streams = ProbeCluster.NewStreams(50);
        const int perStream = 40;
        var clock = Stopwatch.StartNew();
        await ProbeCluster.PublishRange(probes.Cluster, streams, 1, perStream);
        await ProbeCluster.AllHandled(streams, 1, perStream, ProbeCluster.Deadline);
        output.WriteLine($"{streams.Count * perStream} events in {clock.Elapsed.TotalSeconds:F2} s: {streams.Count * perStream / clock.Elapsed.TotalSeconds:F0} events/s");
    }
}
