using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Common;
using Shop.Grains.Orders;
using Shop.Orders.Events;
using Shop.Payments;

namespace Shop.Grains.Payments;

/// <summary>
/// The payment of one order (key = order id). The order opens it at placement (the card token is held here only, until
/// the charge); it charges when the stock is reserved (the order id is the provider's idempotency key and the status
/// is checked first, so it never charges twice), and answers a cancellation with PaymentVoided, PaymentRefunded or,
/// when the provider refuses the refund, RefundPending: the refund is then retried by reminder with a doubling, capped
/// wait, counted and logged until it is made. Provider events (Stripe webhooks) finish a charge that needed the
/// customer, and are handled once per event id; the grain is not reentrant, so a webhook racing the synchronous
/// charge waits for it and then finds the payment settled.
/// </summary>
[ImplicitStreamSubscription(StreamNames.OrderNamespace)]
public sealed class PaymentGrain(
    [PersistentState("state", StorageNames.Payments)] IPersistentState<PaymentState> state,
    ISagaEventPublisher publisher,
    SagaEventFactory events,
    IPaymentGateway gateway,
    RefundMetrics metrics,
    IOptions<PaymentsOptions> options,
    [FromKeyedServices(ShopClock.Key)] TimeProvider clock,
    ILogger<PaymentGrain> logger) : SagaParticipantGrain(publisher, events, logger), IPaymentGrain, IRemindable
{
    /// <summary>The name of the reminder that retries a pending refund.</summary>
    public const string RefundReminder = "refund-retry";

    private bool refundReminderStopped;

    private PaymentState S => state.State;

    /// <inheritdoc />
    protected override SagaOutbox Outbox => S.Saga;

    /// <inheritdoc />
    public Task Open(PaymentOpening opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        return Step(eventId: null, () => Task.FromResult(Remember(opening.UserId, opening.Method, opening.Amount, opening.PaymentToken)));
    }

    /// <inheritdoc />
    public Task<PaymentView?> GetPayment() => Task.FromResult(S.Known ? S.ToView() : null);

    /// <inheritdoc />
    public async Task<bool> HandleProviderEvent(PaymentProviderEvent providerEvent)
    {
        ArgumentNullException.ThrowIfNull(providerEvent);
        var changed = false;
        await Step(eventId: null, async () =>
        {
            if (S.ProviderEvents.Contains(providerEvent.EventId))
            {
                return false;
            }

            if (S.ProviderReference is { } known && !string.Equals(known, providerEvent.ProviderReference, StringComparison.Ordinal))
            {
                logger.LogWarning("Order {OrderId}: provider event {EventId} is about {Reference}, not this payment's charge; ignored.", OrderId, providerEvent.EventId, providerEvent.ProviderReference);
                return false;
            }

            changed = providerEvent.Kind switch
            {
                PaymentProviderEventKind.Succeeded => await ProviderSucceeded(providerEvent),
                PaymentProviderEventKind.Failed => ProviderFailed(providerEvent),
                PaymentProviderEventKind.Refunded => ProviderRefunded(providerEvent),
                _ => false,
            };
            S.ProviderEvents.Add(providerEvent.EventId);
            return true;
        });
        return changed;
    }

    /// <inheritdoc />
    public async Task<PaymentView> RefundPart(string refundId, Money amount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refundId);
        await Step(eventId: null, async () =>
        {
            if (S.PartialRefunds.ContainsKey(refundId))
            {
                return false;
            }

            if (S.Method != PaymentMethod.Card || S.ProviderReference is not { } reference
                || S.Status is not (PaymentStatus.Succeeded or PaymentStatus.PartiallyRefunded) || S.Amount is not { } paid)
            {
                throw ShopException.BusinessRule("refund.not_card", $"The payment is {S.Status}; only a taken card payment is refunded through the provider.");
            }

            var before = S.Refunded?.AmountMinor ?? 0;
            if (amount.AmountMinor <= 0 || before + amount.AmountMinor > paid.AmountMinor || amount.Currency != paid.Currency)
            {
                throw ShopException.BusinessRule(
                    "refund.exceeds_paid", $"{amount} is more than is still paid ({new Money(paid.AmountMinor - before, paid.Currency)}).");
            }

            RefundResult result;
            try
            {
                result = await gateway.Refund(new PaymentRefund { IdempotencyKey = $"refund-{OrderId}-{refundId}", ProviderReference = reference, Amount = amount });
            }
            catch (Exception ex) when (ex is not ShopException)
            {
                logger.LogWarning(ex, "Order {OrderId}: the payment provider did not answer the staff refund {RefundId}.", OrderId, refundId);
                throw ShopException.Unavailable("payment.provider_unavailable", "The payment provider did not answer; retry the refund with the same Idempotency-Key.");
            }

            if (!result.Succeeded)
            {
                throw ShopException.BusinessRule("refund.refused", $"The payment provider refused the refund ({result.FailureReason ?? "refused"}).");
            }

            S.PartialRefunds[refundId] = amount;
            S.Refunded = new Money(before + amount.AmountMinor, paid.Currency);
            S.Status = S.Refunded.Value.AmountMinor >= paid.AmountMinor ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
            return true;
        });
        return S.ToView();
    }

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RefundReminder)
        {
            return Task.CompletedTask;
        }

        if (S.Status != PaymentStatus.RefundPending)
        {
            return StopRefundReminder();
        }

        // The reminder's period may tick before the backoff ran out; only a due retry calls the provider.
        return S.NextRefundAt > clock.GetUtcNow() ? Task.CompletedTask : Step(eventId: null, Refund);
    }

    /// <inheritdoc />
    protected override async Task<bool> Handle(OrderEvent orderEvent) => orderEvent switch
    {
        // An order placed before the payment was opened by the order itself (stored events of an earlier version).
        OrderPlaced placed => Remember(placed.UserId, placed.PaymentMethod, placed.Total, token: null),
        StockReserved => await Pay(),
        OrderCancelled => await Close(),
        _ => false,
    };

    /// <inheritdoc />
    protected override Task WriteStateAsync() => state.WriteStateAsync();

    /// <inheritdoc />
    protected override Task AfterStep() =>
        S.Status == PaymentStatus.Refunded && S.RefundAttempts > 0 ? StopRefundReminder() : Task.CompletedTask;

    private bool Remember(Guid userId, PaymentMethod method, Money amount, string? token)
    {
        if (S.Known)
        {
            return false;
        }

        S.Known = true;
        S.UserId = userId;
        S.Method = method;
        S.Token = method == PaymentMethod.Card ? token : null;
        S.Amount = amount;
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
            Emit(new PaymentSucceeded { Amount = amount });
            return true;
        }

        if (string.IsNullOrWhiteSpace(S.Token))
        {
            return Fail("payment_method_missing");
        }

        ChargeResult result;
        using (SagaTracing.StartPaymentCall("charge", OrderId))
        {
            result = await gateway.Charge(new PaymentCharge
            {
                IdempotencyKey = OrderId.ToString(),
                OrderId = OrderId,
                CustomerId = S.UserId,
                Amount = amount,
                PaymentToken = S.Token,
            });
        }

        // The provider answered: the charge is made (or refused) and the token is never needed again.
        S.Token = null;
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
                Emit(new PaymentActionRequired { ClientSecret = S.ClientSecret });
                return true;
            default:
                return Fail(result.DeclineReason ?? "card_declined");
        }
    }

    private bool Succeed(Money amount, string? reference)
    {
        S.Status = PaymentStatus.Succeeded;
        S.ProviderReference = reference;
        Emit(new PaymentSucceeded { Amount = amount, ProviderReference = reference });
        return true;
    }

    private bool Fail(string reason)
    {
        S.Status = PaymentStatus.Failed;
        S.FailureReason = reason;
        Emit(new PaymentFailed { Reason = reason });
        return true;
    }

    /// <summary>
    /// The order was cancelled: give back a taken payment, void one not taken, and always answer with an event so the
    /// customer's e-mail can say what happened to the money.
    /// </summary>
    private async Task<bool> Close()
    {
        switch (S.Status)
        {
            case PaymentStatus.Succeeded when S.Amount is not null && S.ProviderReference is not null:
                return await Refund();
            case PaymentStatus.Refunded when (S.Refunded ?? S.Amount) is { } refunded:
                Emit(new PaymentRefunded { Amount = refunded });
                return true;
            case PaymentStatus.RefundPending when S.Amount is { } amount:
                Emit(new RefundPending { Amount = amount, Attempts = S.RefundAttempts, NextAttemptAt = S.NextRefundAt ?? clock.GetUtcNow() });
                return true;
            case PaymentStatus.NotStarted or PaymentStatus.RequiresAction or PaymentStatus.CashOnDeliveryAccepted:
                S.Status = PaymentStatus.Voided;
                S.Token = null;
                Emit(new PaymentVoided());
                return true;
            default:
                Emit(new PaymentVoided());
                return true;
        }
    }

    /// <summary>Gives back a taken payment; a refusal (or no answer) makes it REFUND_PENDING, retried by reminder.</summary>
    private async Task<bool> Refund()
    {
        if (S.Amount is not { } amount || S.ProviderReference is not { } reference)
        {
            return false;
        }

        RefundResult refund;
        using var span = SagaTracing.StartPaymentCall("refund", OrderId);
        try
        {
            refund = await gateway.Refund(new PaymentRefund { IdempotencyKey = $"refund-{OrderId}", ProviderReference = reference, Amount = amount });
        }
        catch (Exception ex) when (ex is not ShopException)
        {
            logger.LogWarning(ex, "Order {OrderId}: the payment provider did not answer the refund.", OrderId);
            refund = new RefundResult { Succeeded = false, FailureReason = "provider_unavailable" };
        }

        if (refund.Succeeded)
        {
            MarkRefunded(amount);
            return true;
        }

        await RefundRefused(amount, refund.FailureReason ?? "refused");
        return true;
    }

    private async Task RefundRefused(Money amount, string reason)
    {
        var firstFailure = S.Status != PaymentStatus.RefundPending;
        S.Status = PaymentStatus.RefundPending;
        S.RefundAttempts++;
        var wait = options.Value.RefundRetryDelay(S.RefundAttempts);
        S.NextRefundAt = clock.GetUtcNow() + wait;
        await StartReminder(RefundReminder, wait);
        refundReminderStopped = false;
        metrics.AttemptFailed(firstFailure);
        logger.LogWarning(
            "Order {OrderId}: the refund of {Amount} was refused by the payment provider ({Reason}); attempt {Attempt} failed, next try at {NextAttemptAt:O}. The refund stays pending until it is made.",
            OrderId, amount, reason, S.RefundAttempts, S.NextRefundAt);
        if (firstFailure)
        {
            Emit(new RefundPending { Amount = amount, Attempts = S.RefundAttempts, NextAttemptAt = S.NextRefundAt.Value });
        }
    }

    private void MarkRefunded(Money amount)
    {
        if (S.Status == PaymentStatus.RefundPending)
        {
            metrics.PendingRefundMade();
            logger.LogInformation("Order {OrderId}: the pending refund of {Amount} was made after {Attempts} refused attempts.", OrderId, amount, S.RefundAttempts);
        }

        S.Status = PaymentStatus.Refunded;
        S.Refunded = amount;
        S.NextRefundAt = null;
        Emit(new PaymentRefunded { Amount = amount });
    }

    private async Task StopRefundReminder()
    {
        if (!refundReminderStopped)
        {
            await StopReminder(RefundReminder);
            refundReminderStopped = true;
        }
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
                S.Token = null;
                return Succeed(taken, providerEvent.ProviderReference);
            case PaymentStatus.Failed or PaymentStatus.Voided:
                logger.LogWarning("Order {OrderId}: the provider took a payment for an order that cannot complete; refunding it.", OrderId);
                S.Status = PaymentStatus.Succeeded;
                S.ProviderReference = providerEvent.ProviderReference;
                S.Amount = amount;
                await Refund();
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
        if (S.Status is not (PaymentStatus.Succeeded or PaymentStatus.RefundPending) || (providerEvent.Amount ?? S.Amount) is not { } amount)
        {
            return false;
        }

        MarkRefunded(amount);
        return true;
    }
}
