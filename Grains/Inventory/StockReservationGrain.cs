using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Common;
using Shop.Grains.Orders;
using Shop.Inventory;
using Shop.Orders;
using Shop.Orders.Events;

namespace Shop.Grains.Inventory;

/// <summary>
/// Reserves every line of one order across the stock items, all or nothing (key = order id). Commits on
/// OrderConfirmed, releases on OrderCancelled; when the hold runs out it asks the order grain, the single decider,
/// whether to commit or release.
/// </summary>
[ImplicitStreamSubscription(StreamNames.OrderNamespace)]
public sealed class StockReservationGrain(
    [PersistentState("state", StorageNames.Inventory)] IPersistentState<ReservationState> state,
    ISagaEventPublisher publisher,
    IOptions<SagaOptions> options,
    [FromKeyedServices(ShopClock.Key)] TimeProvider clock,
    ILogger<StockReservationGrain> logger) : SagaParticipantGrain, IStockReservationGrain, IRemindable
{
    /// <summary>The name of the hold-expiry reminder.</summary>
    public const string HoldReminder = "reservation-hold";

    private ReservationState S => state.State;

    private Guid OrderId => this.GetPrimaryKey();

    /// <inheritdoc />
    public Task<ReservationStatus> GetStatus() => Task.FromResult(S.Status);

    /// <inheritdoc />
    protected override async Task Handle(OrderEvent orderEvent)
    {
        await S.Saga.Flush(publisher);
        if (S.Saga.WasHandled(orderEvent.EventId))
        {
            return;
        }

        switch (orderEvent)
        {
            case OrderPlaced placed when S.Status == ReservationStatus.None:
                await Reserve(placed);
                break;
            case OrderConfirmed:
                await Settle(commit: true, orderEvent.EventId);
                break;
            case OrderCancelled:
                await Settle(commit: false, orderEvent.EventId);
                break;
            default:
                break;
        }
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != HoldReminder)
        {
            return;
        }

        await S.Saga.Flush(publisher);
        if (S.Status == ReservationStatus.Reserved)
        {
            var orderStatus = await GrainFactory.GetGrain<IOrderGrain>(OrderId).ResolveReservationExpiry();
            await Settle(commit: orderStatus == OrderStatus.Confirmed, eventId: null);
        }

        await StopReminder(HoldReminder);
    }

    private async Task Reserve(OrderPlaced placed)
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
        var now = clock.GetUtcNow();
        if (shortSku is not null)
        {
            foreach (var sku in reserved.Append(shortSku))
            {
                await Stock(sku).Release(OrderId);
            }

            S.Status = ReservationStatus.Failed;
            S.FailedSku = shortSku;
            S.Saga.Emit(new StockReservationFailed { EventId = Guid.NewGuid(), OrderId = OrderId, OccurredAt = now, Sku = shortSku });
        }
        else
        {
            await StartReminder(HoldReminder, options.Value.ReservationHold);
            S.Status = ReservationStatus.Reserved;
            S.Saga.Emit(new StockReserved { EventId = Guid.NewGuid(), OrderId = OrderId, OccurredAt = now });
        }

        S.Saga.MarkHandled(placed.EventId);
        await state.WriteStateAsync();
        await S.Saga.Flush(publisher);
    }

    private async Task Settle(bool commit, Guid? eventId)
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
            return;
        }

        if (eventId is { } handled)
        {
            S.Saga.MarkHandled(handled);
        }

        await state.WriteStateAsync();
        await StopReminder(HoldReminder);
    }

    private IStockItemGrain Stock(string sku) => GrainFactory.GetGrain<IStockItemGrain>(sku);
}
