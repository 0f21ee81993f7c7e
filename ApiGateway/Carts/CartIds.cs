using System.Security.Cryptography;

namespace Shop.ApiGateway.Carts;

/// <summary>
/// Cart keys: a user's cart is <c>user-{userId:N}</c> and never comes from the client; a guest cart is
/// <c>guest-</c> + 32 lower-case hex characters, issued by the gateway and sent back in <see cref="Header"/>.
/// </summary>
public static class CartIds
{
    /// <summary>The header that carries a guest cart id (request and response).</summary>
    public const string Header = "X-Cart-Id";

    private const string GuestPrefix = "guest-";

    /// <summary>The cart key of a user.</summary>
    public static string ForUser(Guid userId) => $"user-{userId:N}";

    /// <summary>A new random guest cart id.</summary>
    public static string NewGuest() => GuestPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    /// <summary>Whether <paramref name="value"/> is a guest cart id of exactly the issued form.</summary>
    public static bool IsGuest(string? value) =>
        value is { Length: 38 }
        && value.StartsWith(GuestPrefix, StringComparison.Ordinal)
        && value.AsSpan(GuestPrefix.Length).ContainsAnyExcept(LowerHex) is false;
}
