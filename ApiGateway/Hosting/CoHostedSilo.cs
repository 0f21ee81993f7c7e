using Shop.Silo;
using Shop.Silo.Storage.Health;

namespace Shop.ApiGateway.Hosting;

/// <summary>
/// The silo inside the gateway process (<c>Shop:Gateway:Mode=CoHosted</c>). Only this file names the silo; a build
/// with <c>-p:CoHostSilo=false</c> leaves it and the silo's assemblies out.
/// </summary>
internal static class CoHosting
{
    /// <summary>Runs a Shop silo in this process, its storage servers checked by <c>/readyz</c>.</summary>
    public static WebApplicationBuilder AddCoHostedSilo(this WebApplicationBuilder builder)
    {
        builder.AddShopSilo();
        builder.Services.AddHealthChecks().AddShopStorageChecks(builder.Configuration);
        return builder;
    }
}
