namespace Shop.ApiGateway.Hosting;

/// <summary>How the gateway reaches the grains.</summary>
public enum GatewayMode
{
    /// <summary>A silo runs inside the gateway process (one-process shop, development default).</summary>
    CoHosted = 0,

    /// <summary>The gateway is an Orleans client of a separate silo cluster.</summary>
    Client = 1,
}
