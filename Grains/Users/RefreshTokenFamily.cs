namespace Shop.Grains.Users;

/// <summary>One chain of refresh tokens (one login session): only SHA-256 hashes of tokens are kept.</summary>
[GenerateSerializer, Alias("shop.grains.users.RefreshTokenFamily")]
public sealed class RefreshTokenFamily
{
    /// <summary>The family id (part of every token of the family).</summary>
    [Id(0)] public Guid FamilyId { get; set; }

    /// <summary>Hash of the one token that may be used next.</summary>
    [Id(1)] public string CurrentHash { get; set; } = "";

    /// <summary>Hashes of tokens already used; presenting one again revokes the family.</summary>
    [Id(2)] public List<string> UsedHashes { get; set; } = [];

    /// <summary>When the family started.</summary>
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the current token stops working.</summary>
    [Id(4)] public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Whether the family was revoked (reuse detected).</summary>
    [Id(5)] public bool Revoked { get; set; }
}
