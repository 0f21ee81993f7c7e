namespace Shop.Deploy.Tests.Infrastructure;

/// <summary>The health endpoints both hosts map (Silo/Program.cs, ApiGateway/Program.cs); ProbeTests proves them.</summary>
internal static class ProbePaths
{
    /// <summary>Runs no check: the process answers. For startup and liveness probes.</summary>
    public const string Liveness = "/healthz";

    /// <summary>Runs the "ready" checks (cluster, PostgreSQL, Redis). For readiness probes.</summary>
    public const string Readiness = "/readyz";
}
