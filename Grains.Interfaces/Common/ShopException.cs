namespace Shop.Common;

/// <summary>
/// A refusal that crosses grain boundaries and reaches the client as a status code and a problem+json body.
/// Grains throw it for anything the caller did wrong or a rule forbids; everything else is a bug.
/// </summary>
[GenerateSerializer, Alias("shop.ShopException")]
public sealed class ShopException : Exception
{
    /// <summary>Creates a refusal.</summary>
    public ShopException(ErrorKind kind, string code, string message)
        : base(message)
    {
        Kind = kind;
        Code = code;
    }

    /// <summary>What kind of refusal this is.</summary>
    [Id(0)]
    public ErrorKind Kind { get; }

    /// <summary>A stable machine-readable code such as <c>stock.insufficient</c> or a field path for validation errors.</summary>
    [Id(1)]
    public string Code { get; }

    /// <summary>A 400: the input is malformed or out of range.</summary>
    public static ShopException Validation(string field, string message) => new(ErrorKind.Validation, field, message);

    /// <summary>A 404.</summary>
    public static ShopException NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    /// <summary>A 409.</summary>
    public static ShopException Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    /// <summary>A 422.</summary>
    public static ShopException BusinessRule(string code, string message) => new(ErrorKind.BusinessRule, code, message);

    /// <summary>A 401.</summary>
    public static ShopException Unauthenticated(string code, string message) => new(ErrorKind.Unauthenticated, code, message);

    /// <summary>A 403.</summary>
    public static ShopException Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);

    /// <summary>A 503: a dependency (database, cache, broker) is down; the same request may succeed later.</summary>
    public static ShopException Unavailable(string code, string message) => new(ErrorKind.Unavailable, code, message);
}
