using System.Diagnostics;
using System.Globalization;
using Shop.Integrations.Kafka.Tests.Fixtures;
using Shop.Integrations.Kafka.Tests.Probes;
using Xunit;

namespace Shop.Bench.Kafka;

/// <summary>Events per second from publish to handled through the provider: 50 streams of 40 events on a one-silo probe cluster.</summary>
internal static class ProviderThroughput
{
    private const int Streams = 50;
    private const int PerStream = 40;

    public static async Task RunAsync()
    {
        var probes = new ProbeClusterFixture();
        await ((IAsyncLifetime)probes).InitializeAsync();
        try
        {
            var streams = ProbeCluster.NewStreams(Streams);
            var clock = Stopwatch.StartNew();
            await ProbeCluster.PublishRange(probes.Cluster, streams, 1, PerStream);
            await ProbeCluster.AllHandled(streams, 1, PerStream, ProbeCluster.Deadline);
            var events = Streams * PerStream;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"provider: {events} events in {clock.Elapsed.TotalSeconds:F2} s: {events / clock.Elapsed.TotalSeconds:F0} events/s"));
        }
        finally
        {
            await ((IAsyncLifetime)probes).DisposeAsync();
        }
    }
}
