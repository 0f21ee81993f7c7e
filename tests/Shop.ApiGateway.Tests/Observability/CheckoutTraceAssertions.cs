using System.Diagnostics;

namespace Shop.ApiGateway.Tests.Observability;

/// <summary>The tree every checkout's trace must have, whichever stream provider carried the saga.</summary>
public static class CheckoutTraceAssertions
{
    /// <summary>Asserts the request -> Place -> reservation -> payment (and its call) -> confirmation -> e-mail tree.</summary>
    public static void AssertSagaTree(CheckoutTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var request = trace.One(
            s => s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.AspNetCore" && s.ParentSpanId == trace.CallerSpan,
            "of the gateway's request, parented on the caller");
        Assert.Equal("POST", request.GetTagItem("http.request.method"));
        var place = trace.One(s => s.Kind == ActivityKind.Server && s.OperationName == "IOrderGrain/Place", "of the order grain's Place");
        Assert.True(trace.Descends(place, request), $"Place does not descend from the request:\n{trace.Outline()}");

        var reserve = trace.Handling("StockReservationGrain", "OrderPlaced");
        trace.AssertHandledAfter(reserve, place);
        var pay = trace.Handling("PaymentGrain", "StockReserved");
        trace.AssertHandledAfter(pay, reserve);
        var charge = trace.One(s => s.DisplayName == "payment charge", "of the payment call");
        Assert.Equal(ActivityKind.Client, charge.Kind);
        Assert.True(trace.Descends(charge, pay), $"The charge does not descend from the payment's handling:\n{trace.Outline()}");
        var confirm = trace.Handling("OrderGrain", "PaymentSucceeded");
        trace.AssertHandledAfter(confirm, pay);
        trace.AssertHandledAfter(trace.Handling("StockReservationGrain", "OrderConfirmed"), confirm);
        trace.AssertHandledAfter(trace.Handling("NotificationGrain", "OrderConfirmed"), confirm);
    }
}
