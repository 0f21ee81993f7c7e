using Shop.Bench.Kafka;

// Throughput of the Kafka stream provider on librdkafka's mock cluster, in this process:
// `dotnet run -c Release --project bench/Shop.Bench.Kafka [-- provider|orders]` (both when no argument is given).
// Numbers compare only within one run on one machine; they load the machine, so they are not part of the tests.
var which = args.FirstOrDefault() ?? "all";
if (which is not ("all" or "provider" or "orders"))
{
    Console.Error.WriteLine($"Unknown measurement '{which}': use provider, orders, or nothing for both.");
    return 2;
}

if (which is "all" or "provider")
{
    await ProviderThroughput.RunAsync();
}

if (which is "all" or "orders")
{
    await OrderThroughput.RunAsync();
}

return 0;
