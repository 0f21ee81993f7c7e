using System.Globalization;
using Shop.Integrations.Kafka;
using Shop.Integrations.Kafka.Testing;

// Hosts librdkafka's mock Kafka cluster on loopback for running the shop on Kafka locally (no broker can be installed
// here). Usage: dotnet run --project tools/KafkaMock [-- --partitions 8 --brokers 3 --provider saga --prefix shop-]
var settings = Arguments(args);
var partitions = int.Parse(settings.GetValueOrDefault("partitions", "8"), CultureInfo.InvariantCulture);
var brokers = int.Parse(settings.GetValueOrDefault("brokers", "3"), CultureInfo.InvariantCulture);
var kafka = new KafkaStreamOptions { TopicPrefix = settings.GetValueOrDefault("prefix", "shop-"), Partitions = partitions };
var provider = settings.GetValueOrDefault("provider", "saga");

using var cluster = MockKafkaCluster.Start(brokers);
cluster.CreateTopic(kafka.TopicFor(provider), partitions);
cluster.CreateTopic(kafka.DeadLetterTopicFor(provider), partitions);

Console.WriteLine($"Mock Kafka cluster of {brokers} brokers is up; topics {kafka.TopicFor(provider)} and {kafka.DeadLetterTopicFor(provider)} have {partitions} partitions.");
Console.WriteLine($"Bootstrap servers: {cluster.BootstrapServers}");
// The mock answers an empty fetch only when the fetch's wait is over, so consumers must not wait long (see FetchWaitMax).
Console.WriteLine($"Run the silo with: Shop__Streams__Provider=Kafka Shop__Kafka__BootstrapServers={cluster.BootstrapServers} Shop__Kafka__Partitions={partitions} Shop__Kafka__FetchWaitMax=00:00:00.005");
Console.WriteLine("Press Ctrl+C to stop (the mock keeps everything in memory).");
Console.Out.Flush();

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

Console.WriteLine("Mock Kafka cluster stopped.");

static Dictionary<string, string> Arguments(string[] args)
{
    var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        result[args[i].TrimStart('-')] = args[i + 1];
    }

    return result;
}
