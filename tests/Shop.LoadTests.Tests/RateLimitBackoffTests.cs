using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Shop.LoadTests.Api;
using Shop.LoadTests.Preparation;
using Shop.LoadTests.Tests.Support;

namespace Shop.LoadTests.Tests;

/// <summary>
/// Preparation against a server that pushes back: a real HTTP server on a loopback port answers 429/503 with
/// Retry-After; the back-off's clock is fake, so its waits are read, not slept.
/// </summary>
public sealed class RateLimitBackoffTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly List<TimeSpan> waits = [];
    private readonly StringWriter progress = new();
    private StubShop? stub;
    private ShopApi? api;
    private Func<HttpContext, int, Task> answer = (context, _) => StubShop.Json(context, 200, "{}");
    private int requests;

    [Fact]
    public async Task A_429_is_retried_after_the_seconds_its_Retry_After_gives()
    {
        answer = (context, n) => n < 2 ? StubShop.TooManyRequests(context, 7) : StubShop.Json(context, 201, "{}");
        var backoff = Backoff(TimeSpan.FromMinutes(2));

        var response = await SendAsync(backoff, new PreparationStep("registering shoppers", 1));

        Assert.Equal(201, response.Status);
        Assert.Equal(3, stub!.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], waits);
        Assert.Contains("registering shoppers: HTTP 429", progress.ToString(), StringComparison.Ordinal);
        Assert.Contains("waiting 7 s as Retry-After asks", progress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Retry_After_date_is_read_against_the_answers_own_Date()
    {
        var serverNow = new DateTimeOffset(2031, 1, 1, 8, 0, 0, TimeSpan.Zero);
        answer = async (context, n) =>
        {
            if (n > 0)
            {
                await StubShop.Json(context, 200, "{}");
                return;
            }

            context.Response.Headers.Date = serverNow.ToString("R");
            context.Response.Headers.RetryAfter = serverNow.AddSeconds(42).ToString("R");
            await StubShop.Json(context, 503, """{"title":"Service unavailable"}""", "application/problem+json");
        };

        var response = await SendAsync(Backoff(TimeSpan.FromMinutes(2)), new PreparationStep("opening guest carts", 1));

        Assert.Equal(200, response.Status);
        Assert.Equal([TimeSpan.FromSeconds(42)], waits);
    }

    [Fact]
    public async Task Without_Retry_After_the_waits_double_from_one_second()
    {
        answer = (context, n) => n < 3 ? StubShop.Json(context, 503, "{}") : StubShop.Json(context, 200, "{}");

        await SendAsync(Backoff(TimeSpan.FromMinutes(2)), new PreparationStep("reading product X", 1));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], waits);
    }

    [Fact]
    public async Task A_refusal_longer_than_the_budget_stops_at_once_naming_the_shop_setting_to_raise()
    {
        answer = (context, _) => StubShop.TooManyRequests(context, 60);

        var failure = await Assert.ThrowsAsync<PreparationFailedException>(() =>
            SendAsync(Backoff(TimeSpan.FromSeconds(30)), new PreparationStep("registering shoppers", 200)));

        Assert.Equal(PreparationFailure.RateLimited, failure.Kind);
        Assert.Empty(waits);
        Assert.Contains("Shop__RateLimits__Auth__PermitLimit=1000000", failure.Message, StringComparison.Ordinal);
        Assert.Contains("--prepare-timeout", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public async Task A_pace_too_slow_to_finish_within_the_budget_stops_at_the_first_refusal()
    {
        // The shop's default auth limit: 20 per 60 s window per address; 200 shoppers would need about 10 windows.
        answer = (context, n) => n < 20 ? StubShop.Json(context, 201, """{"accessToken":"t"}""") : StubShop.TooManyRequests(context, 60);
        var backoff = Backoff(TimeSpan.FromMinutes(2));
        var step = new PreparationStep("registering shoppers", 200);

        var failure = await Assert.ThrowsAsync<PreparationFailedException>(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await SendAsync(backoff, step);
            }
        });

        Assert.Equal(PreparationFailure.RateLimited, failure.Kind);
        Assert.Empty(waits);
        Assert.Equal(20, step.Done);
        Assert.Contains("20/200 done", failure.Message, StringComparison.Ordinal);
        Assert.Contains("about 20 per 60 s", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_requests_refused_in_one_window_wait_it_out_together_and_all_succeed()
    {
        // 5 permits, then the other 11 requests are refused once with Retry-After 10, then everything is let through.
        var refused = 0;
        answer = (context, n) => n < 5 || Interlocked.Increment(ref refused) > 11
            ? StubShop.Json(context, 201, "{}")
            : StubShop.TooManyRequests(context, 10);
        var held = 0;
        var windowOver = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var backoff = new RateLimitBackoff(progress, TimeSpan.FromMinutes(5), clock, (_, _) =>
        {
            Interlocked.Increment(ref held);
            return windowOver.Task;
        });
        var step = new PreparationStep("registering shoppers", 16);

        var preparing = Parallel.ForAsync(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
            Assert.Equal(201, (await backoff.SendAsync(step, c => api!.SendAsync(HttpMethod.Post, "/v1/auth/register", "{}", cancellationToken: c), ct)).Status));
        await PollAsync(() => Volatile.Read(ref held) == 11);
        clock.Advance(TimeSpan.FromSeconds(10));
        windowOver.SetResult();
        await preparing;

        Assert.Equal(16, step.Done);
        Assert.Equal(27, stub!.Requests.Count);
        Assert.Single(progress.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(TimeSpan.FromSeconds(10), backoff.Waited);
    }

    [Fact]
    public async Task Other_errors_are_answered_at_once_without_retrying()
    {
        answer = (context, _) => StubShop.Json(context, 409, """{"title":"Conflict","detail":"e-mail taken"}""", "application/problem+json");

        var response = await SendAsync(Backoff(TimeSpan.FromMinutes(2)), new PreparationStep("registering shoppers", 1));

        Assert.Equal(409, response.Status);
        Assert.Single(stub!.Requests);
        Assert.Empty(waits);
        Assert.Equal("Conflict: e-mail taken", response.Explanation());
    }

    [Fact]
    public async Task Cancelling_stops_the_wait()
    {
        answer = (context, _) => StubShop.TooManyRequests(context, 30);
        var backoff = new RateLimitBackoff(progress, TimeSpan.FromMinutes(5), clock, (wait, ct) => Task.Delay(Timeout.InfiniteTimeSpan, ct));
        using var cancel = new CancellationTokenSource();

        var sending = backoff.SendAsync(new PreparationStep("registering shoppers", 1), ct => api!.GetAsync("/v1/auth/register", cancellationToken: ct), cancel.Token);
        await PollAsync(() => progress.ToString().Contains("waiting 30 s", StringComparison.Ordinal));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }

    [Theory]
    [InlineData(100, 20, 60, 7, 7 + (4 * 60))]
    [InlineData(10, 20, 60, 7, 7)]
    [InlineData(50, 0, 60, 7, 7)]
    public void The_estimate_is_this_wait_then_a_window_per_further_batch(int remaining, int granted, int window, int wait, int expected) =>
        Assert.Equal(TimeSpan.FromSeconds(expected), RateLimitBackoff.Estimate(remaining, granted, TimeSpan.FromSeconds(window), TimeSpan.FromSeconds(wait)));

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        stub = await StubShop.StartAsync(context => answer(context, Interlocked.Increment(ref requests) - 1));
        api = new ShopApi(stub.Address);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        api?.Dispose();
        if (stub is not null)
        {
            await stub.DisposeAsync();
        }

        progress.Dispose();
    }

    private RateLimitBackoff Backoff(TimeSpan budget) => new(progress, budget, clock, (wait, _) =>
    {
        lock (waits)
        {
            waits.Add(wait);
            clock.Advance(wait);
        }

        return Task.CompletedTask;
    });

    private Task<ApiResponse> SendAsync(RateLimitBackoff backoff, PreparationStep step) =>
        backoff.SendAsync(step, ct => api!.SendAsync(HttpMethod.Post, "/v1/auth/register", "{}", cancellationToken: ct), CancellationToken.None);

    private static async Task PollAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
