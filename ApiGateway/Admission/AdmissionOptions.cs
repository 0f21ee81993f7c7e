using System.ComponentModel.DataAnnotations;

namespace Shop.ApiGateway.Admission;

/// <summary>
/// How much work the gateway admits at once (<c>Shop:Gateway:Admission</c>): per route class, the requests served
/// concurrently and the few that may wait for a slot; everything beyond is refused at once with 503 and Retry-After,
/// before any grain is called. Each class has permits of its own, so a flood of browsing cannot take checkout's.
/// The defaults are sized for a 2-core machine running the co-hosted shop (the README's "Overload" section says how
/// to size them on another).
/// </summary>
public sealed class AdmissionOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Gateway:Admission";

    /// <summary>Catalog reads (and the admin's catalog writes) served at once.</summary>
    [Range(1, 100_000)]
    public int BrowsePermits { get; set; } = 64;

    /// <summary>Catalog requests that may wait for a slot; 0 refuses as soon as every permit is taken.</summary>
    [Range(0, 100_000)]
    public int BrowseQueue { get; set; } = 64;

    /// <summary>Cart and profile requests served at once.</summary>
    [Range(1, 100_000)]
    public int CartPermits { get; set; } = 64;

    /// <summary>Cart and profile requests that may wait for a slot.</summary>
    [Range(0, 100_000)]
    public int CartQueue { get; set; } = 64;

    /// <summary>Order requests (placing, reading, cancelling) served at once.</summary>
    [Range(1, 100_000)]
    public int CheckoutPermits { get; set; } = 64;

    /// <summary>Order requests that may wait for a slot.</summary>
    [Range(0, 100_000)]
    public int CheckoutQueue { get; set; } = 64;

    /// <summary>The Retry-After (seconds) of a refusal: admission refusals, grain calls past their deadline, outages.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>
    /// How long a request waits for any one grain call before it is answered 503: shorter than Orleans' 30 s response
    /// timeout, so nobody is kept waiting for an answer no client wants any more.
    /// </summary>
    [Range(1, 29)]
    public int GrainCallDeadlineSeconds { get; set; } = 10;
}
