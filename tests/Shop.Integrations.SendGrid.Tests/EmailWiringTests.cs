using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Grains;
using Shop.Grains.Notifications;

namespace Shop.Integrations.SendGrid.Tests;

/// <summary>The pickup folder is the default; SendGrid needs its key, and a bad one stops the start naming it.</summary>
public sealed class EmailWiringTests
{
    [Fact]
    public void Without_configuration_e_mails_go_to_the_pickup_folder_through_the_templates()
    {
        using var services = Services([]);

        Assert.IsType<PickupFolderEmailSender>(services.GetRequiredService<IEmailSender>());
        Assert.IsType<LiquidEmailRenderer>(services.GetRequiredService<IEmailRenderer>());
    }

    [Fact]
    public void SendGrid_is_used_when_selected()
    {
        using var services = Services(new() { ["Shop:Email:Provider"] = "SendGrid", ["Shop:Email:SendGrid:ApiKey"] = "SG.abc.def" });

        Assert.IsType<SendGridEmailSender>(services.GetRequiredService<IEmailSender>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    public void A_missing_or_malformed_api_key_is_refused_naming_it(string? key)
    {
        using var services = Services(new() { ["Shop:Email:Provider"] = "SendGrid", ["Shop:Email:SendGrid:ApiKey"] = key });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SendGridOptions>>().Value);

        Assert.Contains("Shop:Email:SendGrid:ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_stops_the_start_naming_the_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Services(new() { ["Shop:Email:Provider"] = "Fax" }));

        Assert.Contains("Shop:Email:Provider", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddShopGrains(configuration).AddShopEmail(configuration).BuildServiceProvider();
    }
}
