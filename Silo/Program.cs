using Shop.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddShopSilo();
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/healthz");
app.Run();
