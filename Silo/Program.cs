using Shop.Silo;
using Shop.Silo.Storage;
using Shop.Silo.Storage.Health;

var builder = WebApplication.CreateBuilder(args);

// `dotnet run --project Silo -- migrate`: bring PostgreSQL up to date and exit (the silo also does it at start).
if (args is ["migrate", ..])
{
    return await MigrateCommand.RunAsync(builder.Configuration);
}

builder.AddShopSilo();
builder.Services.AddHealthChecks().AddShopStorageChecks(builder.Configuration);

var app = builder.Build();
app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(StorageHealthChecks.ReadyTag) });
await app.RunAsync();
return 0;
