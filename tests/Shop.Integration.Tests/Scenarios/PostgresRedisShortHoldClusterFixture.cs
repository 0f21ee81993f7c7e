namespace Shop.Integration.Tests.Scenarios;

/// <summary>The PostgreSQL + Redis cluster with 2-second stock holds, so hold expiry runs through the ADO.NET reminders.</summary>
public sealed class PostgresRedisShortHoldClusterFixture()
    : PostgresRedisClusterFixture(("Shop:Saga:ReservationHold", "00:00:02"), ("Shop:Saga:OrderDeadline", "00:00:08"));
