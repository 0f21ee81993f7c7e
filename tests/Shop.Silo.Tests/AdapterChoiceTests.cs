using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shop.Grains.Catalog;
using Shop.Grains.Notifications;
using Shop.Grains.Payments;
using Shop.Integrations.Search.Lucene;
using Shop.Integrations.SendGrid;
using Shop.Integrations.Stripe;

namespace Shop.Silo.Tests;

/// <summary>Each port gets the one adapter its validated provider setting names; a bad setting stops the start naming it.</summary>
public sealed class AdapterChoiceTests
{
    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Shop:Search:Lucene:InMemory", "true")]);
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }

    private static IHost Silo(params (string Key, string Value)[] settings)
    {
        var builder = Builder(settings);
        builder.AddShopSilo();
        return builder.Build();
    }

    [Fact]
    public void Without_configuration_each_port_has_its_one_embedded_adapter()
    {
        using var host = Silo();

        Assert.IsType<TestPaymentGateway>(Assert.Single(host.Services.GetServices<IPaymentGateway>()));
        Assert.IsType<PickupFolderEmailSender>(Assert.Single(host.Services.GetServices<IEmailSender>()));
        Assert.IsType<LuceneProductSearchIndex>(Assert.Single(host.Services.GetServices<IProductSearchIndex>()));
    }

    [Fact]
    public void The_providers_named_in_configuration_are_the_only_adapters_registered()
    {
        using var host = Silo(
            ("Shop:Payments:Provider", "Stripe"), ("Shop:Payments:Stripe:SecretKey", "sk_test_abc"),
            ("Shop:Email:Provider", "SendGrid"), ("Shop:Email:SendGrid:ApiKey", "SG.abc.def"));

        Assert.IsType<StripePaymentGateway>(Assert.Single(host.Services.GetServices<IPaymentGateway>()));
        Assert.IsType<SendGridEmailSender>(Assert.Single(host.Services.GetServices<IEmailSender>()));
    }

    [Theory]
    [InlineData("Shop:Payments:Provider", "PayPal")]
    [InlineData("Shop:Email:Provider", "Fax")]
    [InlineData("Shop:Search:Provider", "Solr")]
    public void An_unknown_provider_stops_the_start_naming_the_setting(string key, string value)
    {
        var builder = Builder((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => builder.AddShopSilo());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Shop:Saga:ReservationHold", "-00:00:01")]
    [InlineData("Shop:Carts:IdleExpiry", "00:00:10")]
    [InlineData("Shop:Saga:OrderDeadline", "00:00:00")]
    [InlineData("Shop:Search:Lucene:FuzzyAutomataCacheSize", "-1")]
    public void A_bad_setting_fails_the_start_validation_naming_it(string key, string value)
    {
        using var host = Silo((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stripe_without_its_secret_key_fails_the_start_validation_naming_it()
    {
        using var host = Silo(("Shop:Payments:Provider", "Stripe"));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Shop:Payments:Stripe:SecretKey", error.Message, StringComparison.Ordinal);
    }
}
