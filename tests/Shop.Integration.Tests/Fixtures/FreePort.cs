using System.Net;
using System.Net.Sockets;

namespace Shop.Integration.Tests.Fixtures;

/// <summary>Free loopback TCP ports, so servers started by tests never collide with anything else on the machine.</summary>
internal static class FreePort
{
    /// <summary>A port nothing listens on right now (the OS picks it).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
