using Microsoft.Extensions.Options;
using Shop.ApiGateway.Admin;
using Shop.ApiGateway.Admission;
using Shop.ApiGateway.Auth;
using Shop.ApiGateway.Carts;
using Shop.ApiGateway.Catalog;
using Shop.ApiGateway.Errors;
using Shop.ApiGateway.Hosting;
using Shop.ApiGateway.Orders;
using Shop.ApiGateway.Payments;
using Shop.ApiGateway.Storefront;
using Shop.ApiGateway.Users;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Configuration;
using Shop.ServiceDefaults.Errors;

try
{
    var builder = WebApplication.CreateBuilder(args);
    var gateway = ShopOptions.Read<GatewayOptions>(builder.Configuration, GatewayOptions.Section);
    builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(gateway));
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddSingleton<CatalogGrains>();
    builder.Services.AddSingleton<DependencyOutage>();
    builder.ConfigureShopKestrel(gateway);
    builder.AddShopOrleans(gateway);
    builder.AddShopAuthentication();
    builder.AddShopForwardedHeaders();
    builder.Services.AddShopAdmission();

    builder.Services.AddProblemDetails(ProblemTraceId.Configure);
    builder.Services.AddGrpc(options =>
    {
        options.Interceptors.Add<ShopErrorInterceptor>();
        options.MaxReceiveMessageSize = gateway.MaxRequestBodyBytes;
    }).AddJsonTranscoding();
    builder.Services.AddGrpcReflection();
    builder.Services.AddShopOpenApi();
    builder.Services.AddShopPayments();
    builder.Services.AddShopAdmin();
    builder.AddShopServiceDefaults("shop-gateway").AddCheck<ClusterHealthCheck>("orleans", tags: [ClusterHealthCheck.ReadyTag]);

    var app = builder.Build();

    app.UseShopForwardedHeaders();

    app.UseMiddleware<ProblemJsonMiddleware>();
    app.UseMiddleware<BodySizeLimitMiddleware>();
    app.UseShopStorefrontFiles();
    app.UseRouting();
    app.UseRateLimiter();
    app.UseAuthentication();
    app.UseMiddleware<RejectInvalidTokenMiddleware>();
    app.UseAuthorization();

    app.MapGrpcService<AuthService>();
    // Each route class is admitted on its own permits (AdmissionOptions); auth has its per-client limit instead.
    app.MapGrpcService<ProfileService>().RequireRateLimiting(AdmissionPolicies.Cart);
    app.MapGrpcService<CatalogService>().RequireRateLimiting(AdmissionPolicies.Browse);
    app.MapGrpcService<CartService>().RequireRateLimiting(AdmissionPolicies.Cart);
    app.MapGrpcService<OrderService>().RequireRateLimiting(AdmissionPolicies.Checkout);
    app.MapShopAdmin();
    app.MapGrpcReflectionService().AllowAnonymous();
    app.MapShopPayments();
    app.MapShopOpenApi();
    app.MapShopDefaultEndpoints();
    app.MapShopOrleansDashboard();
    app.MapShopStorefrontFallback();

    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    // A wrong setting is the operator's mistake: one line that names it, not a stack trace.
    await Console.Error.WriteLineAsync($"Shop gateway: {ex.Message}");
    return 1;
}

/// <summary>The gateway's entry point (public for WebApplicationFactory in the tests).</summary>
public partial class Program;
