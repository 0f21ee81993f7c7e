using System.Text.Json;
using Shop.Bench.Kestrel;

// The ceiling of bench/run.sh: bare Kestrel answering GET /v1/products/{sku} with the same JSON the shop gives for a
// product, serialised per request by System.Text.Json, with no grains, auth or middleware in between. The product is
// read at start from the file given as the first argument (run.sh saves the shop's own answer there); the address
// comes from ASPNETCORE_URLS.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "product.json";
var product = JsonSerializer.Deserialize<ProductJson>(File.ReadAllText(file), JsonSerializerOptions.Web)
    ?? throw new InvalidOperationException($"{file} holds no product.");
app.MapGet("/v1/products/{sku}", (string sku) => Results.Json(product with { Sku = sku }, JsonSerializerOptions.Web));
app.Run();
