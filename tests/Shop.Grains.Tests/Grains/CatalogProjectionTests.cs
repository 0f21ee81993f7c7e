using Shop.Catalog;
using Shop.Common;
using Shop.Grains.Tests.Cluster;
using Shop.Grains.Tests.Support;

namespace Shop.Grains.Tests.Grains;

/// <summary>The search index as a projection of the product records: bounded writes, rebuilds, late changes.</summary>
[Collection(CatalogClusterDefinition.Name)]
public sealed class CatalogProjectionTests(CatalogClusterFixture fixture)
{
    private IProductGrain Product(string sku) => fixture.Grains.GetGrain<IProductGrain>(sku);

    private ICatalogIndexGrain Index => fixture.Grains.GetGrain<ICatalogIndexGrain>(ICatalogIndexGrain.Key);

    private static string Word() => $"w{Guid.NewGuid():N}"[..12];

    private Task<ProductPage> Find(string word) => Index.Search(new ProductQuery { Text = word, IncludeUnpublished = true, PageSize = 100 });

    private async Task<List<string>> CreateProducts(int count, string name)
    {
        var skus = Enumerable.Range(0, count).Select(_ => ShopDriver.NewSku()).ToList();
        foreach (var chunk in skus.Chunk(50))
        {
            await Task.WhenAll(chunk.Select(sku => Product(sku).Create(ShopDriver.Draft(name: name))));
        }

        return skus;
    }

    // A product no record knows, applied by hand: it is indexed as it is, and once it is found every change applied
    // before it has been through the projection too (changes are written in the order they arrive).
    private async Task AppliedSoFar()
    {
        var marker = Word();
        var product = new ProductDetails
        {
            Sku = ShopDriver.NewSku("M"),
            Name = $"Marker {marker}",
            Price = new Money(100, "EUR"),
            Category = "home",
            Version = 1,
        };
        await Index.Apply(new ProductChanged { EventId = Guid.NewGuid(), Product = product, OccurredAt = DateTimeOffset.UtcNow });
        await Eventually.Until(async () => (await Find(marker)).Total == 1, because: "the marker change never reached the index");
    }

    [Fact]
    public async Task An_edit_writes_only_the_product_record_and_as_many_bytes_in_a_large_catalog_as_in_a_small_one()
    {
        var sku = ShopDriver.NewSku();
        var edited = ShopDriver.Draft(name: "Desk lamp, edited");
        await Product(sku).Create(ShopDriver.Draft(name: "Desk lamp"));
        var productRecord = Product(sku).GetGrainId();

        var smallCatalogEdit = await fixture.CatalogWrites.WritesDuring(() => Product(sku).Update(edited));
        await CreateProducts(1_000, "Filler lamp");
        var largeCatalogEdit = await fixture.CatalogWrites.WritesDuring(() => Product(sku).Update(edited));

        Assert.Equal([productRecord], smallCatalogEdit.Select(write => write.Grain));
        Assert.Equal([productRecord], largeCatalogEdit.Select(write => write.Grain));
        Assert.Equal(smallCatalogEdit[0].Bytes, largeCatalogEdit[0].Bytes);
    }

    [Fact]
    public async Task A_lost_index_is_rebuilt_from_the_product_records_without_the_deleted_ones()
    {
        var word = Word();
        var skus = await CreateProducts(30, $"Lamp {word}");
        await Product(skus[0]).Delete();
        await Eventually.Until(async () => (await Find(word)).Total == 29, because: "the index never saw the products");

        await fixture.SearchIndex.Rebuild([]);
        Assert.Equal(0, (await Find(word)).Total);
        var indexed = await Index.Rebuild();

        var page = await Find(word);
        Assert.True(indexed >= 29, $"the rebuild indexed {indexed} products");
        Assert.Equal(skus.Skip(1).Order(StringComparer.Ordinal), page.Items.Select(p => p.Sku).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Searches_are_answered_while_a_rebuild_runs_and_changes_made_meanwhile_survive_it()
    {
        var (word, renamed) = (Word(), Word());
        var skus = await CreateProducts(3, $"Lamp {word}");
        await Eventually.Until(async () => (await Find(word)).Total == 3, because: "the index never saw the products");

        using var hold = fixture.SearchIndex.HoldRebuilds();
        var rebuild = Index.Rebuild();
        await hold.Started;
        var pagesDuringRebuild = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Find(word)));
        await Product(skus[0]).Delete();
        await Product(skus[1]).Update(ShopDriver.Draft(name: $"Lamp {renamed}"));
        var stillRebuilding = !rebuild.IsCompleted;
        hold.Release();
        await rebuild;

        Assert.True(stillRebuilding, "the rebuild finished before it was released");
        Assert.All(pagesDuringRebuild, page => Assert.Equal(3, page.Total));
        await Eventually.Until(async () => (await Find(renamed)).Total == 1, because: "the rename made during the rebuild was lost");
        await AppliedSoFar();
        Assert.Equal([skus[2]], (await Find(word)).Items.Select(p => p.Sku));
        Assert.Equal([skus[1]], (await Find(renamed)).Items.Select(p => p.Sku));
    }

    [Fact]
    public async Task A_deleted_product_stays_deleted_when_older_changes_arrive_late_and_out_of_order()
    {
        var (sku, word) = (ShopDriver.NewSku(), Word());
        var created = await Product(sku).Create(ShopDriver.Draft(name: $"Lamp {word}"));
        var updated = await Product(sku).Update(ShopDriver.Draft(name: $"Lamp {word} v2"));
        await Product(sku).Delete();
        await Eventually.Until(async () => (await Find(word)).Total == 0, because: "the index never saw the deletion");

        foreach (var late in new[] { updated, created, updated })
        {
            await Index.Apply(new ProductChanged { EventId = Guid.NewGuid(), Product = late, OccurredAt = late.UpdatedAt });
        }

        await AppliedSoFar();
        Assert.Equal(0, (await Find(word)).Total);
        await Index.Rebuild();
        Assert.Equal(0, (await Find(word)).Total);
    }

    [Fact]
    public async Task A_late_deletion_does_not_remove_the_product_created_again_after_it()
    {
        var (sku, word) = (ShopDriver.NewSku(), Word());
        await Product(sku).Create(ShopDriver.Draft(name: $"Lamp {word}"));
        await Product(sku).Delete();
        var again = await Product(sku).Create(ShopDriver.Draft(name: $"Lamp {word}"));
        await Eventually.Until(async () => (await Find(word)).Items.Any(p => p.Version == again.Version), because: "the index never saw the product again");

        var deletion = again with { Version = again.Version - 1 };
        await Index.Apply(new ProductChanged { EventId = Guid.NewGuid(), Product = deletion, OccurredAt = deletion.UpdatedAt, Deleted = true });

        await AppliedSoFar();
        Assert.Equal(again.Version, (await Find(word)).Items.Single().Version);
    }
}
