namespace Shop.Inventory;

/// <summary>Where the stock reservation of one order stands.</summary>
public enum ReservationStatus
{
    /// <summary>Nothing reserved yet.</summary>
    None = 0,

    /// <summary>Every line is held.</summary>
    Reserved = 1,

    /// <summary>Some line could not be held; nothing is held.</summary>
    Failed = 2,

    /// <summary>The order was confirmed and the units are sold.</summary>
    Committed = 3,

    /// <summary>The units were given back (order cancelled or reservation expired).</summary>
    Released = 4,
}
