using System.Collections.Concurrent;

namespace Shop.Grains.Payments;

/// <summary>
/// The built-in development gateway, answering like Stripe's documented test values: <c>tok_visa</c>,
/// <c>pm_card_visa</c>, <c>tok_mastercard</c>, <c>pm_card_mastercard</c> succeed; <c>tok_chargeDeclined</c> and
/// <c>pm_card_chargeDeclined</c> are declined (<c>card_declined</c>); <c>tok_threeDSecure2Required</c> and
/// <c>pm_card_threeDSecure2Required</c> require action; anything else is declined (<c>invalid_payment_method</c>).
/// A singleton: it remembers results per idempotency key in memory.
/// </summary>
public sealed class TestPaymentGateway : IPaymentGateway
{
    private static readonly HashSet<string> Succeeding = new(StringComparer.Ordinal)
    {
        "tok_visa", "pm_card_visa", "tok_mastercard", "pm_card_mastercard",
    };

    private static readonly HashSet<string> Declining = new(StringComparer.Ordinal) { "tok_chargeDeclined", "pm_card_chargeDeclined" };

    private static readonly HashSet<string> NeedingAction = new(StringComparer.Ordinal)
    {
        "tok_threeDSecure2Required", "pm_card_threeDSecure2Required",
    };

    private readonly ConcurrentDictionary<string, ChargeResult> charges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RefundResult> refunds = new(StringComparer.Ordinal);
    // Provider reference -> (amount charged, amount refunded so far), so partial refunds add up as at Stripe.
    private readonly ConcurrentDictionary<string, (long Charged, long Refunded)> refundable = new(StringComparer.Ordinal);
    private readonly Lock refundGate = new();
    private readonly ConcurrentDictionary<string, int> chargeCalls = new(StringComparer.Ordinal);
    private int chargesMade;

    /// <summary>How many charges were actually made (repeats of an idempotency key not counted).</summary>
    public int ChargesMade => Volatile.Read(ref chargesMade);

    /// <summary>How many times Charge was called with an idempotency key (repeats included).</summary>
    public int ChargeCalls(string idempotencyKey) => chargeCalls.GetValueOrDefault(idempotencyKey);

    /// <summary>The result recorded for an idempotency key (the order id), if any.</summary>
    public ChargeResult? ChargeFor(string idempotencyKey) => charges.GetValueOrDefault(idempotencyKey);

    /// <summary>
    /// The customer passed 3-D Secure on a charge that required action: it now counts as taken (as Stripe's
    /// PaymentIntent would be), so it can be refunded. Returns the provider reference, or null when nothing waited.
    /// </summary>
    public string? CompleteAction(string idempotencyKey)
    {
        if (!charges.TryGetValue(idempotencyKey, out var charge) || charge.Outcome != ChargeOutcome.RequiresAction)
        {
            return null;
        }

        charges[idempotencyKey] = charge with { Outcome = ChargeOutcome.Succeeded, ClientSecret = null };
        return charge.ProviderReference;
    }

    /// <inheritdoc />
    public Task<ChargeResult> Charge(PaymentCharge request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        chargeCalls.AddOrUpdate(request.IdempotencyKey, 1, (_, calls) => calls + 1);
        return Task.FromResult(charges.GetOrAdd(request.IdempotencyKey, _ =>
        {
            Interlocked.Increment(ref chargesMade);
            var result = Decide(request);
            if (result.ProviderReference is { } reference)
            {
                refundable[reference] = (request.Amount.AmountMinor, 0);
            }

            return result;
        }));
    }

    /// <inheritdoc />
    public Task<RefundResult> Refund(PaymentRefund request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(refunds.GetOrAdd(request.IdempotencyKey, key =>
        {
            var isCharge = charges.Values.Any(c => c.Outcome == ChargeOutcome.Succeeded && c.ProviderReference == request.ProviderReference);
            if (!isCharge)
            {
                return new RefundResult { Succeeded = false, FailureReason = "charge_not_found" };
            }

            lock (refundGate)
            {
                var (charged, refunded) = refundable.GetValueOrDefault(request.ProviderReference);
                if (refunded >= charged)
                {
                    return new RefundResult { Succeeded = false, FailureReason = "charge_already_refunded" };
                }

                if (refunded + request.Amount.AmountMinor > charged)
                {
                    return new RefundResult { Succeeded = false, FailureReason = "amount_too_large" };
                }

                refundable[request.ProviderReference] = (charged, refunded + request.Amount.AmountMinor);
                return new RefundResult { Succeeded = true, ProviderReference = $"re_test_{Guid.NewGuid():N}" };
            }
        }));
    }

    private static ChargeResult Decide(PaymentCharge request)
    {
        var reference = $"pi_test_{request.OrderId:N}";
        if (Succeeding.Contains(request.PaymentToken))
        {
            return new ChargeResult { Outcome = ChargeOutcome.Succeeded, ProviderReference = reference };
        }

        if (NeedingAction.Contains(request.PaymentToken))
        {
            return new ChargeResult
            {
                Outcome = ChargeOutcome.RequiresAction,
                ProviderReference = reference,
                ClientSecret = $"{reference}_secret_{Guid.NewGuid():N}",
            };
        }

        return new ChargeResult
        {
            Outcome = ChargeOutcome.Declined,
            ProviderReference = reference,
            DeclineReason = Declining.Contains(request.PaymentToken) ? "card_declined" : "invalid_payment_method",
        };
    }
}
