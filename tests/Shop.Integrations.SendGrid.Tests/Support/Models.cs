using Shop.Common;
using Shop.Grains.Notifications;
using Shop.Orders;
using Shop.Payments;

namespace Shop.Integrations.SendGrid.Tests.Support;

/// <summary>Template models for a customer, ordinary or hostile.</summary>
public static class Models
{
    /// <summary>A name that is HTML and Liquid markup at once.</summary>
    public const string HostileName = "<script>alert('x')</script> {{ name }} & \"Bob\"";

    /// <summary>Each template with its model for a customer called <paramref name="name"/>.</summary>
    public static IReadOnlyList<(string Template, IReadOnlyDictionary<string, object?> Model)> All(string name) =>
    [
        (EmailTemplates.Welcome, EmailTemplates.WelcomeModel(name, "ada@example.com")),
        (EmailTemplates.OrderConfirmed, EmailTemplates.OrderConfirmedModel(name, Order(name))),
        (EmailTemplates.OrderCancelled, EmailTemplates.OrderCancelledModel(name, Order(name).OrderId, CancellationReason.CancelledByCustomer, new Money(4998, "EUR"))),
    ];

    /// <summary>A confirmed order of two lines shipped to <paramref name="name"/>.</summary>
    public static OrderView Order(string name) => new()
    {
        OrderId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        UserId = Guid.NewGuid(),
        Status = OrderStatus.Confirmed,
        Lines =
        [
            new OrderLine { Sku = "LAMP-1", Name = $"Desk lamp <b>{name}</b>", Quantity = 2, UnitPrice = new Money(1999, "EUR") },
            new OrderLine { Sku = "BULB-9", Name = "Bulb", Quantity = 1, UnitPrice = new Money(1000, "EUR") },
        ],
        Total = new Money(4998, "EUR"),
        PaymentMethod = PaymentMethod.Card,
        ShippingAddress = new ShippingAddress { Name = name, Line1 = "1 Analytical St", City = "London", PostalCode = "N1 9GU", Country = "GB" },
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
