using System.Collections.Concurrent;
using Shop.Grains.Payments;

namespace Shop.Grains.Tests.Support;

/// <summary>
/// The test payment gateway with a gate: a test can hold the charge of one idempotency key in flight (to race a
/// webhook against it), then let it answer, or fail it as a lost response would. Other charges pass straight through.
/// </summary>
public sealed class GatedPaymentGateway(TestPaymentGateway inner) : IPaymentGateway
{
    private readonly ConcurrentDictionary<string, ChargeGate> gates = new(StringComparer.Ordinal);

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
    public Task<RefundResult> Refund(PaymentRefund request, CancellationToken cancellationToken = default) => inner.Refund(request, cancellationToken);
}
