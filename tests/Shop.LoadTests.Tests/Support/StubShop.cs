using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shop.LoadTests.Tests.Support;

/// <summary>
/// A real HTTP server (Kestrel on a free loopback port) that answers as the test says: the shop's side of the
/// preparation requests, refusals with Retry-After included, without the shop. Records what it was asked.
/// </summary>
public sealed class StubShop : IAsyncDisposable
{
    private readonly WebApplication app;

    private StubShop(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>Where it listens.</summary>
    public Uri Address { get; }

    /// <summary>Every request as "METHOD /path", in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Starts a server answering with <paramref name="answer"/>.</summary>
    public static async Task<StubShop> StartAsync(Func<HttpContext, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        StubShop? stub = null;
        app.Run(async context =>
        {
            stub!.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            await answer(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub = new StubShop(app, new Uri(address + "/"));
        return stub;
    }

    /// <summary>Answers <paramref name="status"/> with a JSON body.</summary>
    public static Task Json(HttpContext context, int status, string json, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(json);
    }

    /// <summary>A 429 with <c>Retry-After: seconds</c>, as the shop's auth limiter answers.</summary>
    public static Task TooManyRequests(HttpContext context, int seconds)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Json(context, 429, """{"title":"Too many requests"}""", "application/problem+json");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
