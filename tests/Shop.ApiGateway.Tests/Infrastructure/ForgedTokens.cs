using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Shop.ApiGateway.Tests.Infrastructure;

/// <summary>Hand-made access tokens, right and wrong, for a user id.</summary>
public static class ForgedTokens
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>A token as the gateway would issue it (right key, issuer, audience, lifetime).</summary>
    public static string Valid(Guid userId) => Create(userId);

    /// <summary>Signed with another key.</summary>
    public static string WrongKey(Guid userId) => Create(userId, key: "another-signing-key-0123456789-abcdefghijklmnop");

    /// <summary>Expired an hour ago.</summary>
    public static string Expired(Guid userId) => Create(userId, expires: DateTime.UtcNow.AddHours(-1));

    /// <summary>For another audience.</summary>
    public static string WrongAudience(Guid userId) => Create(userId, audience: "someone-else");

    /// <summary>From another issuer.</summary>
    public static string WrongIssuer(Guid userId) => Create(userId, issuer: "evil");

    /// <summary>Claims an admin role but is unsigned (<c>alg: none</c>).</summary>
    public static string AlgNone(Guid userId)
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return $"{Part("""{"alg":"none","typ":"JWT"}""")}.{Part($$"""{"sub":"{{userId}}","role":"admin","iss":"shop","aud":"shop-api","exp":{{exp}}}""")}.";
    }

    private static string Create(
        Guid userId, string key = ShopApp.SigningKey, string issuer = "shop", string audience = "shop-api", DateTime? expires = null)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(10);
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = exp.AddMinutes(-15),
            NotBefore = exp.AddMinutes(-15),
            Expires = exp,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object> { ["sub"] = userId.ToString(), ["role"] = new[] { "customer" } },
        });
    }
}
