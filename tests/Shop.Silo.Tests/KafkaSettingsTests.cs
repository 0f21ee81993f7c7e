using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shop.Common;
using Shop.Integrations.Kafka;

namespace Shop.Silo.Tests;

/// <summary>With streams on Kafka, a missing or out-of-range <c>Shop:Kafka</c> setting stops the start naming its key.</summary>
public sealed class KafkaSettingsTests
{
    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([
            new("Shop:Search:Lucene:InMemory", "true"),
            new("Shop:Streams:Provider", "Kafka"),
            new("Shop:Kafka:BootstrapServers", "127.0.0.1:9092"),
        ]);
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }

    [Theory]
    [InlineData("Shop:Kafka:Partitions", "0")]
    [InlineData("Shop:Kafka:BootstrapServers", "broker-without-port")]
    [InlineData("Shop:Kafka:FetchWaitMax", "00:01:00")]
    [InlineData("Shop:Kafka:ConsumerGroup", " ")]
    public void A_bad_kafka_setting_stops_the_start_naming_it(string key, string value)
    {
        var builder = Builder((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => builder.AddShopSilo());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_kafka_number_stops_the_start_naming_the_section()
    {
        var builder = Builder(("Shop:Kafka:Partitions", "many"));

        var error = Assert.Throws<OptionsValidationException>(() => builder.AddShopSilo());

        Assert.Contains("Shop:Kafka", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_provider_gets_the_validated_settings_with_the_group_defaulting_to_the_service()
    {
        var builder = Builder(("Shop:Kafka:Partitions", "8"), ("Shop:Orleans:ServiceId", "storefront"));
        builder.AddShopSilo();

        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(StreamNames.Provider);

        Assert.Equal((8, "storefront-saga", "127.0.0.1:9092"), (options.Partitions, options.ConsumerGroup, options.BootstrapServers));
    }
}
