namespace Shop.Integrations.MongoDB.Tests;

public sealed class StorageKeysTests
{
    [Fact]
    public void A_grain_is_stored_under_its_whole_grain_id_so_types_sharing_a_key_never_collide()
    {
        var product = GrainId.Create("product", "LAMP-1");
        var stock = GrainId.Create("stockitem", "LAMP-1");

        Assert.Equal("product/LAMP-1", StorageKeys.DocumentId(product));
        Assert.Equal("stockitem/LAMP-1", StorageKeys.DocumentId(stock));
        Assert.Equal("product", StorageKeys.GrainType(product));
    }

    [Fact]
    public void A_state_name_has_a_collection_of_its_own_behind_the_prefix()
    {
        Assert.Equal("catalog.state", StorageKeys.Collection("catalog.", "state"));
        Assert.Equal("state", StorageKeys.Collection("", "state"));
    }

    [Theory]
    [InlineData("", "$cmd")]
    [InlineData("system.", "users")]
    [InlineData("", "")]
    [InlineData("catalog.", "a\0")]
    public void A_name_MongoDB_refuses_for_a_collection_is_an_error(string prefix, string stateName)
    {
        Assert.ThrowsAny<ArgumentException>(() => StorageKeys.Collection(prefix, stateName));
    }
}
