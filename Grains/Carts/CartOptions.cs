using System.ComponentModel.DataAnnotations;

namespace Shop.Grains.Carts;

/// <summary>Cart settings (<c>Shop:Carts</c>).</summary>
public sealed class CartOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Carts";

    /// <summary>A cart unchanged for longer than this reads as empty (default 7 days).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "must be between 1 minute and 365 days.")]
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromDays(7);
}
