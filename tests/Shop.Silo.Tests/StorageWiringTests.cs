using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Persistence;
using Orleans.Storage;
using Shop.Integrations.MongoDB;

namespace Shop.Silo.Tests;

public sealed class StorageWiringTests
{
    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }

    [Theory]
    [InlineData("Shop:Storage:orders", "Postgres", "ConnectionStrings:Postgres")]
    [InlineData("Shop:Storage:Default", "Postgres", "ConnectionStrings:Postgres")]
    [InlineData("Shop:Storage:carts", "Redis", "ConnectionStrings:Redis")]
    [InlineData("Shop:Orleans:Clustering", "AdoNet", "ConnectionStrings:Postgres")]
    public void A_selected_backend_without_its_connection_string_stops_the_start_naming_both_settings(string key, string value, string missing)
    {
        var builder = Builder((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => builder.AddShopSilo());

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_directory_cache_size_setting_sizes_the_silos_grain_directory_cache()
    {
        var builder = Builder(("Shop:Orleans:DirectoryCacheSize", "20000"));
        builder.AddShopSilo();

        using var host = builder.Build();

        Assert.Equal(20_000, host.Services.GetRequiredService<IOptions<Orleans.Configuration.GrainDirectoryOptions>>().Value.CacheSize);
    }

    [Theory]
    [InlineData("carts", "Redis", "localhost,password=hunter2,nosuchoption=1")]
    [InlineData("orders", "Postgres", "Host=db;Password=hunter2;Nonsense Keyword=1")]
    public void A_malformed_connection_string_stops_the_start_without_repeating_it(string storage, string backend, string connectionString)
    {
        var builder = Builder(($"Shop:Storage:{storage}", backend), ($"ConnectionStrings:{backend}", connectionString));

        var error = Assert.Throws<OptionsValidationException>(() => builder.AddShopSilo());

        Assert.Contains($"ConnectionStrings:{backend}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSQL_connections_skip_the_pool_reset_unless_the_operator_chose()
    {
        var chosen = "Host=db;Username=shop;Password=pw;No Reset On Close=false";

        var defaulted = Storage.StorageConnections.WithoutPoolReset("Host=db;Username=shop;Password=pw");

        Assert.True(new Npgsql.NpgsqlConnectionStringBuilder(defaulted).NoResetOnClose);
        Assert.Equal("pw", new Npgsql.NpgsqlConnectionStringBuilder(defaulted).Password);
        Assert.Equal(chosen, Storage.StorageConnections.WithoutPoolReset(chosen));
    }

    [Fact]
    public void Carts_on_Redis_expire_after_the_configured_idle_period_and_other_names_never_do()
    {
        var builder = Builder(
            ("Shop:Storage:Default", "Redis"), ("ConnectionStrings:Redis", "localhost:6379"), ("Shop:Carts:IdleExpiry", "3.00:00:00"));
        builder.AddShopSilo();

        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptionsMonitor<RedisStorageOptions>>();

        Assert.Equal(TimeSpan.FromDays(3), options.Get("carts").EntryExpiry);
        Assert.Null(options.Get("orders").EntryExpiry);
    }

    [Fact]
    public void The_catalog_on_MongoDB_resolves_to_the_MongoDB_grain_storage_with_the_configured_database()
    {
        var builder = Builder(
            ("Shop:Storage:catalog", "MongoDB"),
            ("Shop:Storage:MongoDB:ConnectionString", "mongodb://db:27017"),
            ("Shop:Storage:MongoDB:DatabaseName", "shopcatalog"));
        builder.AddShopSilo();

        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptionsMonitor<MongoDBGrainStorageOptions>>().Get("catalog");

        Assert.IsType<MongoDBGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>("catalog"));
        Assert.IsNotType<MongoDBGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>("orders"));
        Assert.Equal(("mongodb://db:27017", "shopcatalog", "catalog."), (options.ConnectionString, options.DatabaseName, options.CollectionPrefix));
    }

    [Fact]
    public void The_catalog_on_MongoDB_without_a_connection_string_stops_the_start_naming_the_settings()
    {
        var builder = Builder(("Shop:Storage:catalog", "MongoDB"));

        var error = Assert.Throws<OptionsValidationException>(() => builder.AddShopSilo());

        Assert.Contains("Shop:Storage:MongoDB:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("catalog", error.Message, StringComparison.Ordinal);
    }
}
