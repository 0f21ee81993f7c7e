using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Carts;
using Shop.Catalog;
using Shop.Common;
using Shop.Orders;
using Shop.Orders.Events;
using Shop.Payments;

namespace Shop.Grains.Orders;

/// <summary>
/// One order (key = order id) and the single decider of its saga: it places the order, follows the saga events
/// through <see cref="OrderStateMachine"/>, and a deadline reminder drives a stuck order to CANCELLED.
/// </summary>
[ImplicitStreamSubscription(StreamNames.OrderNamespace)]
public sealed class OrderGrain(
    [PersistentState("state", StorageNames.Orders)] IPersistentState<OrderState> state,
    ISagaEventPublisher publisher,
    IOptions<SagaOptions> options,
    [FromKeyedServices(ShopClock.Key)] TimeProvider clock) : SagaParticipantGrain, IOrderGrain, IRemindable
{
    /// <summary>The name of the deadline reminder.</summary>
    public const string DeadlineReminder = "order-deadline";

    private OrderState S => state.State;

    /// <inheritdoc />
    public async Task<OrderView> Place(PlaceOrder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (S.Placed)
        {
            if (S.UserId != command.UserId)
            {
                throw ShopException.Conflict("order.id_taken", "This order id belongs to another order.");
            }

            await CompletePlacement();
            return S.ToView();
        }

        Validate(command);
        var cart = await GrainFactory.GetGrain<ICartGrain>(command.CartId).GetCart();
        if (cart.Lines.Count == 0 || cart.Total is not { } total)
        {
            throw ShopException.BusinessRule("cart.empty", "The cart is empty.");
        }

        await EnsureStillSold(cart.Lines);

        var now = clock.GetUtcNow();
        S.Placed = true;
        S.OrderId = this.GetPrimaryKey();
        S.UserId = command.UserId;
        S.CartId = command.CartId;
        S.Status = OrderStatus.Pending;
        S.Lines = [.. cart.Lines.Select(l => new OrderLine { Sku = l.Sku, Name = l.Name, Quantity = l.Quantity, UnitPrice = l.UnitPrice })];
        S.Total = total;
        S.PaymentMethod = command.PaymentMethod;
        S.PaymentToken = command.PaymentMethod == PaymentMethod.Card ? command.PaymentToken : null;
        S.ShippingAddress = command.ShippingAddress with { Country = command.ShippingAddress.Country.ToUpperInvariant() };
        S.CreatedAt = now;
        S.UpdatedAt = now;
        await state.WriteStateAsync();
        await CompletePlacement();
        return S.ToView();
    }

    /// <summary>
    /// Refuses (422) a cart holding a product that was deleted or unpublished after it was added; the stock item of a
    /// deleted product refuses reservations too, which covers a deletion racing this check.
    /// </summary>
    private async Task EnsureStillSold(IReadOnlyList<CartLine> lines)
    {
        var skus = lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToList();
        var products = await Task.WhenAll(skus.Select(sku => GrainFactory.GetGrain<IProductGrain>(sku).GetDetails()));
        var gone = skus.Where((_, i) => products[i] is not { Published: true }).ToList();
        if (gone.Count > 0)
        {
            throw ShopException.BusinessRule(
                "cart.product_unavailable",
                $"The cart holds products that are no longer sold ({string.Join(", ", gone)}); remove them and check out again.");
        }
    }

    /// <inheritdoc />
    public Task<OrderView?> GetOrder() => Task.FromResult(S.Placed ? S.ToView() : null);

    /// <inheritdoc />
    public async Task<OrderView> Cancel(Guid customerId)
    {
        if (!S.Placed || S.UserId != customerId)
        {
            throw ShopException.NotFound("order.not_found", "No such order.");
        }

        if (S.Status == OrderStatus.Confirmed)
        {
            throw ShopException.BusinessRule("order.already_confirmed", "A confirmed order cannot be cancelled.");
        }

        await Decide(OrderStateMachine.Cancel(S, CancellationReason.CancelledByCustomer, clock.GetUtcNow()), handledEventId: null);
        return S.ToView();
    }

    /// <inheritdoc />
    public async Task<OrderStatus> ResolveReservationExpiry()
    {
        if (!S.Placed)
        {
            return OrderStatus.Cancelled;
        }

        await Decide(OrderStateMachine.Cancel(S, CancellationReason.ReservationExpired, clock.GetUtcNow()), handledEventId: null);
        return S.Status;
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DeadlineReminder)
        {
            return;
        }

        if (S.Placed && !S.IsTerminal)
        {
            await Decide(OrderStateMachine.Cancel(S, CancellationReason.TimedOut, clock.GetUtcNow()), handledEventId: null);
        }
        else
        {
            await S.Saga.Flush(publisher);
            await StopReminder(DeadlineReminder);
        }
    }

    /// <inheritdoc />
    protected override async Task Handle(OrderEvent orderEvent)
    {
        await S.Saga.Flush(publisher);
        if (!S.Placed || orderEvent is OrderPlaced or OrderConfirmed or OrderCancelled || S.Saga.WasHandled(orderEvent.EventId))
        {
            return;
        }

        await Decide(OrderStateMachine.Apply(S, orderEvent, clock.GetUtcNow()), orderEvent.EventId);
    }

    /// <summary>Writes the state (with the handled event and the event to emit), publishes, and stops the deadline when terminal.</summary>
    private async Task Decide(OrderEvent? emit, Guid? handledEventId)
    {
        if (emit is null && handledEventId is null)
        {
            return;
        }

        if (handledEventId is { } handled)
        {
            S.Saga.MarkHandled(handled);
        }

        if (emit is not null)
        {
            S.Saga.Emit(emit);
        }

        await state.WriteStateAsync();
        await S.Saga.Flush(publisher);
        if (emit is not null && S.IsTerminal)
        {
            await StopReminder(DeadlineReminder);
        }
    }

    /// <summary>
    /// The steps after the PENDING order is written; each is idempotent, so a retried Place finishes a placement that
    /// failed half-way: empty the cart, record the order in the customer's history, arm the deadline, emit OrderPlaced.
    /// </summary>
    private async Task CompletePlacement()
    {
        if (S.PlacementCompleted)
        {
            await S.Saga.Flush(publisher);
            return;
        }

        await GrainFactory.GetGrain<ICartGrain>(S.CartId).Clear();
        await GrainFactory.GetGrain<IOrderHistoryGrain>(S.UserId).Add(S.OrderId, S.CreatedAt);
        await StartReminder(DeadlineReminder, options.Value.OrderDeadline);
        S.Saga.Emit(new OrderPlaced
        {
            EventId = Guid.NewGuid(),
            OrderId = S.OrderId,
            OccurredAt = S.CreatedAt,
            UserId = S.UserId,
            Lines = [.. S.Lines],
            Total = S.Total,
            PaymentMethod = S.PaymentMethod,
            PaymentToken = S.PaymentToken,
        });
        S.PlacementCompleted = true;
        S.PaymentToken = null;
        await state.WriteStateAsync();
        await S.Saga.Flush(publisher);
    }

    private static void Validate(PlaceOrder command)
    {
        if (command.UserId == Guid.Empty)
        {
            throw ShopException.Validation("userId", "A customer is required.");
        }

        if (string.IsNullOrWhiteSpace(command.CartId))
        {
            throw ShopException.Validation("cartId", "A cart is required.");
        }

        if (!Enum.IsDefined(command.PaymentMethod))
        {
            throw ShopException.Validation("paymentMethod", "Payment method must be card or cash_on_delivery.");
        }

        ShippingAddressRules.Validate(command.ShippingAddress);
        if (command.PaymentMethod == PaymentMethod.Card
            && (string.IsNullOrWhiteSpace(command.PaymentToken) || command.PaymentToken.Length > 255))
        {
            throw ShopException.Validation("paymentToken", "A card payment needs a payment token (at most 255 characters).");
        }
    }
}
