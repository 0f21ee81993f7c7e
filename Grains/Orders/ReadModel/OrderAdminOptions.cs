using System.ComponentModel.DataAnnotations;

namespace Shop.Grains.Orders.ReadModel;

/// <summary>When an order counts as stuck, and how often the silo counts them (<c>Shop:Orders</c>).</summary>
public sealed class OrderAdminOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Orders";

    /// <summary>A non-final order whose last saga step is older than this is stuck (default 10 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "must be between 1 second and 30 days.")]
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the <c>shop.orders.stuck</c> gauge is measured again (default 1 minute).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "must be between 1 second and 1 hour.")]
    public TimeSpan StuckCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
