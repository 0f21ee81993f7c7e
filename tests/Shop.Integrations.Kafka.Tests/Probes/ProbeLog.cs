using System.Collections.Concurrent;

namespace Shop.Integrations.Kafka.Tests.Probes;

/// <summary>What the probe grains handled, across silos and cluster restarts (the silos run in this process).</summary>
public static class ProbeLog
{
    private static readonly ConcurrentDictionary<(string Stream, int Number), int> Handled = new();

    /// <summary>Records one handling.</summary>
    public static void Record(string stream, int number) => Handled.AddOrUpdate((stream, number), 1, (_, n) => n + 1);

    /// <summary>How often an event of a stream was handled.</summary>
    public static int Count(string stream, int number) => Handled.GetValueOrDefault((stream, number));
}
