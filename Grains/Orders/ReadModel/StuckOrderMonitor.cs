using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Shop.Grains.Orders.ReadModel;

/// <summary>
/// The <c>shop.orders.stuck</c> gauge of meter <c>Shop.Grains.Orders</c>: non-final orders whose last saga step is
/// older than <see cref="OrderAdminOptions.StuckAfter"/>, per status (tag <c>status</c>). Counted from the read model
/// every <see cref="OrderAdminOptions.StuckCheckPeriod"/>, so an export never waits for a query. Every silo reports
/// the same shop-wide count; alert on the maximum.
/// </summary>
public sealed partial class StuckOrderMonitor : BackgroundService
{
    /// <summary>The meter of the order grains.</summary>
    public const string MeterName = "Shop.Grains.Orders";

    /// <summary>Instrument name.</summary>
    public const string Stuck = "shop.orders.stuck";

    private readonly IOrderReadModel readModel;
    private readonly OrderAdminOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<StuckOrderMonitor> logger;
    private volatile IReadOnlyList<Measurement<int>> last = [];

    /// <summary>Creates the gauge on the host's meter factory.</summary>
    public StuckOrderMonitor(
        IOrderReadModel readModel,
        IOptions<OrderAdminOptions> options,
        IMeterFactory meters,
        [FromKeyedServices(ShopClock.Key)] TimeProvider clock,
        ILogger<StuckOrderMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        this.readModel = readModel;
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        meters.Create(MeterName).CreateObservableGauge(
            Stuck, () => last, unit: "{order}", description: "Non-final orders whose last saga step is older than Shop:Orders:StuckAfter, per status.");
    }

    /// <summary>Counts the stuck orders now (the loop calls it every period; tests call it directly).</summary>
    public async Task<int> MeasureAsync(CancellationToken cancellationToken = default)
    {
        var stuck = await readModel.Stuck(clock.GetUtcNow() - options.StuckAfter, limit: 1, cancellationToken).ConfigureAwait(false);
        last = [.. stuck.Counts.Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("status", c.Key.ToString())))];
        return stuck.Counts.Values.Sum();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.StuckCheckPeriod, clock);
        do
        {
            try
            {
                await MeasureAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The read model's store may be down for a while; the gauge keeps its last value and the next tick retries.
                LogMeasureFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the stuck orders failed; the gauge keeps its last value.")]
    private partial void LogMeasureFailed(Exception ex);
}
