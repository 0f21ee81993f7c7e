using Shop.Carts;
using Shop.Catalog;
using Shop.Common;
using Shop.Inventory;
using Shop.Orders;
using Shop.Payments;
using Shop.Users;

namespace Shop.Grains.Tests.Support;

/// <summary>Drives a Shop cluster the way the gateway does: test data builders and the common steps of the scenarios.</summary>
public sealed class ShopDriver(IGrainFactory grains)
{
    /// <summary>The grain factory.</summary>
    public IGrainFactory Grains => grains;

    /// <summary>A valid shipping address.</summary>
    public static ShippingAddress Address() =>
        new() { Name = "Ada Lovelace", Line1 = "Hauptstrasse 1", City = "Berlin", PostalCode = "10115", Country = "DE" };

    /// <summary>A unique SKU.</summary>
    public static string NewSku(string prefix = "T") => $"{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>A product draft.</summary>
    public static ProductDraft Draft(string name = "Test Lamp", long priceMinor = 1999, string category = "home", bool published = true) =>
        new() { Name = name, Price = new Money(priceMinor, "EUR"), Category = category, Published = published };

    /// <summary>Creates a published product with stock and returns its SKU.</summary>
    public async Task<string> Product(long stock, long priceMinor = 1999)
    {
        var sku = NewSku();
        await grains.GetGrain<IProductGrain>(sku).Create(Draft(priceMinor: priceMinor));
        await grains.GetGrain<IStockItemGrain>(sku).SetOnHand(stock);
        return sku;
    }

    /// <summary>Registers a user with a unique e-mail; returns id and e-mail.</summary>
    public async Task<(Guid UserId, string Email)> User(string password = "correct horse battery")
    {
        var userId = Guid.NewGuid();
        var email = $"u{userId:N}@example.com";
        await grains.GetGrain<IUserGrain>(userId).Register(new NewUser { Email = email, Password = password, Name = "Test User" });
        return (userId, email);
    }

    /// <summary>Puts units of a SKU in the user's cart.</summary>
    public Task<CartView> Fill(Guid userId, string sku, int quantity) =>
        grains.GetGrain<ICartGrain>(userId.ToString()).AddLine(sku, quantity);

    /// <summary>Places an order from the user's cart.</summary>
    public Task<OrderView> Place(Guid orderId, Guid userId, PaymentMethod method = PaymentMethod.CashOnDelivery, string? token = null) =>
        grains.GetGrain<IOrderGrain>(orderId).Place(new PlaceOrder
        {
            UserId = userId,
            CartId = userId.ToString(),
            PaymentMethod = method,
            PaymentToken = token,
            ShippingAddress = Address(),
        });

    /// <summary>Fills a cart with one unit of <paramref name="sku"/> and places an order; returns the order id.</summary>
    public async Task<Guid> Checkout(Guid userId, string sku, int quantity = 1, PaymentMethod method = PaymentMethod.CashOnDelivery, string? token = null)
    {
        await Fill(userId, sku, quantity);
        var orderId = Guid.NewGuid();
        await Place(orderId, userId, method, token);
        return orderId;
    }

    /// <summary>Waits until the order is in <paramref name="status"/> and returns it.</summary>
    public Task<OrderView> Reaches(Guid orderId, OrderStatus status) =>
        Eventually.Value(
            async () => (await grains.GetGrain<IOrderGrain>(orderId).GetOrder())!,
            o => o is not null && o.Status == status,
            because: $"order {orderId} never reached {status}");

    /// <summary>Waits until the order's stock reservation is in <paramref name="status"/>.</summary>
    public Task ReservationReaches(Guid orderId, ReservationStatus status) =>
        Eventually.Until(
            async () => await grains.GetGrain<IStockReservationGrain>(orderId).GetStatus() == status,
            because: $"the reservation of {orderId} never reached {status}");

    /// <summary>The stock level of a SKU.</summary>
    public Task<StockLevel> Level(string sku) => grains.GetGrain<IStockItemGrain>(sku).GetLevel();
}
