namespace Shop.ApiGateway.Admission;

/// <summary>The rate-limiting policy names of the route classes, for <c>RequireRateLimiting</c>.</summary>
public static class AdmissionPolicies
{
    /// <summary><see cref="RouteClass.Browse"/>.</summary>
    public const string Browse = "admission-browse";

    /// <summary><see cref="RouteClass.Cart"/>.</summary>
    public const string Cart = "admission-cart";

    /// <summary><see cref="RouteClass.Checkout"/>.</summary>
    public const string Checkout = "admission-checkout";

    /// <summary>The policy name of <paramref name="routeClass"/>.</summary>
    public static string Of(RouteClass routeClass) => routeClass switch
    {
        RouteClass.Browse => Browse,
        RouteClass.Cart => Cart,
        RouteClass.Checkout => Checkout,
        _ => throw new ArgumentOutOfRangeException(nameof(routeClass)),
    };
}
