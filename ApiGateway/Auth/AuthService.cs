using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Shop.Api.V1;
using Shop.ApiGateway.Carts;
using Shop.ApiGateway.Errors;
using Shop.Carts;
using Shop.Common;
using Shop.Users;

namespace Shop.ApiGateway.Auth;

/// <summary>Registration, login and refresh-token rotation; rate limited per client IP.</summary>
[AllowAnonymous]
[EnableRateLimiting(AuthRateLimiting.Policy)]
public sealed class AuthService(IGrainFactory grains, AccessTokenIssuer tokens) : Api.V1.AuthService.AuthServiceBase
{
    private const string BadCredentials = "The e-mail or password is wrong.";

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<TokenResponse> Register(RegisterRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = Require.Text(request.Email, "email", EmailAddress.MaxLength);
        if (!EmailAddress.IsValid(email))
        {
            throw ShopException.Validation("email", "email is not a valid e-mail address.");
        }

        var user = new NewUser
        {
            Email = email,
            Password = Require.Text(request.Password, "password", 128, min: 8),
            Name = Require.Text(request.Name, "name", 100),
        };
        var guestCart = GuestCartToMerge(context);
        var profile = await grains.GetGrain<IUserGrain>(Guid.NewGuid()).Register(user);
        return await SignInAsync(profile, guestCart);
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<TokenResponse> Login(LoginRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = Require.Text(request.Email, "email", EmailAddress.MaxLength);
        var password = Require.Text(request.Password, "password", 128);
        var guestCart = GuestCartToMerge(context);
        var userId = await grains.GetGrain<IUserEmailGrain>(EmailAddress.Normalize(email)).GetUserId();
        var profile = userId is { } id ? await grains.GetGrain<IUserGrain>(id).CheckPassword(password) : null;
        return profile is null
            ? throw ShopException.Unauthenticated("auth.invalid_credentials", BadCredentials)
            : await SignInAsync(profile, guestCart);
    }

    // Documented in the .proto (the OpenAPI document takes the generated base method\'s comment).
    public override async Task<TokenResponse> Refresh(RefreshRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userId = RefreshTokens.UserIdOf(request.RefreshToken)
            ?? throw ShopException.Unauthenticated("auth.invalid_refresh_token", "The refresh token is not valid.");
        var rotation = await grains.GetGrain<IUserGrain>(userId).RotateRefreshToken(request.RefreshToken);
        if (rotation is not { RefreshToken: { } next, Profile: { } profile })
        {
            throw rotation.ReuseDetected
                ? ShopException.Unauthenticated("auth.refresh_token_reused", "The refresh token was used before; its session is revoked.")
                : ShopException.Unauthenticated("auth.invalid_refresh_token", "The refresh token is not valid.");
        }

        return Tokens(profile, next);
    }

    private async Task<TokenResponse> SignInAsync(UserProfile profile, string? guestCart)
    {
        if (guestCart is not null)
        {
            await grains.GetGrain<ICartGrain>(CartIds.ForUser(profile.UserId)).MergeFrom(guestCart);
        }

        var refresh = await grains.GetGrain<IUserGrain>(profile.UserId).IssueRefreshToken();
        return Tokens(profile, refresh);
    }

    private TokenResponse Tokens(UserProfile profile, string refreshToken) => new()
    {
        UserId = profile.UserId.ToString(),
        AccessToken = tokens.Issue(profile),
        RefreshToken = refreshToken,
        ExpiresIn = tokens.LifetimeSeconds,
        TokenType = "Bearer",
    };

    private static string? GuestCartToMerge(ServerCallContext context) =>
        Caller.Header(context, CartIds.Header) switch
        {
            null => null,
            var id when CartIds.IsGuest(id) => id,
            _ => throw ShopException.Validation("X-Cart-Id", "X-Cart-Id must be a cart id issued by this shop."),
        };
}
