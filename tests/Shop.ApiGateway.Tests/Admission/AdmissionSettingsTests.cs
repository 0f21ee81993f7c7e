using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.ApiGateway.Admission;
using Shop.ApiGateway.Auth;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Admission;

/// <summary>The admission settings are checked at start, and every API route belongs to a route class.</summary>
[Collection(ShopTests.Name)]
public sealed class AdmissionSettingsTests(ShopFixture shop)
{
    [Theory]
    [InlineData("CheckoutPermits", "0")]
    [InlineData("BrowseQueue", "-1")]
    [InlineData("GrainCallDeadlineSeconds", "30")]
    [InlineData("RetryAfterSeconds", "0")]
    public void A_bad_admission_setting_stops_the_start_with_one_line_naming_it(string setting, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{AdmissionOptions.Section}:{setting}"] = value })
            .Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddShopAdmission().BuildServiceProvider();

        // What the host runs first when it starts: the checks of every setting bound with ValidateOnStart.
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"Setting {AdmissionOptions.Section}:{setting} is invalid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Every_api_method_is_admitted_by_a_route_class_or_limited_per_client()
    {
        var known = new[] { AdmissionPolicies.Browse, AdmissionPolicies.Cart, AdmissionPolicies.Checkout, AuthRateLimiting.Policy };
        var methods = shop.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(endpoint => endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc
                && grpc.Method.ServiceName.StartsWith("shop.", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(methods);
        Assert.All(methods, endpoint =>
            Assert.True(known.Contains(endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName),
                $"{endpoint.DisplayName} has no admission policy"));
    }
}
