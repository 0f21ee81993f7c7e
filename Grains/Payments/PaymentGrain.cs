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
/// order is cancelled, and voids a payment not yet taken so a late StockReserved charges nothing. Provider events
/// (Stripe webhooks) finish a charge that needed the customer, and are handled once per event id; the grain is not
/// reentrant, so a webhook racing the synchronous charge waits for it and then finds the payment settled.
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
    public async Task<bool> HandleProviderEvent(PaymentProviderEvent providerEvent)
    {
        ArgumentNullException.ThrowIfNull(providerEvent);
        await S.Saga.Flush(publisher);
        if (S.ProviderEvents.Contains(providerEvent.EventId))
        {
            return false;
        }

        if (S.ProviderReference is { } known && !string.Equals(known, providerEvent.ProviderReference, StringComparison.Ordinal))
        {
            logger.LogWarning("Order {OrderId}: provider event {EventId} is about {Reference}, not this payment's charge; ignored.", OrderId, providerEvent.EventId, providerEvent.ProviderReference);
            return false;
        }

        var changed = providerEvent.Kind switch
        {
            PaymentProviderEventKind.Succeeded => await ProviderSucceeded(providerEvent),
            PaymentProviderEventKind.Failed => ProviderFailed(providerEvent),
            PaymentProviderEventKind.Refunded => ProviderRefunded(providerEvent),
            _ => false,
        };
        S.ProviderEvents.Add(providerEvent.EventId);
        await state.WriteStateAsync();
        await S.Saga.Flush(publisher);
        return changed;
    }

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
        if (result.ProviderReference is { } reference)
        {
            await GrainFactory.GetGrain<IPaymentReferenceGrain>(reference).Link(OrderId);
        }

        switch (result.Outcome)
        {
            case ChargeOutcome.Succeeded:
                return Succeed(amount, result.ProviderReference);
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

    private bool Succeed(Money amount, string? reference)
    {
        S.Status = PaymentStatus.Succeeded;
        S.ProviderReference = reference;
        S.Saga.Emit(new PaymentSucceeded { EventId = Guid.NewGuid(), OrderId = OrderId, OccurredAt = clock.GetUtcNow(), Amount = amount, ProviderReference = reference });
        return true;
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
            case PaymentStatus.Succeeded:
                return await RefundTaken();
            case PaymentStatus.NotStarted or PaymentStatus.RequiresAction or PaymentStatus.CashOnDeliveryAccepted:
                S.Status = PaymentStatus.Voided;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Gives back a taken payment of an order that cannot complete; false when the provider refused.</summary>
    private async Task<bool> RefundTaken()
    {
        if (S.Amount is not { } amount || S.ProviderReference is not { } reference)
        {
            return false;
        }

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

        MarkRefunded(amount);
        return true;
    }

    private void MarkRefunded(Money amount)
    {
        S.Status = PaymentStatus.Refunded;
        S.Refunded = amount;
        S.Saga.Emit(new PaymentRefunded { EventId = Guid.NewGuid(), OrderId = OrderId, OccurredAt = clock.GetUtcNow(), Amount = amount });
    }

    /// <summary>
    /// The provider took the money: it finishes a charge that waited for the customer (or whose synchronous answer was
    /// lost); for an order that can no longer complete (declined, or cancelled meanwhile) the money is given back.
    /// </summary>
    private async Task<bool> ProviderSucceeded(PaymentProviderEvent providerEvent)
    {
        var amount = S.Amount ?? providerEvent.Amount;
        switch (S.Status)
        {
            case PaymentStatus.NotStarted or PaymentStatus.RequiresAction when amount is { } taken:
                S.ClientSecret = null;
                return Succeed(taken, providerEvent.ProviderReference);
            case PaymentStatus.Failed or PaymentStatus.Voided:
                logger.LogWarning("Order {OrderId}: the provider took a payment for an order that cannot complete; refunding it.", OrderId);
                S.Status = PaymentStatus.Succeeded;
                S.ProviderReference = providerEvent.ProviderReference;
                S.Amount = amount;
                await RefundTaken();
                return true;
            default:
                return false;
        }
    }

    /// <summary>The charge failed at the provider (e.g. 3-D Secure not passed); a failure after a success is stale.</summary>
    private bool ProviderFailed(PaymentProviderEvent providerEvent)
    {
        if (S.Status is not (PaymentStatus.NotStarted or PaymentStatus.RequiresAction) || !S.Known)
        {
            return false;
        }

        S.ProviderReference = providerEvent.ProviderReference;
        return Fail(providerEvent.FailureReason ?? "payment_failed");
    }

    /// <summary>Money was given back at the provider (our own refund, already recorded, or one made in its dashboard).</summary>
    private bool ProviderRefunded(PaymentProviderEvent providerEvent)
    {
        if (S.Status != PaymentStatus.Succeeded || (providerEvent.Amount ?? S.Amount) is not { } amount)
        {
            return false;
        }

        MarkRefunded(amount);
        return true;
    }
}
