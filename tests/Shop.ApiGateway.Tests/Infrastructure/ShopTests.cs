namespace Shop.ApiGateway.Tests.Infrastructure;

/// <summary>Every test that needs the running shop shares one app, started once.</summary>
[CollectionDefinition(Name)]
public sealed class ShopTests : ICollectionFixture<ShopFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "shop";
}
