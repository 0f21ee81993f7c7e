namespace Shop.Common;

/// <summary>The logical grain storage names of DESIGN.md section 2; configuration picks a backend for each.</summary>
public static class StorageNames
{
    /// <summary>Products and the catalog index.</summary>
    public const string Catalog = "catalog";

    /// <summary>Stock items and stock reservations.</summary>
    public const string Inventory = "inventory";

    /// <summary>Shopping carts.</summary>
    public const string Carts = "carts";

    /// <summary>Orders and order histories.</summary>
    public const string Orders = "orders";

    /// <summary>Payments.</summary>
    public const string Payments = "payments";

    /// <summary>Users and the e-mail index.</summary>
    public const string Users = "users";

    /// <summary>Sent notifications.</summary>
    public const string Notifications = "notifications";

    /// <summary>Orleans' stream pub/sub state (needed by the stream providers even with implicit subscriptions only).</summary>
    public const string PubSub = "PubSubStore";

    /// <summary>Every storage name above, for wiring.</summary>
    public static readonly IReadOnlyList<string> All = [Catalog, Inventory, Carts, Orders, Payments, Users, Notifications, PubSub];
}
