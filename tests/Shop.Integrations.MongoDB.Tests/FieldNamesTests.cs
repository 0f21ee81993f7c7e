namespace Shop.Integrations.MongoDB.Tests;

public sealed class FieldNamesTests
{
    [Theory]
    [InlineData("name")]
    [InlineData("LAMP-1")]
    [InlineData("colour")]
    [InlineData("price$")]
    public void An_ordinary_name_is_stored_as_it_is(string name)
    {
        Assert.Equal(name, FieldNames.Escape(name));
    }

    [Theory]
    [InlineData("LAMP.1", "LAMP%2E1")]
    [InlineData("$where", "%24where")]
    [InlineData("100%", "100%25")]
    [InlineData("a\0b", "a%00b")]
    [InlineData("v1.2.$x", "v1%2E2%2E$x")]
    public void A_name_MongoDB_would_misread_is_percent_encoded(string name, string stored)
    {
        Assert.Equal(stored, FieldNames.Escape(name));
    }

    [Theory]
    [InlineData("LAMP.1")]
    [InlineData("$where")]
    [InlineData("100%")]
    [InlineData("%2E")]
    [InlineData("a\0b")]
    [InlineData("plain")]
    public void Every_name_comes_back_as_it_was(string name)
    {
        Assert.Equal(name, FieldNames.Unescape(FieldNames.Escape(name)));
    }
}
