using System.ComponentModel.DataAnnotations;

namespace Shop.ApiGateway.Payments;

/// <summary>
/// The gateway's part of <c>Shop:Payments:Stripe</c>: the publishable key it hands the storefront and the webhook
/// signing secret it checks. The secret API key stays with the silo, which alone calls Stripe.
/// </summary>
public sealed class StripeWebhookSettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Payments:Stripe";

    /// <summary>The publishable key the storefront uses with Stripe.js (<c>pk_...</c>); optional.</summary>
    [RegularExpression("^pk_[A-Za-z0-9_]+$", ErrorMessage = "must be a Stripe publishable key (pk_...).")]
    public string? PublishableKey { get; set; }

    /// <summary>The signing secret of the webhook endpoint (<c>whsec_...</c>); without it every webhook is refused.</summary>
    [RegularExpression("^whsec_[A-Za-z0-9_+/=]+$", ErrorMessage = "must be a Stripe webhook signing secret (whsec_...).")]
    public string? WebhookSecret { get; set; }

    /// <summary>How old a webhook signature may be (Stripe's libraries default to five minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "must be between 1 second and 1 hour.")]
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
