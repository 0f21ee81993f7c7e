using Shop.Payments;

namespace Shop.Orders;

/// <summary>The customer's request to turn their cart into an order.</summary>
[GenerateSerializer, Immutable, Alias("shop.orders.PlaceOrder")]
public sealed record PlaceOrder
{
    /// <summary>Who orders.</summary>
    [Id(0)] public required Guid UserId { get; init; }

    /// <summary>The cart whose lines become the order (the user's cart).</summary>
    [Id(1)] public required string CartId { get; init; }

    /// <summary>How the order is paid.</summary>
    [Id(2)] public required PaymentMethod PaymentMethod { get; init; }

    /// <summary>The card token or payment method id from the storefront (card payments only).</summary>
    [Id(3)] public string? PaymentToken { get; init; }

    /// <summary>Where to deliver.</summary>
    [Id(4)] public required ShippingAddress ShippingAddress { get; init; }

    // Keeps the card token out of every log and exception message that prints the command.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"UserId = {UserId}, CartId = {CartId}, PaymentMethod = {PaymentMethod}, PaymentToken = {(PaymentToken is null ? "null" : "***")}");
        return true;
    }
}
