namespace Shop.ApiGateway.Tests.Publish;

/// <summary>The tests that run the gateway built without the silo share one publish of it.</summary>
[CollectionDefinition(Name)]
public sealed class SiloLessGatewayTests : ICollectionFixture<SiloLessGateway>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Silo-less gateway";
}
