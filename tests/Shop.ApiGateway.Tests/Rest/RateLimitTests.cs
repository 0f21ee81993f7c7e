using System.Net;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Rest;

/// <summary>Login is rate limited per client IP (a shop of its own with a tiny limit).</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Logging_in_too_often_is_429_problem_json_with_retry_after()
    {
        await using var app = new ShopApp(new Dictionary<string, string?>
        {
            ["Shop:RateLimits:Auth:PermitLimit"] = "2",
            ["Shop:RateLimits:Auth:WindowSeconds"] = "300",
        });
        using var client = new ShopClient(app.CreateClient());
        var login = new { email = "nobody@example.com", password = "whatever-1" };

        using var first = await client.SendAsync(HttpMethod.Post, "/v1/auth/login", login);
        using var second = await client.SendAsync(HttpMethod.Post, "/v1/auth/login", login);
        using var third = await client.SendAsync(HttpMethod.Post, "/v1/auth/login", login);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        await ShopClient.ProblemAsync(third, HttpStatusCode.TooManyRequests);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is set");
    }
}
