using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Shop.Carts;
using Shop.Catalog;
using Shop.Common;
using Shop.Grains.Catalog;

namespace Shop.Grains.Carts;

/// <summary>A shopping cart (key = user id or guest cart id); idle longer than <see cref="CartOptions.IdleExpiry"/> it reads as empty.</summary>
public sealed class CartGrain(
    [PersistentState("state", StorageNames.Carts)] IPersistentState<CartState> state,
    IOptions<CartOptions> options,
    [FromKeyedServices(ShopClock.Key)] TimeProvider clock) : Grain, ICartGrain
{
    private CartState S => state.State;

    /// <inheritdoc />
    public async Task<CartView> GetCart()
    {
        await ExpireIfIdle();
        return View();
    }

    /// <inheritdoc />
    public async Task<CartView> AddLine(string sku, int quantity)
    {
        Sku.Validate(sku);
        CartLines.ValidateQuantity(quantity);
        var product = await GrainFactory.GetGrain<IProductGrain>(sku).GetDetails();
        if (product is not { Published: true })
        {
            throw ShopException.NotFound("product.not_found", $"No published product has SKU {sku}.");
        }

        await ExpireIfIdle();
        CartLines.Add(S.Lines, sku, product.Name, product.Price, quantity);
        return await Save();
    }

    /// <inheritdoc />
    public async Task<CartView> SetQuantity(string sku, int quantity)
    {
        Sku.Validate(sku);
        await ExpireIfIdle();
        return CartLines.SetQuantity(S.Lines, sku, quantity) ? await Save() : View();
    }

    /// <inheritdoc />
    public async Task<CartView> RemoveLine(string sku)
    {
        Sku.Validate(sku);
        await ExpireIfIdle();
        CartLines.Remove(S.Lines, sku);
        return await Save();
    }

    /// <inheritdoc />
    public async Task Clear()
    {
        if (S.Lines.Count > 0)
        {
            S.Lines.Clear();
            await Save();
        }
    }

    /// <inheritdoc />
    public async Task<CartView> MergeFrom(string guestCartId)
    {
        if (string.IsNullOrWhiteSpace(guestCartId) || guestCartId.Length > 100)
        {
            throw ShopException.Validation("guestCartId", "A guest cart id is 1 to 100 characters.");
        }

        await ExpireIfIdle();
        if (guestCartId == this.GetPrimaryKeyString())
        {
            return View();
        }

        var incoming = await GrainFactory.GetGrain<ICartGrain>(guestCartId).TakeLines();
        if (incoming.Count == 0)
        {
            return View();
        }

        CartLines.Merge(S.Lines, incoming);
        return await Save();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CartLine>> TakeLines()
    {
        await ExpireIfIdle();
        var lines = S.Lines.ToList();
        await Clear();
        return lines;
    }

    private async Task ExpireIfIdle()
    {
        if (S.Lines.Count == 0 || !CartLines.IsExpired(S.UpdatedAt, clock.GetUtcNow(), options.Value.IdleExpiry))
        {
            return;
        }

        S.Lines.Clear();
        try
        {
            await Save();
        }
        catch (InconsistentStateException)
        {
            // The store expired the idle cart itself (Redis key expiry) while this activation still held the old
            // etag: the stored cart is already gone, so take the empty record and its etag from the store.
            await state.ReadStateAsync();
        }
    }

    private async Task<CartView> Save()
    {
        S.UpdatedAt = clock.GetUtcNow();
        // Most carts sit idle in memory after their last change: keep their line array exactly as long as the lines.
        S.Lines.TrimExcess();
        await state.WriteStateAsync();
        return View();
    }

    private CartView View() => new()
    {
        CartId = this.GetPrimaryKeyString(),
        Lines = [.. S.Lines],
        Total = CartLines.Total(S.Lines),
        UpdatedAt = S.UpdatedAt,
    };
}
