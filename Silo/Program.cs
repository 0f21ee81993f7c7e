using Microsoft.Extensions.Options;
using Shop.ServiceDefaults;
using Shop.Silo;
using Shop.Silo.Storage;
using Shop.Silo.Storage.Health;

try
{
    var builder = WebApplication.CreateBuilder(args);

    // `dotnet run --project Silo -- migrate`: bring PostgreSQL up to date and exit (the silo also does it at start).
    if (args is ["migrate", ..])
    {
        return await MigrateCommand.RunAsync(builder.Configuration);
    }

    builder.AddShopSilo();
    builder.AddShopServiceDefaults("shop-silo").AddShopStorageChecks(builder.Configuration);

    var app = builder.Build();
    app.MapShopDefaultEndpoints();
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    // A wrong setting is the operator's mistake: one line that names it, not a stack trace.
    await Console.Error.WriteLineAsync($"Shop silo: {ex.Message}");
    return 1;
}
