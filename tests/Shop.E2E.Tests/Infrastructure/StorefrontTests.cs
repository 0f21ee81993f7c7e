namespace Shop.E2E.Tests.Infrastructure;

/// <summary>Every browser test shares one gateway and one browser, started once.</summary>
[CollectionDefinition(Name)]
public sealed class StorefrontTests : ICollectionFixture<Storefront>
{
    /// <summary>The collection name.</summary>
    public const string Name = "storefront";
}
