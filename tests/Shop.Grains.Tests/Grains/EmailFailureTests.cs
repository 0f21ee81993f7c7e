using Shop.Grains.Tests.Cluster;
using Shop.Grains.Tests.Support;
using Shop.Inventory;
using Shop.Notifications;
using Shop.Orders;
using Shop.Payments;

namespace Shop.Grains.Tests.Grains;

/// <summary>E-mail failures never block or fail an order; a refusal for good is given up without retrying.</summary>
[Collection(StandardClusterDefinition.Name)]
public sealed class EmailFailureTests(ShopClusterFixture fixture)
{
    private ShopDriver Shop => fixture.Shop;

    [Fact]
    public async Task A_confirmation_refused_by_the_email_service_is_given_up_at_once_and_the_order_is_confirmed()
    {
        var sku = await Shop.Product(stock: 5);
        var (userId, email) = await Shop.User();
        fixture.Emails.RefuseTo(email);

        var orderId = await Shop.Checkout(userId, sku, 1, PaymentMethod.Card, "tok_visa");

        await Shop.Reaches(orderId, OrderStatus.Confirmed);
        await Shop.ReservationReaches(orderId, ReservationStatus.Committed);
        await Eventually.Until(
            () => Task.FromResult(fixture.Emails.Refused.Any(m => m.To == email && m.Subject.Contains(orderId.ToString(), StringComparison.Ordinal))),
            because: "the confirmation is attempted");
        Assert.Single(fixture.Emails.Refused, m => m.Subject.Contains(orderId.ToString(), StringComparison.Ordinal));
        Assert.Empty(await fixture.Grains.GetGrain<INotificationGrain>(orderId).GetSent());
    }

    [Fact]
    public async Task The_cancellation_of_an_order_paid_meanwhile_names_the_refund()
    {
        var sku = await Shop.Product(stock: 5, priceMinor: 2750);
        var (userId, email) = await Shop.User();
        await Shop.Fill(userId, sku, 1);
        var orderId = Guid.NewGuid();
        var gate = fixture.Payments.Hold(orderId.ToString());
        await Shop.Place(orderId, userId, PaymentMethod.Card, "tok_visa");
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        await fixture.Grains.GetGrain<IOrderGrain>(orderId).Cancel(userId);
        gate.Open();

        await Eventually.Until(() => Task.FromResult(fixture.Emails.To(email).Any(m => m.Subject.Contains("cancelled", StringComparison.Ordinal))), because: "the cancellation e-mail is sent");
        var cancellation = Assert.Single(fixture.Emails.To(email), m => m.Subject.Contains("cancelled", StringComparison.Ordinal));
        Assert.Contains("you cancelled it", cancellation.TextBody, StringComparison.Ordinal);
        Assert.Contains("We refunded 27.50 EUR", cancellation.TextBody, StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Refunded, (await fixture.Grains.GetGrain<IPaymentGrain>(orderId).GetPayment())?.Status);
    }
}
