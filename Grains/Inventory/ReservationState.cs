using Shop.Grains.Orders;
using Shop.Inventory;

namespace Shop.Grains.Inventory;

/// <summary>The persisted state of a stock reservation (one order).</summary>
[GenerateSerializer, Alias("shop.grains.inventory.ReservationState")]
public sealed class ReservationState
{
    /// <summary>Where the reservation stands.</summary>
    [Id(0)] public ReservationStatus Status { get; set; }

    /// <summary>Units per SKU of the order.</summary>
    [Id(1)] public Dictionary<string, int> Lines { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The SKU that could not be held, when the reservation failed.</summary>
    [Id(2)] public string? FailedSku { get; set; }

    /// <summary>Handled events and events to publish.</summary>
    [Id(3)] public SagaOutbox Saga { get; set; } = new();

    /// <summary>Whether ReservationExpired was emitted at least once (the hold ran out and the order was told).</summary>
    [Id(4)] public bool ExpiryReported { get; set; }
}
