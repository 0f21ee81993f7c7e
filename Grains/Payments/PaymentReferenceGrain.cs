using Shop.Common;
using Shop.Payments;

namespace Shop.Grains.Payments;

/// <summary>Maps a provider's charge reference (key) to its order; written by the payment grain when it learns it.</summary>
public sealed class PaymentReferenceGrain(
    [PersistentState("reference", StorageNames.Payments)] IPersistentState<PaymentReferenceState> state) : Grain, IPaymentReferenceGrain
{
    /// <inheritdoc />
    public async Task Link(Guid orderId)
    {
        if (state.State.OrderId == orderId)
        {
            return;
        }

        state.State.OrderId = orderId;
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<Guid?> GetOrderId() => Task.FromResult(state.State.OrderId);
}
