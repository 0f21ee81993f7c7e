using Shop.ApiGateway.Auth;
using Shop.ApiGateway.Carts;
using Shop.ApiGateway.Catalog;
using Shop.ApiGateway.Errors;
using Shop.ApiGateway.Hosting;
using Shop.ApiGateway.Orders;
using Shop.ApiGateway.Payments;
using Shop.ApiGateway.Storefront;
using Shop.ApiGateway.Users;
using Shop.Silo;
using Shop.Silo.Storage.Health;

var builder = WebApplication.CreateBuilder(args);
var gateway = ShopSiloExtensions.BindAndValidate<GatewayOptions>(builder.Configuration, GatewayOptions.Section);
builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(gateway));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<CatalogGrains>();
builder.ConfigureShopKestrel(gateway);
builder.AddShopOrleans(gateway);
builder.AddShopAuthentication();
builder.AddShopForwardedHeaders();

builder.Services.AddProblemDetails();
builder.Services.AddGrpc(options =>
{
    options.Interceptors.Add<ShopErrorInterceptor>();
    options.MaxReceiveMessageSize = gateway.MaxRequestBodyBytes;
}).AddJsonTranscoding();
builder.Services.AddGrpcReflection();
builder.Services.AddShopOpenApi();
builder.Services.AddShopPayments(builder.Configuration);
builder.Services.AddShopMetrics();
builder.Services.AddHealthChecks()
    .AddCheck<ClusterHealthCheck>("orleans", tags: [ClusterHealthCheck.ReadyTag])
    .AddShopStorageChecks(builder.Configuration);

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
app.MapGrpcService<ProfileService>();
app.MapGrpcService<CatalogService>();
app.MapGrpcService<CartService>();
app.MapGrpcService<OrderService>();
app.MapGrpcReflectionService().AllowAnonymous();
app.MapShopPayments();
app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(ClusterHealthCheck.ReadyTag) }).AllowAnonymous();
app.MapShopOpenApi();
app.MapShopMetrics();
app.MapShopStorefrontFallback();

app.Run();

/// <summary>The gateway's entry point (public for WebApplicationFactory in the tests).</summary>
public partial class Program;
