using System.Diagnostics;

namespace Shop.ServiceDefaults.Telemetry;

/// <summary>
/// The shop's own activity sources. <see cref="Saga"/> records each saga participant's handling of an event (a
/// consumer span parented on the span that published it) and the publishing itself (a producer span).
/// </summary>
public static class ShopActivitySources
{
    /// <summary>Prefix of every source of the shop; hosts listen to <c>Shop.*</c>.</summary>
    public const string Prefix = "Shop.";

    /// <summary>Name of <see cref="Saga"/>.</summary>
    public const string SagaName = "Shop.Saga";

    /// <summary>The order saga: publishing and handling of its events.</summary>
    public static readonly ActivitySource Saga = new(SagaName);
}
