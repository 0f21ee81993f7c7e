using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Configuration;

namespace Shop.ApiGateway.Admission;

/// <summary>
/// Admission control of the gateway: the route classes' concurrency limits (ASP.NET Core's rate limiter, policies
/// <see cref="AdmissionPolicies"/>) and the deadline of grain calls, from <see cref="AdmissionOptions"/> validated at
/// start.
/// </summary>
public static class AdmissionSetup
{
    /// <summary>Registers the settings, the route classes' policies and the grain-call deadline.</summary>
    public static IServiceCollection AddShopAdmission(this IServiceCollection services)
    {
        services.AddShopOptions<AdmissionOptions>(AdmissionOptions.Section);
        services.AddHttpContextAccessor();
        services.AddSingleton<IOutgoingGrainCallFilter, GrainCallDeadline>();
        services.AddRateLimiter();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AdmissionOptions>>((limiter, admission) =>
        {
            foreach (var routeClass in Enum.GetValues<RouteClass>())
            {
                limiter.AddPolicy(AdmissionPolicies.Of(routeClass), new AdmissionPolicy(routeClass, admission.Value));
            }
        });
        return services;
    }
}
