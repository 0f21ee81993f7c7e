using Shop.Common;

namespace Shop.Payments;

/// <summary>What the payment of a placed order needs to take it: held in the payment's state only, the token until the charge.</summary>
[GenerateSerializer, Immutable, Alias("shop.payments.PaymentOpening")]
public sealed record PaymentOpening
{
    /// <summary>The customer.</summary>
    [Id(0)] public required Guid UserId { get; init; }

    /// <summary>How the order is paid.</summary>
    [Id(1)] public required PaymentMethod Method { get; init; }

    /// <summary>The amount to charge or collect.</summary>
    [Id(2)] public required Money Amount { get; init; }

    /// <summary>The card token (card payments only).</summary>
    [Id(3)] public string? PaymentToken { get; init; }

    // Keeps the card token out of every log and exception message that prints the opening.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"UserId = {UserId}, Method = {Method}, Amount = {Amount}, PaymentToken = {(PaymentToken is null ? "null" : "***")}");
        return true;
    }
}
