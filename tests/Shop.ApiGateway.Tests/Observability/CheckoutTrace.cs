using System.Diagnostics;
using Shop.ApiGateway.Tests.Infrastructure;

namespace Shop.ApiGateway.Tests.Observability;

/// <summary>
/// The scenario both stream providers are held to: one card checkout, sent inside a trace the test starts, comes
/// back as one trace whose tree runs from the gateway's request through every saga participant's handling, each
/// handling parented on the span that published its event, down to the payment call and the confirmation e-mail.
/// </summary>
public sealed class CheckoutTrace
{
    // Each participant's handling a confirmed card checkout goes through; the trace is read once all are exported.
    private static readonly (string Participant, string Event)[] Handlings =
    [
        ("StockReservationGrain", "OrderPlaced"),
        ("PaymentGrain", "StockReserved"),
        ("OrderGrain", "PaymentSucceeded"),
        ("StockReservationGrain", "OrderConfirmed"),
        ("NotificationGrain", "OrderConfirmed"),
    ];

    private readonly Dictionary<ActivitySpanId, Activity> _byId;

    private CheckoutTrace(ActivitySpanId callerSpan, IReadOnlyList<Activity> spans)
    {
        CallerSpan = callerSpan;
        Spans = spans;
        _byId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>The span id the test's client sent in <c>traceparent</c> (not recorded: it is the caller's).</summary>
    public ActivitySpanId CallerSpan { get; }

    /// <summary>Every span of the trace.</summary>
    public IReadOnlyList<Activity> Spans { get; }

    /// <summary>Places a card order inside a new trace and waits until every participant's handling is recorded.</summary>
    public static async Task<CheckoutTrace> RunAsync(ShopFixture shop, SpanRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(recorder);
        var sku = await shop.ProductAsync();
        var shopper = await shop.ShopperAsync();
        using var client = shop.Client();
        await client.AddToCartAsync(shopper, sku);

        var traceId = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();
        var orderId = await client.PlaceOrderAsync(shopper, Requests.Card("tok_visa"),
            new Dictionary<string, string> { ["traceparent"] = $"00-{traceId.ToHexString()}-{callerSpan.ToHexString()}-01" });
        await client.OrderReachingAsync(shopper, orderId, "CONFIRMED");

        var spans = await Eventually.Value(
            () => Task.FromResult(recorder.Trace(traceId)),
            trace => Handlings.All(h => trace.Any(s => IsHandling(s, h.Participant, h.Event))),
            because: $"the trace of order {orderId} to hold every participant's handling");
        return new CheckoutTrace(callerSpan, spans);
    }

    /// <summary>The one span matching <paramref name="match"/>, failing with the trace's outline otherwise.</summary>
    public Activity One(Func<Activity, bool> match, string what)
    {
        var found = Spans.Where(match).ToList();
        Assert.True(found.Count == 1, $"Expected one span {what}, found {found.Count} in:\n{Outline()}");
        return found[0];
    }

    /// <summary>The span of <paramref name="participant"/> handling <paramref name="orderEvent"/>.</summary>
    public Activity Handling(string participant, string orderEvent) =>
        One(s => IsHandling(s, participant, orderEvent), $"of {participant} handling {orderEvent}");

    /// <summary>The span's parent within the trace; fails when the parent was not recorded.</summary>
    public Activity Parent(Activity span)
    {
        ArgumentNullException.ThrowIfNull(span);
        Assert.True(_byId.TryGetValue(span.ParentSpanId, out var parent), $"The parent of {span.DisplayName} is not in the trace:\n{Outline()}");
        return parent;
    }

    /// <summary>Whether <paramref name="ancestor"/> is above <paramref name="span"/> in the tree.</summary>
    public bool Descends(Activity span, Activity ancestor)
    {
        ArgumentNullException.ThrowIfNull(span);
        ArgumentNullException.ThrowIfNull(ancestor);
        for (var current = span; _byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Asserts that <paramref name="handling"/> is a consumer span whose parent is the producer span of its event,
    /// and that the producer descends from <paramref name="emitter"/>, the step that emitted the event.
    /// </summary>
    public void AssertHandledAfter(Activity handling, Activity emitter)
    {
        ArgumentNullException.ThrowIfNull(handling);
        ArgumentNullException.ThrowIfNull(emitter);
        var producer = Parent(handling);
        Assert.Equal(ActivityKind.Consumer, handling.Kind);
        Assert.Equal(ActivityKind.Producer, producer.Kind);
        Assert.Equal($"publish {handling.GetTagItem("shop.saga.event")}", producer.DisplayName);
        Assert.True(Descends(producer, emitter), $"{producer.DisplayName} does not descend from {emitter.DisplayName}:\n{Outline()}");
    }

    /// <summary>The trace as an indented tree, for failure messages.</summary>
    public string Outline()
    {
        var children = Spans.ToLookup(s => s.ParentSpanId);
        var lines = new List<string>();
        void Walk(Activity span, int depth)
        {
            lines.Add($"{new string(' ', depth * 2)}{span.DisplayName} [{span.Kind}, {span.Source.Name}]");
            foreach (var child in children[span.SpanId].OrderBy(c => c.StartTimeUtc))
            {
                Walk(child, depth + 1);
            }
        }

        foreach (var root in Spans.Where(s => !_byId.ContainsKey(s.ParentSpanId)).OrderBy(s => s.StartTimeUtc))
        {
            Walk(root, 0);
        }

        return string.Join('\n', lines);
    }

    private static bool IsHandling(Activity span, string participant, string orderEvent) =>
        span.GetTagItem("shop.saga.participant") as string == participant && span.GetTagItem("shop.saga.event") as string == orderEvent;
}
