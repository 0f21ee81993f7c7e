using System.Globalization;
using Microsoft.Extensions.Options;

namespace Shop.ServiceDefaults.Clustering;

/// <summary>One entry of <c>Shop:Orleans:Gateways</c>: a host name or IP address and the silo's gateway port.</summary>
/// <param name="Host">Host name (resolved at each refresh) or IP address.</param>
/// <param name="Port">The silo's gateway port.</param>
public sealed record GatewayEndpoint(string Host, int Port)
{
    /// <summary>Parses every entry (<c>host</c> or <c>host:port</c>); a bad entry stops the start naming the setting.</summary>
    public static IReadOnlyList<GatewayEndpoint> ParseAll(IEnumerable<string> entries, int defaultPort) =>
        [.. entries.Select(entry => Parse(entry, defaultPort))];

    private static GatewayEndpoint Parse(string entry, int defaultPort)
    {
        var text = entry.Trim();
        var colon = text.LastIndexOf(':');
        // An IPv6 literal without a port has colons too; only "[v6]:port" or "host:port" carry one.
        var hasPort = colon > 0 && (text.IndexOf(':') == colon || text[colon - 1] == ']');
        var host = (hasPort ? text[..colon] : text).Trim('[', ']');
        if (host.Length == 0)
        {
            throw Invalid(entry, "names no host");
        }

        if (!hasPort)
        {
            return new GatewayEndpoint(host, defaultPort);
        }

        return int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? new GatewayEndpoint(host, port)
            : throw Invalid(entry, "has no valid port (1-65535)");
    }

    private static OptionsValidationException Invalid(string entry, string problem) =>
        new(OrleansClusterOptions.Section, typeof(OrleansClusterOptions),
            [$"Setting {ShopClusterClient.GatewaysSetting} entry '{entry}' {problem}; expected host:port."]);
}
