using System.Collections.Concurrent;
using Shop.Grains.Payments;

namespace Shop.Grains.Tests.Support;

/// <summary>
/// The test payment gateway with a gate: a test can hold the charge of one idempotency key in flight (to race a
/// webhook against it), then let it answer, or fail it as a lost response would; it can refuse the next refunds of an
/// order as a provider would. Other calls pass straight through.
/// </summary>
public sealed class GatedPaymentGateway(TestPaymentGateway inner) : IPaymentGateway
{
    private readonly ConcurrentDictionary<string, ChargeGate> gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> refusals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> refundCalls = new(StringComparer.Ordinal);

    /// <summary>Refuses the next <paramref name="times"/> refunds of <paramref name="idempotencyKey"/> (<c>refund-{orderId}</c>).</summary>
    public void RefuseRefunds(string idempotencyKey, int times) => refusals[idempotencyKey] = times;

    /// <summary>How many times Refund was called with an idempotency key (refused calls included).</summary>
    public int RefundCalls(string idempotencyKey) => refundCalls.GetValueOrDefault(idempotencyKey);

    /// <summary>Holds the next charge of <paramref name="idempotencyKey"/> until the gate is opened.</summary>
    public ChargeGate Hold(string idempotencyKey) => gates.GetOrAdd(idempotencyKey, _ => new ChargeGate());

    /// <inheritdoc />
    public async Task<ChargeResult> Charge(PaymentCharge request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (gates.TryRemove(request.IdempotencyKey, out var gate))
        {
            // The charge is made at the provider; only its answer is held (or lost).
            var result = await inner.Charge(request, cancellationToken);
            await gate.Pass();
            return result;
        }

        return await inner.Charge(request, cancellationToken);
    }

    /// <inheritdoc />
    public Task<RefundResult> Refund(PaymentRefund request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        refundCalls.AddOrUpdate(request.IdempotencyKey, 1, (_, calls) => calls + 1);
        return refusals.TryGetValue(request.IdempotencyKey, out var left) && left > 0 && refusals.TryUpdate(request.IdempotencyKey, left - 1, left)
            ? Task.FromResult(new RefundResult { Succeeded = false, FailureReason = "processing_error" })
            : inner.Refund(request, cancellationToken);
    }
}
