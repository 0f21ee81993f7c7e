namespace Shop.Common;

/// <summary>Names of the stream provider and namespaces shared by the saga participants (DESIGN.md section 3).</summary>
public static class StreamNames
{
    /// <summary>The stream provider that carries the order saga and catalog changes.</summary>
    public const string Provider = "saga";

    /// <summary>Order saga events; stream key = order id.</summary>
    public const string OrderNamespace = "order";

    /// <summary>User lifecycle events (registration); stream key = user id.</summary>
    public const string UserNamespace = "user";

    /// <summary>Product changes; stream key = <see cref="CatalogStreamKey"/>.</summary>
    public const string CatalogNamespace = "catalog";

    /// <summary>All product changes go to one stream so the index sees them in order.</summary>
    public static readonly Guid CatalogStreamKey = new("5b1f5c8e-0000-4000-8000-00000000ca7a");
}
