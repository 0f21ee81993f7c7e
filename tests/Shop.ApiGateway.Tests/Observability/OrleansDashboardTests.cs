using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Shop.ApiGateway.Tests.Infrastructure;
using Shop.ServiceDefaults.Telemetry;

namespace Shop.ApiGateway.Tests.Observability;

/// <summary>The Orleans Dashboard at /dashboard: admins only, and off in Production unless it is configured on.</summary>
[Collection(ShopTests.Name)]
public sealed class OrleansDashboardTests(ShopFixture shop)
{
    // The dashboard's own JSON API, what its page polls.
    private const string Counters = OrleansDashboardOptions.Path + "/DashboardCounters";

    [Fact]
    public async Task An_anonymous_caller_is_refused_the_dashboard_with_401()
    {
        using var client = shop.Client();

        using var response = await client.SendAsync(HttpMethod.Get, Counters);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_shopper_is_refused_the_dashboard_with_403()
    {
        var shopper = await shop.SharedShopperAsync();
        using var client = shop.Client();

        using var response = await client.SendAsync(HttpMethod.Get, Counters, token: shopper.AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_sees_the_dashboard_page_and_the_cluster_s_counters()
    {
        var admin = await shop.SharedAdminAsync();
        using var client = shop.Client();

        using var page = await client.SendAsync(HttpMethod.Get, OrleansDashboardOptions.Path + "/", token: admin.AccessToken);
        var counters = await Eventually.Value(
            () => client.JsonAsync(HttpMethod.Get, Counters, token: admin.AccessToken),
            c => c["totalActiveHostCount"]?.GetValue<int>() >= 1,
            because: "the dashboard to count the co-hosted silo");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.True(counters["totalActivationCount"]?.GetValue<int>() > 0, counters.ToJsonString());
    }

    [Fact]
    public void The_dashboard_is_off_in_Production_unless_configured_on()
    {
        var production = new HostingEnvironment { EnvironmentName = Environments.Production };
        var development = new HostingEnvironment { EnvironmentName = Environments.Development };

        Assert.False(OrleansDashboardOptions.IsOn(Settings(), production));
        Assert.True(OrleansDashboardOptions.IsOn(Settings(("Enabled", "true")), production));
        Assert.True(OrleansDashboardOptions.IsOn(Settings(), development));
        Assert.False(OrleansDashboardOptions.IsOn(Settings(("Enabled", "false")), development));
    }

    [Fact]
    public void A_malformed_dashboard_setting_stops_the_start_naming_it()
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => OrleansDashboardOptions.IsOn(Settings(("Enabled", "sometimes")), new HostingEnvironment { EnvironmentName = Environments.Production }));

        Assert.Contains("Shop:OrleansDashboard:Enabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_with_the_dashboard_off_serves_nothing_there_even_to_an_admin()
    {
        await using var app = new ShopApp(new Dictionary<string, string?> { ["Shop:OrleansDashboard:Enabled"] = "false" });
        var off = new ShopFixture(app);
        var admin = await off.AdminAsync();
        using var client = off.Client();

        using var response = await client.SendAsync(HttpMethod.Get, Counters, token: admin.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"{OrleansDashboardOptions.Section}:{s.Key}", s.Value)))
            .Build();
}
