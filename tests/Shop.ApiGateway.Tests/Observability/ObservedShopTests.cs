namespace Shop.ApiGateway.Tests.Observability;

/// <summary>Tests that read the logs and spans of one observed shop (memory streams) share it, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ObservedShopTests : ICollectionFixture<ObservedShopFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "observed shop";
}
