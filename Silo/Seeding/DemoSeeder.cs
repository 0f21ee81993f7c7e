using System.Text.Json;
using Shop.Catalog;
using Shop.Common;
using Shop.Inventory;
using Shop.Users;

namespace Shop.Silo.Seeding;

/// <summary>
/// Loads the demo catalog and the admin after the silo started, in the background so the host answers health
/// checks at once. Idempotent: existing SKUs are skipped; the admin's id is derived from the e-mail.
/// </summary>
public sealed partial class DemoSeeder(IGrainFactory grains, SeedSettings settings, ILogger<DemoSeeder> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The admin's user id for an e-mail address.</summary>
    public static Guid AdminUserId(string email) => NameBasedGuid.Create(NameBasedGuid.UsersNamespace, EmailAddress.Normalize(email));

    /// <summary>The embedded demo catalog.</summary>
    public static IReadOnlyList<DemoProduct> LoadCatalog()
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("Shop.Silo.Seeding.demo-catalog.json")
            ?? throw new InvalidOperationException("The embedded demo catalog is missing.");
        return JsonSerializer.Deserialize<List<DemoProduct>>(stream, Json) ?? [];
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            if (settings.DemoCatalog)
            {
                var created = await Task.WhenAll(LoadCatalog().Select(SeedProduct));
                LogCatalogSeeded(created.Count(c => c));
            }

            if (settings is { AdminEmail: { } email, AdminPassword: { } password })
            {
                await SeedAdmin(email, password);
            }
        }
        catch (Exception ex) when (ex is ShopException or OrleansException or TimeoutException)
        {
            LogSeedingFailed(ex);
        }
    }

    private async Task<bool> SeedProduct(DemoProduct product)
    {
        var grain = grains.GetGrain<IProductGrain>(product.Sku);
        if (await grain.GetDetails() is not null)
        {
            return false;
        }

        await grain.Create(new ProductDraft
        {
            Name = product.Name,
            Description = product.Description,
            Category = product.Category,
            Price = Money.Of(product.PriceMinor, product.Currency),
            Attributes = product.Attributes,
            Images = product.Images,
            Published = true,
        });
        await grains.GetGrain<IStockItemGrain>(product.Sku).SetOnHand(product.Stock);
        return true;
    }

    private async Task SeedAdmin(string email, string password)
    {
        var userId = AdminUserId(email);
        var user = grains.GetGrain<IUserGrain>(userId);
        if (await user.GetProfile() is null)
        {
            await user.Register(new NewUser { Email = email, Password = password, Name = "Administrator" });
        }

        await user.GrantRole(Roles.Admin);
        LogAdminSeeded(email, userId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo catalog seeded: {Created} products created.")]
    private partial void LogCatalogSeeded(int created);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin {Email} ready (user {UserId}).")]
    private partial void LogAdminSeeded(string email, Guid userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seeding failed.")]
    private partial void LogSeedingFailed(Exception exception);
}
