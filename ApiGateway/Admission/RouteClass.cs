namespace Shop.ApiGateway.Admission;

/// <summary>The classes of routes that are admitted separately, so one cannot take the others' capacity.</summary>
public enum RouteClass
{
    /// <summary>The catalog: products, search, stock.</summary>
    Browse,

    /// <summary>The cart and the profile.</summary>
    Cart,

    /// <summary>Orders: placing them, following them, cancelling them. Degrades last.</summary>
    Checkout,
}
