using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Shop.ApiGateway.Hosting;

/// <summary>
/// Kestrel: every configured URL (<c>urls</c>, <c>ASPNETCORE_URLS</c>, launchSettings) speaks HTTP/1.1 and HTTP/2
/// (HTTP/2 through TLS ALPN, or h2c where Kestrel allows it), and when <see cref="GatewayOptions.GrpcPort"/> is set one
/// more port speaks HTTP/2 only, so gRPC clients can use cleartext HTTP/2 with prior knowledge: Kestrel answers HTTP/1.1
/// on a mixed port without TLS. Listening in code replaces the URL bindings, so the URLs are bound here too.
/// </summary>
public static class KestrelSetup
{
    private const string DefaultUrl = "http://localhost:5000";

    /// <summary>Applies the protocols, body limit and the gRPC port.</summary>
    public static WebApplicationBuilder ConfigureShopKestrel(this WebApplicationBuilder builder, GatewayOptions gateway)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(gateway);
        var urls = (builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey) is { Length: > 0 } configured ? configured : DefaultUrl)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = gateway.MaxRequestBodyBytes;
            kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http1AndHttp2);
            if (gateway.GrpcPort == 0)
            {
                return;
            }

            foreach (var url in urls)
            {
                Listen(kestrel, BindingAddress.Parse(url));
            }

            kestrel.ListenAnyIP(gateway.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        return builder;
    }

    private static void Listen(KestrelServerOptions kestrel, BindingAddress address)
    {
        void Configure(ListenOptions listen)
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            if (string.Equals(address.Scheme, "https", StringComparison.OrdinalIgnoreCase))
            {
                listen.UseHttps();
            }
        }

        if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, Configure);
        }
        else if (IPAddress.TryParse(address.Host, out var ip))
        {
            kestrel.Listen(ip, address.Port, Configure);
        }
        else
        {
            kestrel.ListenAnyIP(address.Port, Configure);
        }
    }
}
