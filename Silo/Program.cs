using Shop.Silo;
using Shop.Silo.Storage;

var builder = WebApplication.CreateBuilder(args);

// `dotnet run --project Silo -- migrate`: bring PostgreSQL up to date and exit (the silo also does it at start).
if (args is ["migrate", ..])
{
    return await MigrateCommand.RunAsync(builder.Configuration);
}

builder.AddShopSilo();
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/healthz");
await app.RunAsync();
return 0;
