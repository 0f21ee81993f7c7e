namespace Shop.ApiGateway.Tests.Publish;

/// <summary>The Client-mode gateway build (<c>-p:CoHostSilo=false</c>) carries only what a gateway needs.</summary>
[Collection(SiloLessGatewayTests.Name)]
public sealed class SiloLessPublishTests(SiloLessGateway gateway)
{
    // What only a silo needs: its host and grains, storage and broker clients, search, SaaS clients, Orleans' server
    // packages. Orleans.Runtime and Orleans.Reminders are not listed: the Orleans Dashboard the gateway serves at
    // /dashboard (Microsoft.Orleans.Dashboard) depends on both, although the gateway hosts no silo.
    private static readonly string[] SiloOnlyPrefixes =
    [
        "Shop.Silo", "Shop.Grains.dll", "Shop.Integrations.", "Npgsql", "StackExchange.Redis", "MongoDB.",
        "Confluent.Kafka", "librdkafka", "Lucene.", "Stripe.net", "SendGrid", "Microsoft.Orleans.Server",
        "Orleans.Persistence.", "Orleans.Clustering.",
    ];

    [Fact]
    public void The_gateway_built_without_the_silo_publishes_the_gateway_and_the_shared_projects()
    {
        Assert.True(File.Exists(gateway.GatewayDll), "Shop.ApiGateway.dll is missing from the publish folder.");
        Assert.Contains("Shop.ServiceDefaults.dll", gateway.Files);
        Assert.Contains("Shop.Grains.Interfaces.dll", gateway.Files);
    }

    [Fact]
    public void The_gateway_built_without_the_silo_carries_no_silo_storage_broker_search_or_SaaS_assembly()
    {
        var siloOnly = gateway.Files
            .Where(file => SiloOnlyPrefixes.Any(prefix => Path.GetFileName(file).StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                || file.Contains("librdkafka", StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.Empty(siloOnly);
    }
}
