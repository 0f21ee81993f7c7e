using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shop.Common;
using Shop.Grains.Orders;
using Shop.Orders.Events;
using Shop.Payments;

namespace Shop.Grains.Payments;

/// <summary>
/// The payment of one order (key = order id). Charges when the stock is reserved (the order id is the provider's
/// idempotency key and the status is checked first, so it never charges twice), refunds a taken payment when the
/// order is cancelled, and voids a payment not yet taken so a late StockReserved charges nothing.
/// </summary>
[ImplicitStreamSubscription(StreamNames.OrderNamespace)]
public sealed class PaymentGrain(
    [PersistentState("state", StorageNames.Payments)] IPersistentState<PaymentState> state,
    ISagaEventPublisher publisher,
    IPaymentGateway gateway,
    [FromKeyedServices(ShopClock.Key)] TimeProvider clock,
    ILogger<PaymentGrain> logger) : SagaParticipantGrain, IPaymentGrain
{
    private PaymentState S => state.State;

    private Guid OrderId => this.GetPrimaryKey();

    /// <inheritdoc />
    public Task<PaymentView?> GetPayment() => Task.FromResult(S.Known ? S.ToView() : null);

    /// <inheritdoc />
    protected override async Task Handle(OrderEvent orderEvent)
    {
        await S.Saga.Flush(publisher);
        if (S.Saga.WasHandled(orderEvent.EventId))
        {
            return;
        }

        var changed = orderEvent switch
        {
            OrderPlaced placed => Remember(placed),
            StockReserved => await Pay(),
            OrderCancelled => await RefundOrVoid(),
            _ => false,
        };
        if (changed)
        {
            S.Saga.MarkHandled(orderEvent.EventId);
            await state.WriteStateAsync();
            await S.Saga.Flush(publisher);
        }
    }

    private bool Remember(OrderPlaced placed)
    {
        if (S.Known)
        {
            return false;
        }

        S.Known = true;
        S.UserId = placed.UserId;
        S.Method = placed.PaymentMethod;
        S.Token = placed.PaymentToken;
        S.Amount = placed.Total;
        return true;
    }

    private async Task<bool> Pay()
    {
        if (!S.Known || S.Status != PaymentStatus.NotStarted || S.Amount is not { } amount)
        {
            return false;
        }

        if (S.Method == PaymentMethod.CashOnDelivery)
        {
            S.Status = PaymentStatus.CashOnDeliveryAccepted;
            S.Saga.Emit(new PaymentSucceeded { EventId = Guid.NewGuid(), OrderId = OrderId, OccurredAt = clock.GetUtcNow(), Amount = amount });
            return true;
        }

        if (string.IsNullOrWhiteSpace(S.Token))
        {
            return Fail("payment_method_missing");
        }

        var result = await gateway.Charge(new PaymentCharge
        {
            IdempotencyKey = OrderId.ToString(),
            OrderId = OrderId,
            CustomerId = S.UserId,
            Amount = amount,
            PaymentToken = S.Token,
        });
        S.ProviderReference = result.ProviderReference;
        switch (result.Outcome)
        {
            case ChargeOutcome.Succeeded:
                S.Status = PaymentStatus.Succeeded;
                S.Saga.Emit(new PaymentSucceeded
                {
                    EventId = Guid.NewGuid(),
                    OrderId = OrderId,
                    OccurredAt = clock.GetUtcNow(),
                    Amount = amount,
                    ProviderReference = result.ProviderReference,
                });
                return true;
            case ChargeOutcome.RequiresAction:
                S.Status = PaymentStatus.RequiresAction;
                S.ClientSecret = result.ClientSecret ?? "";
                S.Saga.Emit(new PaymentActionRequired
                {
                    EventId = Guid.NewGuid(),
                    OrderId = OrderId,
                    OccurredAt = clock.GetUtcNow(),
                    ClientSecret = S.ClientSecret,
                });
                return true;
            default:
                return Fail(result.DeclineReason ?? "card_declined");
        }
    }

    private bool Fail(string reason)
    {
        S.Status = PaymentStatus.Failed;
        S.FailureReason = reason;
        S.Saga.Emit(new PaymentFailed { EventId = Guid.NewGuid(), OrderId = OrderId, OccurredAt = clock.GetUtcNow(), Reason = reason });
        return true;
    }

    private async Task<bool> RefundOrVoid()
    {
        switch (S.Status)
        {
            case PaymentStatus.Succeeded when S.Amount is { } amount && S.ProviderReference is { } reference:
                var refund = await gateway.Refund(new PaymentRefund
                {
                    IdempotencyKey = $"refund-{OrderId}",
                    ProviderReference = reference,
                    Amount = amount,
                });
                if (!refund.Succeeded)
                {
                    logger.LogError("Order {OrderId}: refund of {Reference} failed: {Reason}.", OrderId, reference, refund.FailureReason);
                    return false;
                }

                S.Status = PaymentStatus.Refunded;
                S.Refunded = amount;
                S.Saga.Emit(new PaymentRefunded { EventId = Guid.NewGuid(), OrderId = OrderId, OccurredAt = clock.GetUtcNow(), Amount = amount });
                return true;
            case PaymentStatus.NotStarted or PaymentStatus.RequiresAction or PaymentStatus.CashOnDeliveryAccepted:
                S.Status = PaymentStatus.Voided;
                return true;
            default:
                return false;
        }
    }
}
