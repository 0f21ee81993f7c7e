using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Common;
using Shop.Grains.Orders;
using Shop.Inventory;
using Shop.Orders.Events;

namespace Shop.Grains.Inventory;

/// <summary>
/// Reserves every line of one order across the stock items, all or nothing (key = order id). Commits on
/// OrderConfirmed, releases on OrderCancelled; when the hold runs out it emits ReservationExpired and the order grain,
/// the single decider, answers with OrderConfirmed or OrderCancelled. The hold reminder keeps ticking until then.
/// </summary>
[ImplicitStreamSubscription(StreamNames.OrderNamespace)]
public sealed class StockReservationGrain(
    [PersistentState("state", StorageNames.Inventory)] IPersistentState<ReservationState> state,
    ISagaEventPublisher publisher,
    SagaEventFactory events,
    IOptions<SagaOptions> options,
    SagaMetrics metrics,
    ILogger<StockReservationGrain> logger) : SagaParticipantGrain(publisher, events, logger), IStockReservationGrain, IRemindable
{
    /// <summary>The name of the hold-expiry reminder.</summary>
    public const string HoldReminder = "reservation-hold";

    private ReservationState S => state.State;

    /// <inheritdoc />
    protected override SagaOutbox Outbox => S.Saga;

    /// <inheritdoc />
    public Task<ReservationStatus> GetStatus() => Task.FromResult(S.Status);

    /// <inheritdoc />
    protected override Task<bool> Handle(OrderEvent orderEvent) => orderEvent switch
    {
        OrderPlaced placed when S.Status == ReservationStatus.None => Reserve(placed),
        OrderConfirmed => Settle(commit: true),
        OrderCancelled => Settle(commit: false),
        OrderRefunded { Restock: true } refunded when S.Status == ReservationStatus.Committed => Restock(refunded),
        _ => Task.FromResult(false),
    };

    /// <inheritdoc />
    protected override Task WriteStateAsync() => state.WriteStateAsync();

    /// <inheritdoc />
    protected override Task AfterStep() =>
        S.Status is ReservationStatus.Committed or ReservationStatus.Released ? StopReminder(HoldReminder) : Task.CompletedTask;

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != HoldReminder)
        {
            return Task.CompletedTask;
        }

        return S.Status == ReservationStatus.Reserved ? Step(eventId: null, Expire) : StopReminder(HoldReminder);
    }

    /// <summary>
    /// Puts the units of a staff refund back on hand. The event id is marked handled with the step's write; a write
    /// that fails after the adjustments would add them once more on redelivery, which the stock log shows (reason).
    /// </summary>
    private async Task<bool> Restock(OrderRefunded refunded)
    {
        foreach (var line in refunded.Lines)
        {
            await Stock(line.Sku).Adjust(line.Quantity, $"refund {refunded.RefundId} of order {OrderId}");
        }

        return true;
    }

    /// <summary>
    /// The hold ran out: tell the order; its answer (confirmed or cancelled) settles the stock. Told again on every
    /// tick while the stock is still held: the expiry or the answer may have been lost with a crashed silo, and a
    /// finished order answers a repeat with its outcome again.
    /// </summary>
    private Task<bool> Expire()
    {
        S.ExpiryReported = true;
        Emit(new ReservationExpired());
        return Task.FromResult(true);
    }

    private async Task<bool> Reserve(OrderPlaced placed)
    {
        var lines = placed.Lines.GroupBy(l => l.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
        var reserved = new List<string>();
        string? shortSku = null;
        foreach (var (sku, quantity) in lines)
        {
            if (!await Stock(sku).Reserve(OrderId, quantity))
            {
                shortSku = sku;
                break;
            }

            reserved.Add(sku);
        }

        S.Lines = lines;
        if (shortSku is not null)
        {
            foreach (var sku in reserved.Append(shortSku))
            {
                await Stock(sku).Release(OrderId);
            }

            S.Status = ReservationStatus.Failed;
            S.FailedSku = shortSku;
            Emit(new StockReservationFailed { Sku = shortSku });
            metrics.ReservationRefused();
        }
        else
        {
            await StartReminder(HoldReminder, options.Value.ReservationHold);
            S.Status = ReservationStatus.Reserved;
            Emit(new StockReserved());
        }

        return true;
    }

    private async Task<bool> Settle(bool commit)
    {
        if (S.Status == ReservationStatus.Reserved)
        {
            foreach (var sku in S.Lines.Keys)
            {
                if (commit)
                {
                    // Only this grain commits or releases the order's units, and only from Reserved: nothing held
                    // means an earlier attempt committed them and failed before this state was written.
                    if (!await Stock(sku).Commit(OrderId))
                    {
                        logger.LogInformation("Order {OrderId}: stock item {Sku} was committed by an earlier attempt.", OrderId, sku);
                    }
                }
                else
                {
                    await Stock(sku).Release(OrderId);
                }
            }

            S.Status = commit ? ReservationStatus.Committed : ReservationStatus.Released;
        }
        else if (S.Status == ReservationStatus.None && !commit)
        {
            // Cancelled before anything was reserved: a late OrderPlaced must not reserve any more.
            S.Status = ReservationStatus.Released;
        }
        else
        {
            return false;
        }

        return true;
    }

    private IStockItemGrain Stock(string sku) => GrainFactory.GetGrain<IStockItemGrain>(sku);
}
