namespace Shop.Integrations.MongoDB.Tests;

public sealed class OptionsValidationTests
{
    private static MongoDBGrainStorageOptions Valid() => new() { ConnectionString = "mongodb://db:27017", DatabaseName = "shop" };

    [Fact]
    public void Valid_options_pass()
    {
        new MongoDBGrainStorageOptionsValidator(Valid(), "catalog").ValidateConfiguration();
    }

    [Fact]
    public void A_missing_connection_string_stops_the_start_naming_the_storage()
    {
        var options = Valid();
        options.ConnectionString = " ";

        var error = Assert.Throws<OrleansConfigurationException>(() => new MongoDBGrainStorageOptionsValidator(options, "catalog").ValidateConfiguration());

        Assert.Contains("'catalog'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_without_repeating_its_password()
    {
        var options = Valid();
        options.ConnectionString = "mongodb://shop:hunter2@db:notaport";

        var error = Assert.Throws<OrleansConfigurationException>(() => new MongoDBGrainStorageOptionsValidator(options, "catalog").ValidateConfiguration());

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("my.shop")]
    [InlineData("a/b")]
    [InlineData("$shop")]
    public void A_bad_database_name_is_refused(string databaseName)
    {
        var options = Valid();
        options.DatabaseName = databaseName;

        Assert.Throws<OrleansConfigurationException>(() => new MongoDBGrainStorageOptionsValidator(options, "catalog").ValidateConfiguration());
    }

    [Fact]
    public void A_state_name_that_cannot_name_a_collection_is_refused()
    {
        var options = Valid();
        options.StateNames.Add("$bad");

        Assert.Throws<OrleansConfigurationException>(() => new MongoDBGrainStorageOptionsValidator(options, "catalog").ValidateConfiguration());
    }
}
