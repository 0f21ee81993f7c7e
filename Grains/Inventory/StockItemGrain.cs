using Microsoft.Extensions.Logging;
using Shop.Common;
using Shop.Inventory;

namespace Shop.Grains.Inventory;

/// <summary>The stock of one SKU (key = SKU); one activation serialises every change (see <see cref="StockLedger"/>).</summary>
public sealed class StockItemGrain(
    [PersistentState("state", StorageNames.Inventory)] IPersistentState<StockLedger> state,
    ILogger<StockItemGrain> logger) : Grain, IStockItemGrain
{
    private StockLedger Ledger => state.State;

    /// <inheritdoc />
    public Task<StockLevel> GetLevel() => Task.FromResult(Ledger.ToLevel(this.GetPrimaryKeyString()));

    /// <inheritdoc />
    public async Task<StockLevel> SetOnHand(long onHand)
    {
        Catalog.Sku.Validate(this.GetPrimaryKeyString());
        Ledger.SetOnHand(onHand);
        await state.WriteStateAsync();
        return Ledger.ToLevel(this.GetPrimaryKeyString());
    }

    /// <inheritdoc />
    public async Task<StockLevel> Adjust(long delta, string? reason)
    {
        Catalog.Sku.Validate(this.GetPrimaryKeyString());
        Ledger.Adjust(delta);
        await state.WriteStateAsync();
        // The reason is not part of the stock level; the log is the audit trail of adjustments.
        logger.LogInformation("Stock of {Sku} adjusted by {Delta} to {OnHand}: {Reason}", this.GetPrimaryKeyString(), delta, Ledger.OnHand, reason);
        return Ledger.ToLevel(this.GetPrimaryKeyString());
    }

    /// <inheritdoc />
    public async Task SetDiscontinued(bool discontinued)
    {
        if (Ledger.Discontinued == discontinued)
        {
            return;
        }

        Ledger.Discontinued = discontinued;
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task<bool> Reserve(Guid orderId, int quantity)
    {
        var (held, changed) = Ledger.Reserve(orderId, quantity);
        if (changed)
        {
            await state.WriteStateAsync();
        }

        return held;
    }

    /// <inheritdoc />
    public async Task Release(Guid orderId)
    {
        if (Ledger.Release(orderId))
        {
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public async Task<bool> Commit(Guid orderId)
    {
        if (!Ledger.Commit(orderId))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }
}
