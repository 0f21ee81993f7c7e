using Microsoft.Extensions.DependencyInjection;
using Shop.Catalog;
using Shop.Common;
using Shop.Grains.Orders;
using Shop.Inventory;

namespace Shop.Grains.Catalog;

/// <summary>
/// One product (key = SKU), the single source of truth of its data: every change is written to its own record, then
/// published on the catalog stream. A deleted product leaves a tombstone (its last state) so deletes are idempotent and
/// the search index never takes an older version back. Its SKU joins its SKU shard when it is created and leaves it
/// when it is deleted, so an edit writes this record and nothing else.
/// </summary>
public sealed class ProductGrain(
    [PersistentState("state", StorageNames.Catalog)] IPersistentState<ProductState> state,
    ISagaEventPublisher publisher,
    [FromKeyedServices(ShopClock.Key)] TimeProvider clock) : Grain, IProductGrain
{
    private string SkuKey => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public Task<ProductDetails?> GetDetails() => Task.FromResult(state.State.Product);

    /// <inheritdoc />
    public async Task<ProductDetails> Create(ProductDraft draft)
    {
        Sku.Validate(SkuKey);
        ProductRules.Validate(draft);
        if (state.State.Product is not null)
        {
            throw ShopException.Conflict("product.exists", $"A product with SKU {SkuKey} exists already.");
        }

        if (state.State.Deleted is not null)
        {
            // Selling resumes first: a failure here leaves the product deleted and the create can be retried.
            await Stock().SetDiscontinued(false);
        }

        // Registered before the record is written: a failure in between leaves a SKU without a product in its shard,
        // which a rebuild skips, never a product that a rebuild cannot find.
        await Shard().Add([SkuKey]);
        var now = clock.GetUtcNow();
        var version = (state.State.Deleted?.Version ?? 0) + 1;
        state.State.Deleted = null;
        return await Save(WithDraft(new ProductDetails
        {
            Sku = SkuKey,
            Name = draft.Name,
            Price = draft.Price,
            Category = draft.Category,
            Version = version,
            CreatedAt = now,
            UpdatedAt = now,
        }, draft));
    }

    /// <inheritdoc />
    public async Task<ProductDetails> Update(ProductDraft draft)
    {
        ProductRules.Validate(draft);
        var current = Existing();
        return await Save(WithDraft(current, draft) with { Version = current.Version + 1, UpdatedAt = clock.GetUtcNow() });
    }

    /// <inheritdoc />
    public async Task<ProductDetails> SetPublished(bool published)
    {
        var current = Existing();
        if (current.Published == published)
        {
            return current;
        }

        return await Save(current with { Published = published, Version = current.Version + 1, UpdatedAt = clock.GetUtcNow() });
    }

    /// <inheritdoc />
    public async Task Delete()
    {
        if (state.State.Product is { } current)
        {
            state.State.Deleted = current with { Version = current.Version + 1, UpdatedAt = clock.GetUtcNow() };
            state.State.Product = null;
            await state.WriteStateAsync();
        }

        var tombstone = state.State.Deleted ?? throw NotFound();

        // Repeated on every delete, so a retry after a failure half-way completes the deletion.
        await Shard().Remove(SkuKey);
        await Stock().SetDiscontinued(true);
        await publisher.Publish(new ProductChanged
        {
            EventId = Guid.NewGuid(),
            Product = tombstone,
            OccurredAt = tombstone.UpdatedAt,
            Deleted = true,
        });
    }

    private static ProductDetails WithDraft(ProductDetails product, ProductDraft draft) => product with
    {
        Name = draft.Name.Trim(),
        Description = draft.Description ?? "",
        Price = draft.Price,
        Category = draft.Category,
        Attributes = new Dictionary<string, string>(draft.Attributes ?? new Dictionary<string, string>()),
        Images = [.. draft.Images ?? []],
        Published = draft.Published,
    };

    private ProductDetails Existing() => state.State.Product ?? throw NotFound();

    private ShopException NotFound() => ShopException.NotFound("product.not_found", $"No product has SKU {SkuKey}.");

    private ICatalogShardGrain Shard() => GrainFactory.GetGrain<ICatalogShardGrain>(CatalogShards.Of(SkuKey));

    private IStockItemGrain Stock() => GrainFactory.GetGrain<IStockItemGrain>(SkuKey);

    private async Task<ProductDetails> Save(ProductDetails product)
    {
        state.State.Product = product;
        await state.WriteStateAsync();
        await publisher.Publish(new ProductChanged { EventId = Guid.NewGuid(), Product = product, OccurredAt = product.UpdatedAt });
        return product;
    }
}
