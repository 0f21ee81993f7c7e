namespace Shop.LoadTests.Engine;

/// <summary>Names of the ceilings bench/run.sh measures (keys of the ceilings file).</summary>
public static class Ceilings
{
    /// <summary>wrk against a bare Kestrel endpoint returning a product's JSON (requests/s).</summary>
    public const string KestrelJson = "kestrelJson";

    /// <summary>pgbench single-row upserts (transactions/s).</summary>
    public const string PostgresUpsert = "pgbenchUpsert";

    /// <summary>redis-benchmark SET (requests/s).</summary>
    public const string RedisSet = "redisSet";
}
