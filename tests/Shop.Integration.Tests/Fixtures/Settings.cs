namespace Shop.Integration.Tests.Fixtures;

/// <summary>The production settings of DESIGN.md section 4 (issue 3), pointed at the test servers.</summary>
internal static class Settings
{
    /// <summary>Clustering, reminders and state on PostgreSQL, carts on Redis, a cluster and service of their own.</summary>
    public static Dictionary<string, string?> Production(string postgres, string? redis, string serviceId) => new()
    {
        ["ConnectionStrings:Postgres"] = postgres,
        ["ConnectionStrings:Redis"] = redis,
        ["Shop:Orleans:Clustering"] = "AdoNet",
        ["Shop:Orleans:ClusterId"] = serviceId + "-cluster",
        ["Shop:Orleans:ServiceId"] = serviceId,
        ["Shop:Storage:Default"] = "Postgres",
        ["Shop:Storage:carts"] = redis is null ? "Postgres" : "Redis",
    };

    /// <summary>Everything in memory except carts on Redis; local in-process membership.</summary>
    public static Dictionary<string, string?> CartsOnRedis(string redis, string serviceId, string idleExpiry = "7.00:00:00") => new()
    {
        ["ConnectionStrings:Redis"] = redis,
        ["Shop:Orleans:ServiceId"] = serviceId,
        ["Shop:Storage:carts"] = "Redis",
        ["Shop:Carts:IdleExpiry"] = idleExpiry,
    };

    /// <summary>A service id no other test uses.</summary>
    public static string NewServiceId(string purpose) => $"{purpose}-{Guid.NewGuid():N}"[..32];
}
