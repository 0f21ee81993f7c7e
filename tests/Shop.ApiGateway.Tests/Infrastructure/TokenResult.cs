namespace Shop.ApiGateway.Tests.Infrastructure;

/// <summary>The JSON answer of register, login and refresh.</summary>
public sealed record TokenResult(string UserId, string AccessToken, string RefreshToken, int ExpiresIn);
