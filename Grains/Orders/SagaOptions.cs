using System.ComponentModel.DataAnnotations;

namespace Shop.Grains.Orders;

/// <summary>Timing of the order saga (<c>Shop:Saga</c>).</summary>
public sealed class SagaOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Saga";

    /// <summary>How long a stock reservation holds units before it is released (default 15 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "must be between 1 second and 7 days.")]
    public TimeSpan ReservationHold { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an order may stay non-terminal before it is cancelled (default 30 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "must be between 1 second and 30 days.")]
    public TimeSpan OrderDeadline { get; set; } = TimeSpan.FromMinutes(30);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OrderDeadline <= ReservationHold)
        {
            yield return new ValidationResult(
                $"must be greater than {Section}:{nameof(ReservationHold)} ({ReservationHold}).", [nameof(OrderDeadline)]);
        }
    }
}
