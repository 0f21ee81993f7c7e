using Orleans.Serialization;
using Shop.ServiceDefaults.Errors;

namespace Shop.Silo.Tests;

/// <summary>
/// A Client-mode gateway carries no storage library, so a storage outage on a silo reaches it as a type it cannot load;
/// measured by the fault suite (PostgreSQL or Redis stopped): these answered 500 before.
/// </summary>
public sealed class RemoteOutageTests
{
    private static readonly DependencyOutage GatewayWithoutStorage = new([]);

    [Theory]
    [InlineData("Could not find a codec for type Npgsql.NpgsqlException.")]
    [InlineData("Could not find a codec for type Npgsql.PostgresException.")]
    public void A_storage_exception_the_gateway_cannot_decode_is_an_outage(string message) =>
        Assert.True(GatewayWithoutStorage.IsCause(new CodecNotFoundException(message)));

    [Fact]
    public void A_storage_providers_wrapper_that_names_a_redis_connection_failure_is_an_outage() =>
        Assert.True(GatewayWithoutStorage.IsCause(new OrleansException(
            "Error from storage provider RedisGrainStorage.state during ReadStateAsync for grain cart/user-1 Exc level 0: "
            + "Orleans.Persistence.Redis.RedisStorageException: Failed to read grain state. StackExchange.Redis.RedisConnectionException: "
            + "The message timed out in the backlog attempting to send because no connection became available (5000ms)")));

    [Fact]
    public void Other_undecodable_or_wrapped_failures_stay_bugs()
    {
        Assert.False(GatewayWithoutStorage.IsCause(new CodecNotFoundException("Could not find a codec for type Shop.Grains.Something.")));
        Assert.False(GatewayWithoutStorage.IsCause(new OrleansException("Error from storage provider orders during ReadStateAsync: bad data")));
    }
}
