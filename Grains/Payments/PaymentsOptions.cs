using System.ComponentModel.DataAnnotations;

namespace Shop.Grains.Payments;

/// <summary>Payment settings (<c>Shop:Payments</c>).</summary>
public sealed class PaymentsOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Payments";

    /// <summary><c>Test</c> (the built-in <see cref="TestPaymentGateway"/>) or <c>Stripe</c>.</summary>
    [Required(ErrorMessage = "is required (Test or Stripe).")]
    [RegularExpression("(?i)^(Test|Stripe)$", ErrorMessage = "must be Test or Stripe.")]
    public string Provider { get; set; } = "Test";

    /// <summary>How long after the first refused refund it is tried again (default 1 minute); each retry waits twice as long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "must be between 1 second and 1 day.")]
    public TimeSpan RefundRetryFirstDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two refund attempts (default 1 hour).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "must be between 1 second and 7 days.")]
    public TimeSpan RefundRetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether Stripe is selected.</summary>
    public bool UsesStripe => string.Equals(Provider, "Stripe", StringComparison.OrdinalIgnoreCase);

    /// <summary>The wait after <paramref name="failedAttempts"/> refused refund attempts: doubling from the first delay, capped.</summary>
    public TimeSpan RefundRetryDelay(int failedAttempts)
    {
        var doubled = RefundRetryFirstDelay.Ticks * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 40));
        return TimeSpan.FromTicks((long)Math.Min(RefundRetryMaxDelay.Ticks, doubled));
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RefundRetryMaxDelay < RefundRetryFirstDelay)
        {
            yield return new ValidationResult(
                $"must be at least {Section}:{nameof(RefundRetryFirstDelay)} ({RefundRetryFirstDelay}).", [nameof(RefundRetryMaxDelay)]);
        }
    }
}
