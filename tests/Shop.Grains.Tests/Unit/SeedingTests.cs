using Microsoft.Extensions.Configuration;
using Shop.Grains.Catalog;
using Shop.Silo.Seeding;

namespace Shop.Grains.Tests.Unit;

public sealed class SeedingTests
{
    private static SeedSettings Settings(bool development, Dictionary<string, string?>? settings = null) =>
        SeedSettings.From(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build(), development);

    [Fact]
    public void The_demo_catalog_has_at_least_30_valid_products_in_5_categories()
    {
        var catalog = DemoSeeder.LoadCatalog();

        Assert.True(catalog.Count >= 30);
        Assert.True(catalog.Select(p => p.Category).Distinct().Count() >= 5);
        Assert.Equal(catalog.Count, catalog.Select(p => p.Sku).Distinct().Count());
        Assert.All(catalog, p =>
        {
            Assert.True(Sku.IsValid(p.Sku));
            Assert.InRange(p.Stock, 5, 200);
            Assert.Equal("EUR", p.Currency);
            Assert.True(p.PriceMinor > 0);
        });
    }

    [Fact]
    public void Development_seeds_the_catalog_and_the_default_admin()
    {
        var settings = Settings(development: true);

        Assert.True(settings.DemoCatalog);
        Assert.Equal((SeedSettings.DevelopmentAdminEmail, SeedSettings.DevelopmentAdminPassword), (settings.AdminEmail, settings.AdminPassword));
    }

    [Fact]
    public void Elsewhere_nothing_is_seeded_by_default_and_no_default_password_is_used()
    {
        var settings = Settings(development: false, new() { ["Shop:Admin:Email"] = "ops@example.com" });

        Assert.False(settings.DemoCatalog);
        Assert.Null(settings.AdminEmail);
        Assert.Null(settings.AdminPassword);
    }

    [Fact]
    public void Elsewhere_the_admin_is_seeded_when_both_settings_are_given()
    {
        var settings = Settings(false, new() { ["Shop:Admin:Email"] = "ops@example.com", ["Shop:Admin:Password"] = "Secret-Pass-123", ["Shop:Seed:Demo"] = "true" });

        Assert.True(settings.DemoCatalog);
        Assert.Equal(("ops@example.com", "Secret-Pass-123"), (settings.AdminEmail, settings.AdminPassword));
    }

    [Fact]
    public void A_malformed_demo_flag_stops_the_start_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Settings(false, new() { ["Shop:Seed:Demo"] = "yes please" }));

        Assert.Contains("Shop:Seed:Demo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_admin_id_is_deterministic_per_normalised_email()
    {
        var id = DemoSeeder.AdminUserId("Admin@Shop.Local ");

        Assert.Equal(id, DemoSeeder.AdminUserId("admin@shop.local"));
        Assert.NotEqual(id, DemoSeeder.AdminUserId("other@shop.local"));
        Assert.Equal(5, id.Version);
    }
}
