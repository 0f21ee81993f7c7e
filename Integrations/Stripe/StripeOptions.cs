using System.ComponentModel.DataAnnotations;

namespace Shop.Integrations.Stripe;

/// <summary>Stripe settings (<c>Shop:Payments:Stripe</c>). Keys come only from configuration and are never logged.</summary>
public sealed class StripeOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Payments:Stripe";

    /// <summary>The secret API key (<c>sk_test_...</c> in test mode, or a restricted <c>rk_...</c> key).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "is required when Shop:Payments:Provider is Stripe.")]
    [RegularExpression("^(sk|rk)_[A-Za-z0-9_]+$", ErrorMessage = "must be a Stripe secret key (sk_... or rk_...).")]
    public string SecretKey { get; set; } = "";

    /// <summary>Stripe's API base URL; tests point it at a local server.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "is required.")]
    [Url(ErrorMessage = "must be an absolute URL.")]
    public string ApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>Retries of a transient failure (timeout, 409 lock, 429, 5xx), with the same idempotency key.</summary>
    [Range(0, 10, ErrorMessage = "must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; later ones back off exponentially with jitter (a Retry-After header wins).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "must be between 0 and 1 minute.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take before it is abandoned and retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:02:00", ErrorMessage = "must be between 10 ms and 2 minutes.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
