using System.Net;
using System.Net.Sockets;

namespace Shop.Tests.Shared;

/// <summary>
/// Free loopback TCP ports, so servers started by tests never collide with anything else on the machine. One source
/// file, compiled into each test project that starts servers (linked from their .csproj).
/// </summary>
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
