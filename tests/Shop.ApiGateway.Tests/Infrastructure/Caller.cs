namespace Shop.ApiGateway.Tests.Infrastructure;

/// <summary>Who sends a request in a table-driven test.</summary>
public enum Caller
{
    /// <summary>No Authorization header.</summary>
    Anonymous,

    /// <summary>A shopper's access token.</summary>
    Shopper,

    /// <summary>An admin's access token.</summary>
    Admin,
}
