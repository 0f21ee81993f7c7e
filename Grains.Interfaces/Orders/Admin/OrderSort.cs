namespace Shop.Orders.Admin;

/// <summary>The orders of the shop's order list, in which order.</summary>
public enum OrderSort
{
    /// <summary>Newest placed first.</summary>
    Newest = 0,

    /// <summary>Oldest placed first.</summary>
    Oldest = 1,

    /// <summary>Highest total first.</summary>
    TotalDescending = 2,

    /// <summary>Lowest total first.</summary>
    TotalAscending = 3,

    /// <summary>Longest since the last saga step first (what waits longest).</summary>
    LastStepOldest = 4,
}
