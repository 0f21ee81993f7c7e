using System.Text.Json;
using MongoDB.Bson;
using Shop.Grains.Catalog;
using Shop.Grains.Inventory;

namespace Shop.Integrations.MongoDB.Tests;

public sealed class BsonStateSerializerTests
{
    private readonly BsonStateSerializer _serializer = new(new MongoDBGrainStorageOptions().SerializerOptions);

    /// <summary>A state shape with what the catalog's states do not hold: nulls, fractions, nested lists.</summary>
    public sealed record Sample(string? Missing, decimal Fraction, double Ratio, IReadOnlyList<IReadOnlyList<int>> Grid, long Big, DateTime When);

    [Fact]
    public void A_product_state_round_trips_with_its_nested_record_money_lists_and_dates()
    {
        var state = new ProductState { Product = Products.Lamp() };

        var back = _serializer.Deserialize<ProductState>(_serializer.Serialize(state))!;

        var product = back.Product!;
        var expected = Products.Lamp();
        Assert.Equal(expected with { Attributes = product.Attributes, Images = product.Images }, product);
        Assert.Equal(expected.Attributes, product.Attributes);
        Assert.Equal(expected.Images, product.Images);
        Assert.Equal(expected.CreatedAt.Offset, product.CreatedAt.Offset);
    }

    [Fact]
    public void A_product_is_stored_as_a_readable_document_not_a_blob()
    {
        var stored = _serializer.Serialize(new ProductState { Product = Products.Lamp() }).AsBsonDocument;

        var product = stored["product"].AsBsonDocument;
        Assert.Equal("Desk lamp", product["name"].AsString);
        Assert.Equal(1999, product["price"]["amountMinor"].ToInt64());
        Assert.Equal("EUR", product["price"]["currency"].AsString);
        Assert.Equal("black", product["attributes"]["colour"].AsString);
        Assert.Equal("E27", product["attributes"]["bulb%2Etype"].AsString);
        Assert.Equal(2, product["images"].AsBsonArray.Count);
        Assert.StartsWith("2026-01-02T03:04:05.678+02:00", product["createdAt"].AsString, StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_state_before_creation_stores_null()
    {
        var stored = _serializer.Serialize(new ProductState());

        Assert.Equal(BsonNull.Value, stored["product"]);
        Assert.Null(_serializer.Deserialize<ProductState>(stored)!.Product);
    }

    [Fact]
    public void The_catalog_index_state_round_trips_with_skus_that_hold_dots()
    {
        var state = new CatalogIndexState();
        state.Products["LAMP.1"] = Products.Lamp("LAMP.1", version: 4);
        state.Products["CHAIR-2"] = Products.Lamp("CHAIR-2", version: 1);
        state.Deleted["OLD.9"] = 7;

        var stored = _serializer.Serialize(state);
        var back = _serializer.Deserialize<CatalogIndexState>(stored)!;

        Assert.True(stored["products"].AsBsonDocument.Contains("LAMP%2E1"));
        Assert.Equal(["CHAIR-2", "LAMP.1"], back.Products.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(4, back.VersionOf("LAMP.1"));
        Assert.Equal(7, back.VersionOf("OLD.9"));
    }

    [Fact]
    public void A_sku_shard_state_round_trips_with_skus_that_hold_dots()
    {
        var state = new CatalogShardState { Skus = ["LAMP.1", "CHAIR-2"] };

        var back = _serializer.Deserialize<CatalogShardState>(_serializer.Serialize(state))!;

        Assert.Equal(["CHAIR-2", "LAMP.1"], back.Skus.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_stock_ledger_round_trips_with_guid_keyed_reservations()
    {
        var ledger = new StockLedger();
        ledger.SetOnHand(10);
        var held = Guid.NewGuid();
        var done = Guid.NewGuid();
        ledger.Reserve(held, 3);
        ledger.Reserve(done, 2);
        ledger.Commit(done);

        var back = _serializer.Deserialize<StockLedger>(_serializer.Serialize(ledger))!;

        Assert.Equal((8, 3, 2), (back.OnHand, back.Reserved, back.Committed));
        Assert.Equal(3, back.Reservations[held]);
        Assert.False(back.Reservations.ContainsKey(done));
    }

    [Fact]
    public void Nulls_fractions_big_numbers_nested_lists_and_times_round_trip_exactly()
    {
        var sample = new Sample(null, 12.50m, 0.1, [[1, 2], [], [3]], long.MaxValue, new DateTime(2026, 11, 26, 4, 5, 6, DateTimeKind.Utc));

        var stored = _serializer.Serialize(sample);
        var back = _serializer.Deserialize<Sample>(stored)!;

        Assert.Equal(BsonType.Null, stored["missing"].BsonType);
        Assert.Equal(BsonType.Int64, stored["big"].BsonType);
        Assert.Equal(BsonType.Decimal128, stored["fraction"].BsonType);
        Assert.Equal(sample.Fraction, back.Fraction);
        Assert.Equal(sample.Ratio, back.Ratio);
        Assert.Equal(sample.Big, back.Big);
        Assert.Equal(sample.When, back.When);
        Assert.Null(back.Missing);
        Assert.Equal(sample.Grid.Select(row => row.ToArray()), back.Grid.Select(row => row.ToArray()));
    }

    [Fact]
    public void A_number_a_decimal_cannot_hold_exactly_is_kept_as_a_double()
    {
        var stored = _serializer.Serialize(new Sample(null, 0m, 1e-300, [], 0, DateTime.UnixEpoch));

        Assert.Equal(BsonType.Double, stored["ratio"].BsonType);
        Assert.Equal(1e-300, _serializer.Deserialize<Sample>(stored)!.Ratio);
    }

    [Fact]
    public void A_document_edited_by_hand_with_a_type_JSON_lacks_is_refused_clearly()
    {
        var edited = new BsonDocument("when", new BsonDateTime(DateTime.UnixEpoch));

        var error = Assert.Throws<InvalidOperationException>(() => _serializer.Deserialize<JsonElement>(edited));

        Assert.Contains("DateTime", error.Message, StringComparison.Ordinal);
    }
}
