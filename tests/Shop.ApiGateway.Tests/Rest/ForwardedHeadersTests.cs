using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Rest;

/// <summary>
/// Behind a proxy the login limit partitions by the client the proxy names in X-Forwarded-For, but only when the
/// proxy is in Shop:Gateway:ForwardedHeaders:KnownNetworks; anyone else's header is ignored.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly IPAddress TrustedProxy = IPAddress.Parse("10.20.0.7");
    private static readonly IPAddress UntrustedProxy = IPAddress.Parse("192.0.2.50");

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_login_limit()
    {
        await using var app = AppWithOneLoginPerClient();

        var first = await LoginAsync(app, from: TrustedProxy, forwardedFor: "203.0.113.1");
        var otherClient = await LoginAsync(app, from: TrustedProxy, forwardedFor: "203.0.113.2");
        var firstAgain = await LoginAsync(app, from: TrustedProxy, forwardedFor: "203.0.113.1");

        Assert.Equal(StatusCodes.Status401Unauthorized, first);
        Assert.Equal(StatusCodes.Status401Unauthorized, otherClient);
        Assert.Equal(StatusCodes.Status429TooManyRequests, firstAgain);
    }

    [Fact]
    public async Task From_an_untrusted_sender_the_forwarded_header_is_ignored()
    {
        await using var app = AppWithOneLoginPerClient();

        var first = await LoginAsync(app, from: UntrustedProxy, forwardedFor: "203.0.113.1");
        var claimsAnotherClient = await LoginAsync(app, from: UntrustedProxy, forwardedFor: "203.0.113.2");

        Assert.Equal(StatusCodes.Status401Unauthorized, first);
        Assert.Equal(StatusCodes.Status429TooManyRequests, claimsAnotherClient);
    }

    [Fact]
    public async Task The_trusted_proxy_s_client_becomes_the_remote_address()
    {
        await using var app = AppWithOneLoginPerClient();
        IPAddress? seen = null;

        await app.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = TrustedProxy;
            context.Request.Path = "/healthz";
            context.Request.Headers["X-Forwarded-For"] = "198.51.100.9";
            context.Response.OnStarting(() =>
            {
                seen = context.Connection.RemoteIpAddress;
                return Task.CompletedTask;
            });
        });

        Assert.Equal(IPAddress.Parse("198.51.100.9"), seen);
    }

    private static ShopApp AppWithOneLoginPerClient() => new(new Dictionary<string, string?>
    {
        ["Shop:RateLimits:Auth:PermitLimit"] = "1",
        ["Shop:RateLimits:Auth:WindowSeconds"] = "300",
        ["Shop:Gateway:ForwardedHeaders:KnownNetworks:0"] = "10.20.0.0/16",
    });

    private static async Task<int> LoginAsync(ShopApp app, IPAddress from, string forwardedFor)
    {
        var body = Encoding.UTF8.GetBytes("""{"email":"nobody@example.com","password":"whatever-1"}""");
        var context = await app.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = from;
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = "/v1/auth/login";
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = body.Length;
            context.Request.Body = new MemoryStream(body);
        });
        return context.Response.StatusCode;
    }
}
