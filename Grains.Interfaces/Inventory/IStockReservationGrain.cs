namespace Shop.Inventory;

/// <summary>
/// The saga step that reserves every line of one order (key = order id), all or nothing. It is an implicit
/// subscriber of the order stream; it also releases the hold by reminder when the reservation expires.
/// </summary>
[Alias("shop.inventory.IStockReservationGrain")]
public interface IStockReservationGrain : IGrainWithGuidKey
{
    /// <summary>Where the reservation stands.</summary>
    [Alias("GetStatus")]
    Task<ReservationStatus> GetStatus();
}
