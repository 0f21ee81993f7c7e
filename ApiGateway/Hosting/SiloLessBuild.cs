using Microsoft.Extensions.Options;

namespace Shop.ApiGateway.Hosting;

/// <summary>A gateway built without the silo (<c>-p:CoHostSilo=false</c>): it can only be an Orleans client.</summary>
internal static class CoHosting
{
    /// <summary>Refuses the co-hosted mode, naming the setting to change.</summary>
    public static WebApplicationBuilder AddCoHostedSilo(this WebApplicationBuilder builder) =>
        throw new OptionsValidationException(GatewayOptions.Section, typeof(GatewayOptions),
        [
            $"Setting {GatewayOptions.Section}:Mode={GatewayMode.CoHosted} is not available: this gateway was built without the silo " +
            $"(CoHostSilo=false); set {GatewayOptions.Section}:Mode={GatewayMode.Client}.",
        ]);
}
