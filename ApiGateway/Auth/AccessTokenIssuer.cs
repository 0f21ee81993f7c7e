using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.Users;

namespace Shop.ApiGateway.Auth;

/// <summary>Issues HS256 access tokens: issuer, audience, <c>sub</c> = user id, one <c>role</c> claim per role.</summary>
public sealed class AccessTokenIssuer(TokenSettings settings, TimeProvider time)
{
    /// <summary>The claim that holds the user id.</summary>
    public const string SubjectClaim = "sub";

    /// <summary>The claim that holds a role.</summary>
    public const string RoleClaim = "role";

    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>Seconds an access token lives.</summary>
    public int LifetimeSeconds => (int)settings.AccessTokenLifetime.TotalSeconds;

    /// <summary>A signed access token for the user.</summary>
    public string Issue(UserProfile user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Options.Issuer,
            Audience = settings.Options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.AccessTokenLifetime,
            SigningCredentials = new SigningCredentials(settings.Key, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [SubjectClaim] = user.UserId.ToString(),
                [RoleClaim] = user.Roles.ToArray(),
                ["name"] = user.Name,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
        };
        return Handler.CreateToken(descriptor);
    }
}
