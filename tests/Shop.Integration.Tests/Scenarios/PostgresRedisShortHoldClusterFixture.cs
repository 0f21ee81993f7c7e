namespace Shop.Integration.Tests.Scenarios;

/// <summary>The PostgreSQL + Redis cluster with 2-second stock holds, so hold expiry runs through the ADO.NET reminders.</summary>
public sealed class PostgresRedisShortHoldClusterFixture : PostgresRedisClusterFixture
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
