using System.Text.Json;
using Shop.Catalog;
using Shop.Common;
using Shop.Inventory;
using Shop.Users;

namespace Shop.Silo.Seeding;

/// <summary>
/// Seeds the admin, then the demo catalog, after the silo started, in the background so the host answers liveness at
/// once; <see cref="SeedingProgress"/> (and so <c>/readyz</c>) reports ready only when both are in place. Idempotent and
/// safe when every silo seeds at the same time: the admin's id is derived from the e-mail, existing SKUs are skipped,
/// and "exists already" from a racing silo counts as done. A failure (storage down at start) is retried until it works.
/// </summary>
public sealed partial class DemoSeeder(
    IGrainFactory grains, SeedSettings settings, SeedingProgress progress, TimeProvider time, ILogger<DemoSeeder> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

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
        var delay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SeedOnce();
                progress.Finish();
                return;
            }
            catch (Exception ex) when (ex is ShopException or OrleansException or TimeoutException)
            {
                progress.Report($"Seeding failed ({ex.Message}); retrying.");
                LogSeedingFailed(ex, delay);
            }

            await Task.Delay(delay, time, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, delay.Ticks * 2));
        }
    }

    private async Task SeedOnce()
    {
        // The admin first: it is what an operator uses right after start, the catalog is demo data.
        if (settings is { AdminEmail: { } email, AdminPassword: { } password })
        {
            progress.Report("Seeding the admin.");
            await SeedAdmin(email, password);
        }

        if (settings.DemoCatalog)
        {
            progress.Report("Seeding the demo catalog.");
            var created = 0;
            foreach (var product in LoadCatalog())
            {
                created += await SeedProduct(product) ? 1 : 0;
            }

            LogCatalogSeeded(created);
        }
    }

    private async Task<bool> SeedProduct(DemoProduct product)
    {
        var grain = grains.GetGrain<IProductGrain>(product.Sku);
        if (await grain.GetDetails() is not null)
        {
            return false;
        }

        // Stock before the product: a product exists only with its stock, so a seeding cut short is redone whole.
        // Stock already moved by orders (a product deleted and seeded again) is never reset.
        var stock = grains.GetGrain<IStockItemGrain>(product.Sku);
        if (await stock.GetLevel() is { OnHand: 0, Reserved: 0, Committed: 0 })
        {
            await stock.SetOnHand(product.Stock);
        }

        try
        {
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
            return true;
        }
        catch (ShopException ex) when (ex.Code == "product.exists")
        {
            return false; // Another silo seeded it a moment ago.
        }
    }

    private async Task SeedAdmin(string email, string password)
    {
        var userId = AdminUserId(email);
        var user = grains.GetGrain<IUserGrain>(userId);
        if (await user.GetProfile() is null)
        {
            try
            {
                await user.Register(new NewUser { Email = email, Password = password, Name = "Administrator" });
            }
            catch (ShopException ex) when (ex.Code == "user.exists")
            {
                // Another silo registered it a moment ago.
            }
        }

        await user.GrantRole(Roles.Admin);
        LogAdminSeeded(email, userId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo catalog seeded: {Created} products created.")]
    private partial void LogCatalogSeeded(int created);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin {Email} ready (user {UserId}).")]
    private partial void LogAdminSeeded(string email, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seeding failed; retrying in {Delay}.")]
    private partial void LogSeedingFailed(Exception exception, TimeSpan delay);
}
