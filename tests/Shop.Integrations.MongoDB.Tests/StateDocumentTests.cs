using MongoDB.Bson;

namespace Shop.Integrations.MongoDB.Tests;

public sealed class StateDocumentTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_stored_state_carries_its_id_etag_grain_type_time_and_the_state_document()
    {
        var state = new BsonDocument("name", "Lamp");

        var document = StateDocument.Create("product/LAMP-1", "product", "e1", state, Noon);

        Assert.Equal(
            new BsonDocument
            {
                { "_id", "product/LAMP-1" },
                { "_etag", "e1" },
                { "_grainType", "product" },
                { "_modified", new BsonDateTime(Noon.UtcDateTime) },
                { "state", new BsonDocument("name", "Lamp") },
            },
            document);
        Assert.Equal("e1", StateDocument.ETagOf(document));
    }

    [Fact]
    public void A_write_matches_only_the_version_it_read()
    {
        var filter = StateDocument.ByIdAndETag("product/LAMP-1", "e1");

        Assert.Equal(new BsonDocument { { "_id", "product/LAMP-1" }, { "_etag", "e1" } }, filter);
    }

    [Fact]
    public void A_read_matches_the_grain_whatever_its_version()
    {
        Assert.Equal(new BsonDocument("_id", "product/LAMP-1"), StateDocument.ById("product/LAMP-1"));
    }
}
