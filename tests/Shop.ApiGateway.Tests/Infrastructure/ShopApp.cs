using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shop.ApiGateway.Hosting;

namespace Shop.ApiGateway.Tests.Infrastructure;

/// <summary>
/// The whole shop in this process: the gateway with its co-hosted silo on free ports, Development environment,
/// fast password hashing and a known signing key (so tests can forge tokens with the right and wrong keys).
/// The entry point is named by a gateway type: the Silo project also has a public <c>Program</c>.
/// </summary>
public class ShopApp : WebApplicationFactory<GatewayOptions>
{
    /// <summary>The signing key the app is configured with.</summary>
    public const string SigningKey = "test-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    private readonly Dictionary<string, string?> _settings;

    /// <summary>Creates the app; <paramref name="overrides"/> replace or add settings.</summary>
    public ShopApp(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        _settings = new Dictionary<string, string?>
        {
            ["Shop:Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Shop:Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Shop:Orleans:ClusterId"] = clusterId,
            ["Shop:Gateway:GrpcPort"] = "0",
            ["Shop:Auth:SigningKey"] = SigningKey,
            ["Shop:Auth:PasswordHashIterations"] = "1000",
            ["Shop:RateLimits:Auth:PermitLimit"] = "100000",
            ["Shop:Email:PickupFolder"] = Path.Combine(Path.GetTempPath(), "shop-gateway-tests", clusterId),
            ["Shop:Search:Lucene:InMemory"] = "true",
            ["Shop:Payments:Stripe:WebhookSecret"] = StripeEvents.WebhookSecret,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The grains, for arranging state the public API cannot (products, the admin role).</summary>
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>A gRPC channel through the test server (real gRPC framing, HTTP/2 semantics).</summary>
    public GrpcChannel CreateGrpcChannel() =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
