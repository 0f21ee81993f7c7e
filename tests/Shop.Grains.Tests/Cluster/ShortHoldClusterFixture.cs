namespace Shop.Grains.Tests.Cluster;

/// <summary>A cluster whose stock holds run out after 2 seconds (the order deadline after 4).</summary>
public sealed class ShortHoldClusterFixture : ShopClusterFixture
{
    /// <inheritdoc />
    protected override Dictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Shop:Saga:ReservationHold"] = "00:00:02";
            settings["Shop:Saga:OrderDeadline"] = "00:00:04";
            return settings;
        }
    }
}
