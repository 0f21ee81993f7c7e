using Shop.Catalog;
using Shop.Common;

namespace Shop.Grains.Catalog;

/// <summary>
/// One SKU shard (key = shard number, see <see cref="CatalogShards"/>): the membership a rebuild enumerates. It is
/// written only when a product is created or deleted, and then only when the membership really changes.
/// </summary>
public sealed class CatalogShardGrain(
    [PersistentState("state", StorageNames.Catalog)] IPersistentState<CatalogShardState> state) : Grain, ICatalogShardGrain
{
    /// <inheritdoc />
    public async Task Add(IReadOnlyCollection<string> skus)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var added = false;
        foreach (var sku in skus)
        {
            added |= state.State.Skus.Add(sku);
        }

        if (added)
        {
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public async Task Remove(string sku)
    {
        if (state.State.Skus.Remove(sku))
        {
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> Skus() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Skus]);
}
