using System.Net;
using System.Net.Sockets;

namespace Shop.E2E.Tests.Infrastructure;

/// <summary>Ports nobody listens on, found by binding port 0.</summary>
public static class FreePorts
{
    /// <summary>A free TCP port on the loopback interface.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
