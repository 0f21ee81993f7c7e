namespace Shop.Integrations.Kafka.Tests;

/// <summary>A misconfigured Kafka provider stops the start with a message naming the setting.</summary>
public sealed class KafkaStreamOptionsValidatorTests
{
    [Fact]
    public void Complete_options_have_no_errors()
    {
        Assert.Empty(KafkaStreamOptionsValidator.Errors(Valid()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31_000)]
    public void A_fetch_wait_outside_1_ms_to_30_s_is_refused_by_name(int milliseconds)
    {
        var options = Valid();
        options.FetchWaitMax = TimeSpan.FromMilliseconds(milliseconds);

        var error = Assert.Single(KafkaStreamOptionsValidator.Errors(options));

        Assert.StartsWith("FetchWaitMax=", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_brokers_and_group_are_both_named()
    {
        var errors = KafkaStreamOptionsValidator.Errors(new KafkaStreamOptions()).ToList();

        Assert.Contains(errors, e => e.StartsWith("BootstrapServers", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("ConsumerGroup", StringComparison.Ordinal));
    }

    private static KafkaStreamOptions Valid() => new() { BootstrapServers = "127.0.0.1:9092", ConsumerGroup = "shop-saga" };
}
