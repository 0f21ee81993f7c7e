using System.ComponentModel.DataAnnotations;

namespace Shop.ApiGateway.Payments;

/// <summary>
/// The gateway's part of <c>Shop:Payments</c>: which provider the storefront talks to. The silo reads the same key
/// for the provider it charges with; the gateway reads only what it serves and checks.
/// </summary>
public sealed class PaymentSettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Payments";

    /// <summary><c>Test</c> or <c>Stripe</c>.</summary>
    [Required(ErrorMessage = "is required (Test or Stripe).")]
    [RegularExpression("(?i)^(Test|Stripe)$", ErrorMessage = "must be Test or Stripe.")]
    public string Provider { get; set; } = "Test";

    /// <summary>Whether Stripe is selected.</summary>
    public bool UsesStripe => string.Equals(Provider, "Stripe", StringComparison.OrdinalIgnoreCase);
}
