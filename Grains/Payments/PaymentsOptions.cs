using System.ComponentModel.DataAnnotations;

namespace Shop.Grains.Payments;

/// <summary>Payment settings (<c>Shop:Payments</c>).</summary>
public sealed class PaymentsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Payments";

    /// <summary><c>Test</c> (the built-in <see cref="TestPaymentGateway"/>) or <c>Stripe</c>.</summary>
    [Required(ErrorMessage = "is required (Test or Stripe).")]
    [RegularExpression("(?i)^(Test|Stripe)$", ErrorMessage = "must be Test or Stripe.")]
    public string Provider { get; set; } = "Test";

    /// <summary>Whether Stripe is selected.</summary>
    public bool UsesStripe => string.Equals(Provider, "Stripe", StringComparison.OrdinalIgnoreCase);
}
