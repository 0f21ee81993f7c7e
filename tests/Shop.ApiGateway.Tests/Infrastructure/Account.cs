namespace Shop.ApiGateway.Tests.Infrastructure;

/// <summary>A registered user and their current tokens.</summary>
public sealed record Account(string Email, Guid UserId, TokenResult Tokens)
{
    /// <summary>The access token.</summary>
    public string AccessToken => Tokens.AccessToken;
}
