using System.Net;
using System.Net.Sockets;
using Orleans.Messaging;

namespace Shop.ServiceDefaults.Clustering;

/// <summary>
/// The gateway list of a client that reads no membership table: each configured endpoint, its host name resolved again
/// at every refresh so silos that come and go behind one DNS name (a headless Service) are found.
/// </summary>
internal sealed class ResolvedGatewayListProvider(IReadOnlyList<GatewayEndpoint> endpoints, TimeSpan refreshPeriod) : IGatewayListProvider
{
    /// <inheritdoc />
    public TimeSpan MaxStaleness => refreshPeriod;

    /// <inheritdoc />
    [Obsolete("Orleans no longer reads it; every provider is considered updatable.")]
    public bool IsUpdatable => true;

    /// <inheritdoc />
    public Task InitializeGatewayListProvider() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task<IList<Uri>> GetGateways()
    {
        var resolved = await Task.WhenAll(endpoints.Select(Resolve));
        return [.. resolved.SelectMany(uris => uris).Distinct()];
    }

    private static async Task<IEnumerable<Uri>> Resolve(GatewayEndpoint endpoint)
    {
        if (IPAddress.TryParse(endpoint.Host, out var address))
        {
            return [new IPEndPoint(address, endpoint.Port).ToGatewayUri()];
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(endpoint.Host);
            return addresses.Select(a => new IPEndPoint(a, endpoint.Port).ToGatewayUri());
        }
        catch (SocketException)
        {
            // A name that does not resolve yet (no silo ready behind the Service) is no gateway for now, not a crash.
            return [];
        }
    }
}
