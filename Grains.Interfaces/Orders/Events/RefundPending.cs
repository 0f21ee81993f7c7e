using Shop.Common;

namespace Shop.Orders.Events;

/// <summary>
/// The provider refused (or could not be reached for) the refund of a cancelled order's payment; the payment retries it
/// by reminder with backoff and emits PaymentRefunded once it succeeds.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.orders.events.RefundPending")]
public sealed record RefundPending : OrderEvent
{
    /// <summary>The amount still to give back.</summary>
    [Id(0)] public required Money Amount { get; init; }

    /// <summary>How many refund attempts failed so far.</summary>
    [Id(1)] public required int Attempts { get; init; }

    /// <summary>When the next attempt is due.</summary>
    [Id(2)] public required DateTimeOffset NextAttemptAt { get; init; }
}
