using System.Security.Cryptography;
using System.Text;
using Shop.Common;

namespace Shop.ApiGateway.Orders;

/// <summary>
/// Order ids. With an Idempotency-Key the id is derived from the user and the key (SHA-256 of
/// <c>"{userId:N}:{key}"</c>, first 16 bytes, RFC 9562 version 8 and variant bits), so a retried checkout names the
/// same order; without a key every checkout is a new order.
/// </summary>
public static class OrderIds
{
    /// <summary>The header that carries the idempotency key.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Longest idempotency key accepted.</summary>
    public const int MaxKeyLength = 100;

    /// <summary>The order id for a checkout by <paramref name="userId"/> with an optional idempotency key.</summary>
    public static Guid For(Guid userId, string? idempotencyKey) =>
        idempotencyKey is null ? Guid.NewGuid() : FromKey(userId, ValidKey(idempotencyKey));

    /// <summary>The deterministic order id of a user's idempotency key.</summary>
    public static Guid FromKey(Guid userId, string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{userId:N}:{key}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>An idempotency key of 1 to 100 printable ASCII characters; anything else is a 400.</summary>
    public static string ValidKey(string key) =>
        key is { Length: >= 1 and <= MaxKeyLength } && key.All(c => c is >= '!' and <= '~')
            ? key
            : throw ShopException.Validation(IdempotencyKeyHeader, $"{IdempotencyKeyHeader} must be 1 to {MaxKeyLength} printable ASCII characters.");
}
