using Orleans.Serialization;
using Shop.Common;

namespace Shop.ServiceDefaults.Errors;

/// <summary>
/// "A dependency is down, retry later" (503 + Retry-After) as the gateway sees it, without referencing any storage
/// library. A grain whose state cannot be read fails to activate before the silo's outage filter sees the call, so
/// the raw storage exception can reach the gateway: in-process from a co-hosted silo (recognised by the registered
/// <see cref="IDependencyOutageClassifier"/>s), or across the wire, where a gateway without the storage assemblies
/// receives it as an <see cref="UnavailableExceptionFallbackException"/> naming the original type, as a
/// <see cref="CodecNotFoundException"/> naming it (Npgsql's exceptions: the Client-mode gateway cannot even decode them),
/// or inside the message of Orleans' "Error from storage provider" wrapper (the Redis provider's exception keeps the
/// client's exception only as text).
/// </summary>
public sealed class DependencyOutage(IEnumerable<IDependencyOutageClassifier> classifiers)
{
    /// <summary>The error code a client sees for a storage outage.</summary>
    public const string Code = "storage.unavailable";

    // The storage clients' connection-loss and timeout types, by name: this assembly must not reference them.
    private static readonly HashSet<string> RemoteOutageTypes =
    [
        "Npgsql.NpgsqlException",
        "Npgsql.PostgresException",
        "StackExchange.Redis.RedisConnectionException",
        "StackExchange.Redis.RedisTimeoutException",
        "MongoDB.Driver.MongoConnectionException",
        "MongoDB.Driver.MongoExecutionTimeoutException",
    ];

    private readonly IDependencyOutageClassifier[] _classifiers = [.. classifiers];

    /// <summary>The refusal a client gets for a storage outage: retry later.</summary>
    public static ShopException ToRefusal() =>
        ShopException.Unavailable(Code, "A storage service of the shop is temporarily unavailable; retry shortly.");

    /// <summary>True when <paramref name="exception"/> or any exception inside it says a dependency is down.</summary>
    public bool IsCause(Exception? exception) =>
        ExceptionChain.Of(exception).Any(e => IsRemoteOutage(e) || _classifiers.Any(c => c.IsOutage(e)));

    private static bool IsRemoteOutage(Exception exception) => exception switch
    {
        UnavailableExceptionFallbackException { ExceptionType: { } type } when RemoteOutageTypes.Contains(type.Split(',')[0].Trim()) => true,
        // Types this host cannot load, or a wrapper that kept only the text: an outage type named in the message.
        UnavailableExceptionFallbackException or CodecNotFoundException or OrleansException =>
            RemoteOutageTypes.Any(name => exception.Message.Contains(name, StringComparison.Ordinal)),
        _ => false,
    };
}
