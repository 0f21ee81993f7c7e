using MongoDB.Driver;
using Npgsql;
using Orleans.Persistence.Redis;
using Shop.Common;
using Shop.ServiceDefaults.Errors;
using StackExchange.Redis;

namespace Shop.Silo.Storage;

/// <summary>
/// Tells a storage outage (PostgreSQL, Redis or MongoDB unreachable, timing out or restarting) from a bug. Orleans wraps what
/// a storage provider throws (an <see cref="OrleansException"/> around it, the Redis provider's
/// <see cref="RedisStorageException"/> which keeps only the message), so the whole chain is searched.
/// It lives next to the storage wiring so that only this assembly names the client libraries' exception types.
/// </summary>
public static class StorageOutage
{
    // The Redis provider drops the inner exception and keeps "{type}: {message}"; these are the outage types.
    private static readonly string[] RedisOutageNames =
    [
        typeof(RedisConnectionException).FullName!, typeof(RedisTimeoutException).FullName!, "LOADING",
    ];

    /// <summary>The error code a client sees for a storage outage.</summary>
    public const string Code = DependencyOutage.Code;

    /// <summary>True when <paramref name="exception"/> or any exception inside it is a storage outage.</summary>
    public static bool IsCause(Exception? exception) => ExceptionChain.Of(exception).Any(IsOutage);

    /// <summary>The refusal a client gets for a storage outage: retry later.</summary>
    public static ShopException ToRefusal() => DependencyOutage.ToRefusal();

    /// <summary>True when <paramref name="exception"/> itself is a storage client's outage.</summary>
    public static bool IsOutage(Exception exception) => exception switch
    {
        // IsTransient covers refused or broken connections, timeouts and server states such as 57P01 (shutting down).
        NpgsqlException npgsql => npgsql.IsTransient,
        RedisConnectionException or RedisTimeoutException => true,
        MongoConnectionException or MongoExecutionTimeoutException => true,
        RedisStorageException redis => RedisOutageNames.Any(name => redis.Message.Contains(name, StringComparison.Ordinal)),
        _ => false,
    };
}
