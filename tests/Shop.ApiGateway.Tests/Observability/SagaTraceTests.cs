namespace Shop.ApiGateway.Tests.Observability;

/// <summary>One checkout is one trace across the saga on memory streams.</summary>
[Collection(ObservedShopTests.Name)]
public sealed class SagaTraceTests(ObservedShopFixture observed)
{
    [Fact]
    public async Task A_checkout_on_memory_streams_is_one_trace_from_the_request_through_every_saga_step()
    {
        var trace = await CheckoutTrace.RunAsync(observed.Shop, observed.App.Spans);

        CheckoutTraceAssertions.AssertSagaTree(trace);
    }
}
