using System.Diagnostics;
using Shop.LoadTests.Engine;

namespace Shop.LoadTests.Scenarios;

/// <summary>
/// Shop staff searching orders under a checkout load: 4 of 5 iterations check out (as <see cref="CheckoutScenario"/>),
/// the fifth is an admin's order search (a filter drawn from the admin list's usual ones) or the stuck-orders view.
/// </summary>
public sealed class AdminScenario : Scenario
{
    private static readonly string[] Searches =
    [
        "/v1/admin/orders",
        "/v1/admin/orders?status=CONFIRMED&pageSize=50",
        "/v1/admin/orders?paymentMethod=card&sort=total_desc",
        "/v1/admin/orders?status=CANCELLED&sort=oldest",
        "/v1/admin/orders?minTotal=1000&maxTotal=5000&page=2",
        "/v1/admin/stuck-orders?olderThanSeconds=60",
    ];

    private readonly CheckoutScenario checkout = new();
    private string adminToken = "";
    private long iterations;

    /// <inheritdoc />
    public override string Name => "admin";

    /// <inheritdoc />
    public override double TypicalIterationSeconds => 0.2;

    /// <inheritdoc />
    public override string Target => "no errors; admin order search p99 <= 200 ms beside the checkouts";

    /// <inheritdoc />
    public override async Task PrepareAsync(PreparationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await checkout.PrepareAsync(context);
        adminToken = await context.Shop.AdminTokenAsync(context.CancellationToken);
    }

    /// <inheritdoc />
    public override async Task<Outcome> RunAsync(IterationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A counter over all workers, so exactly one iteration in five searches however the workers share them.
        if (Interlocked.Increment(ref iterations) % 5 != 0)
        {
            return await checkout.RunAsync(context);
        }

        var searching = Stopwatch.GetTimestamp();
        var path = Searches[context.Random.Next(Searches.Length)];
        var response = await context.Api.GetAsync(path, adminToken, cancellationToken: context.CancellationToken);
        context.Step("admin order search", searching);
        return response.Ok ? Outcome.Success : Outcome.Fail("admin order search: " + response.Reason);
    }

    /// <inheritdoc />
    public override Task<IReadOnlyList<Invariant>> VerifyAsync(PreparationContext context) => checkout.VerifyAsync(context);
}
