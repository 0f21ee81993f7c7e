using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Shop.Grains.Users;

/// <summary>
/// Refresh-token family rules (pure, unit-tested). A token is <c>{userId:N}.{familyId:N}.{32 random bytes base64url}</c>;
/// only its SHA-256 hash is kept. Using the current token rotates it; using an older token of a live family revokes
/// the family; anything else is refused.
/// </summary>
public static class RefreshTokens
{
    /// <summary>Most used-token hashes remembered per family.</summary>
    public const int MaxUsedPerFamily = 100;

    /// <summary>Starts a family and returns its first token; the oldest families beyond <paramref name="maxFamilies"/> are dropped.</summary>
    public static string Issue(List<RefreshTokenFamily> families, Guid userId, DateTimeOffset now, TimeSpan lifetime, int maxFamilies)
    {
        ArgumentNullException.ThrowIfNull(families);
        families.RemoveAll(f => f.Revoked || f.ExpiresAt <= now);
        var family = new RefreshTokenFamily { FamilyId = Guid.NewGuid(), CreatedAt = now, ExpiresAt = now + lifetime };
        var token = NewToken(userId, family.FamilyId);
        family.CurrentHash = HashOf(token);
        families.Add(family);
        while (families.Count > maxFamilies)
        {
            families.Remove(families.MinBy(f => f.CreatedAt)!);
        }

        return token;
    }

    /// <summary>Presents a token: returns the outcome and, when rotated, the new token.</summary>
    public static (RefreshRotationOutcome Outcome, string? Token) Rotate(
        List<RefreshTokenFamily> families, Guid userId, string? presented, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(families);
        if (!TryParse(presented, out var tokenUser, out var familyId) || tokenUser != userId)
        {
            return (RefreshRotationOutcome.Refused, null);
        }

        var family = families.Find(f => f.FamilyId == familyId);
        if (family is null || family.Revoked)
        {
            return (RefreshRotationOutcome.Refused, null);
        }

        var hash = HashOf(presented!);
        if (family.UsedHashes.Contains(hash))
        {
            family.Revoked = true;
            return (RefreshRotationOutcome.ReuseDetected, null);
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(family.CurrentHash))
            || family.ExpiresAt <= now)
        {
            return (RefreshRotationOutcome.Refused, null);
        }

        var next = NewToken(userId, familyId);
        family.UsedHashes.Add(family.CurrentHash);
        if (family.UsedHashes.Count > MaxUsedPerFamily)
        {
            family.UsedHashes.RemoveAt(0);
        }

        family.CurrentHash = HashOf(next);
        family.ExpiresAt = now + lifetime;
        return (RefreshRotationOutcome.Rotated, next);
    }

    /// <summary>The SHA-256 of a token, hex.</summary>
    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Reads the user and family ids of a well-formed token.</summary>
    public static bool TryParse(string? token, out Guid userId, out Guid familyId)
    {
        userId = familyId = Guid.Empty;
        var parts = token?.Split('.');
        return parts is { Length: 3 } && parts[2].Length == 43
            && Guid.TryParseExact(parts[0], "N", out userId) && Guid.TryParseExact(parts[1], "N", out familyId);
    }

    private static string NewToken(Guid userId, Guid familyId) =>
        $"{userId:N}.{familyId:N}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";
}
