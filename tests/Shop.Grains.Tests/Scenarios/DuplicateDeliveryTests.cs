using Shop.Grains.Tests.Cluster;

namespace Shop.Grains.Tests.Scenarios;

/// <summary>The same scenarios when every event is delivered twice: same outcomes, one charge, consistent stock, one e-mail.</summary>
[Collection(DuplicatingClusterDefinition.Name)]
public sealed class DuplicateDeliveryTests(DuplicatingClusterFixture fixture)
{
    private readonly OrderSagaScenarios scenarios = new(fixture);

    [Fact]
    public Task Cash_on_delivery_order_is_confirmed_and_stock_committed() => scenarios.Cash_on_delivery_order_is_confirmed_and_stock_committed();

    [Fact]
    public Task Card_order_is_charged_once_and_confirmed() => scenarios.Card_order_is_charged_once_and_confirmed();

    [Fact]
    public Task Order_beyond_stock_is_cancelled_as_out_of_stock() => scenarios.Order_beyond_stock_is_cancelled_as_out_of_stock();

    [Fact]
    public Task Declined_card_cancels_the_order_and_restores_stock() => scenarios.Declined_card_cancels_the_order_and_restores_stock();

    [Fact]
    public Task Customer_cancel_while_payment_waits_restores_stock() => scenarios.Customer_cancel_while_payment_waits_restores_stock();

    [Fact]
    public Task Flash_sale_sells_exactly_the_units_in_stock() => scenarios.Flash_sale_sells_exactly_the_units_in_stock();
}
