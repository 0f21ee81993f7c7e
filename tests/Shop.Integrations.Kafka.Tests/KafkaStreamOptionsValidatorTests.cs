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

    [Fact]
    public void With_a_section_each_failure_names_the_configuration_key()
    {
        var options = Valid();
        options.Partitions = 0;

        var result = new KafkaStreamOptionsValidator("Shop:Kafka").Validate("saga", options);

        Assert.StartsWith("Setting Shop:Kafka:Partitions=0", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_section_each_failure_names_the_provider()
    {
        var result = new KafkaStreamOptionsValidator().Validate("saga", new KafkaStreamOptions { ConsumerGroup = "g" });

        Assert.StartsWith("Kafka stream provider 'saga': BootstrapServers", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    private static KafkaStreamOptions Valid() => new() { BootstrapServers = "127.0.0.1:9092", ConsumerGroup = "shop-saga" };
}
