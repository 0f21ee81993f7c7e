using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Clustering;
using Shop.Silo.Configuration;

namespace Shop.Silo.Tests;

public sealed class ConfigurationTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();

    [Fact]
    public void No_configuration_gives_the_embedded_defaults()
    {
        var cluster = ShopSiloExtensions.ReadClusterOptions(Settings());
        var storage = StorageOptions.Read(Settings());

        Assert.Equal(ClusteringMode.Localhost, cluster.Clustering);
        Assert.Equal((11111, 30000), (cluster.SiloPort, cluster.GatewayPort));
        Assert.Equal(OrleansClusterOptions.DefaultDirectoryCacheSize, cluster.DirectoryCacheSize);
        Assert.Equal(StorageBackend.Memory, storage.For("orders"));
    }

    [Fact]
    public void A_storage_override_applies_to_its_name_only()
    {
        var storage = StorageOptions.Read(Settings(("Shop:Storage:Default", "Postgres"), ("Shop:Storage:carts", "redis")));

        Assert.Equal(StorageBackend.Redis, storage.For("carts"));
        Assert.Equal(StorageBackend.Postgres, storage.For("orders"));
    }

    [Fact]
    public void An_unknown_storage_backend_stops_the_start_naming_the_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => StorageOptions.Read(Settings(("Shop:Storage:orders", "Oracle"))));

        Assert.Contains("Shop:Storage:orders", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_storage_name_stops_the_start_naming_the_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => StorageOptions.Read(Settings(("Shop:Storage:basket", "Memory"))));

        Assert.Contains("Shop:Storage:basket", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Shop:Orleans:SiloPort", "0")]
    [InlineData("Shop:Orleans:GatewayPort", "70000")]
    [InlineData("Shop:Orleans:ClusterId", "")]
    [InlineData("Shop:Orleans:DirectoryCacheSize", "0")]
    public void An_out_of_range_cluster_setting_stops_the_start_naming_it(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => ShopSiloExtensions.ReadClusterOptions(Settings((key, value))));

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_port_stops_the_start_naming_the_section()
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => ShopSiloExtensions.ReadClusterOptions(Settings(("Shop:Orleans:SiloPort", "eleven"))));

        Assert.Contains("Shop:Orleans", error.Message, StringComparison.Ordinal);
    }
}
