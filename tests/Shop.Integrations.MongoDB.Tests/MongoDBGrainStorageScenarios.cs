using MongoDB.Bson;
using MongoDB.Driver;
using Orleans.Storage;
using Shop.Grains.Catalog;

namespace Shop.Integrations.MongoDB.Tests;

/// <summary>The grain storage contract on a real mongod (skipped, with the reason, when none is configured).</summary>
public sealed class MongoDBGrainStorageScenarios(MongoServer server) : IClassFixture<MongoServer>
{
    private const string StateName = "state";

    private static GrainId NewProduct() => GrainId.Create("product", "LAMP-" + Guid.NewGuid().ToString("N")[..8]);

    private static GrainState<ProductState> Lamp(long version = 1) => new(new ProductState { Product = Products.Lamp(version: version) });

    [SkippableFact]
    public async Task Reading_a_grain_never_written_finds_no_record_and_a_fresh_state()
    {
        var storage = server.RequireStorage();
        var state = new GrainState<ProductState>();

        await storage.ReadStateAsync(StateName, NewProduct(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotNull(state.State);
        Assert.Null(state.State!.Product);
    }

    [SkippableFact]
    public async Task A_written_state_reads_back_with_the_etag_of_the_write()
    {
        var storage = server.RequireStorage();
        var grain = NewProduct();
        var written = Lamp();

        await storage.WriteStateAsync(StateName, grain, written);
        var read = new GrainState<ProductState>();
        await storage.ReadStateAsync(StateName, grain, read);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal("Desk lamp", read.State!.Product!.Name);
        Assert.Equal(Products.Lamp().Price, read.State!.Product.Price);
    }

    [SkippableFact]
    public async Task A_second_write_after_a_read_succeeds_and_changes_the_etag()
    {
        var storage = server.RequireStorage();
        var grain = NewProduct();
        await storage.WriteStateAsync(StateName, grain, Lamp());
        var read = new GrainState<ProductState>();
        await storage.ReadStateAsync(StateName, grain, read);
        var before = read.ETag;

        read.State!.Product = Products.Lamp(version: 2);
        await storage.WriteStateAsync(StateName, grain, read);

        Assert.NotEqual(before, read.ETag);
        var again = new GrainState<ProductState>();
        await storage.ReadStateAsync(StateName, grain, again);
        Assert.Equal(2, again.State!.Product!.Version);
    }

    [SkippableFact]
    public async Task A_write_with_a_stale_etag_is_an_inconsistent_state_and_changes_nothing()
    {
        var storage = server.RequireStorage();
        var grain = NewProduct();
        var first = Lamp();
        await storage.WriteStateAsync(StateName, grain, first);
        var stale = new GrainState<ProductState>(new ProductState { Product = Products.Lamp(version: 9) }) { ETag = first.ETag };
        first.State!.Product = Products.Lamp(version: 2);
        await storage.WriteStateAsync(StateName, grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, stale));

        var read = new GrainState<ProductState>();
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal(2, read.State!.Product!.Version);
    }

    [SkippableFact]
    public async Task A_first_write_when_another_writer_already_stored_the_grain_is_an_inconsistent_state()
    {
        var storage = server.RequireStorage();
        var grain = NewProduct();
        await storage.WriteStateAsync(StateName, grain, Lamp());

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, Lamp(version: 5)));
    }

    [SkippableFact]
    public async Task Clearing_removes_the_record_and_a_later_read_finds_none()
    {
        var storage = server.RequireStorage();
        var grain = NewProduct();
        var state = Lamp();
        await storage.WriteStateAsync(StateName, grain, state);

        await storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        var read = new GrainState<ProductState>();
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.False(read.RecordExists);
        await storage.WriteStateAsync(StateName, grain, state);
        Assert.True(state.RecordExists);
    }

    [SkippableFact]
    public async Task Clearing_with_a_stale_etag_is_an_inconsistent_state_and_keeps_the_record()
    {
        var storage = server.RequireStorage();
        var grain = NewProduct();
        var state = Lamp();
        await storage.WriteStateAsync(StateName, grain, state);
        var stale = new GrainState<ProductState>(new ProductState()) { ETag = state.ETag };
        await storage.WriteStateAsync(StateName, grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, stale));

        var read = new GrainState<ProductState>();
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.True(read.RecordExists);
    }

    [SkippableFact]
    public async Task The_stored_document_is_readable_and_indexed_by_grain_type()
    {
        var storage = server.RequireStorage();
        var grain = NewProduct();
        var state = Lamp();
        await storage.WriteStateAsync(StateName, grain, state);

        var collection = server.Database!.GetCollection<BsonDocument>("catalog.state");
        var document = await collection.Find(new BsonDocument("_id", grain.ToString())).SingleAsync();
        var indexes = await (await collection.Indexes.ListAsync()).ToListAsync();

        Assert.Equal(state.ETag, document["_etag"].AsString);
        Assert.Equal("product", document["_grainType"].AsString);
        Assert.Equal("Desk lamp", document["state"]["product"]["name"].AsString);
        Assert.Contains(indexes, index => index["name"].AsString == "grainType_modified");
    }
}
