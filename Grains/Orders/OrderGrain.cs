using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Carts;
using Shop.Catalog;
using Shop.Common;
using Shop.Orders;
using Shop.Orders.Admin;
using Shop.Orders.Events;
using Shop.Payments;
using Shop.Users;

namespace Shop.Grains.Orders;

/// <summary>
/// One order (key = order id) and the single decider of its saga: it places the order, follows the saga events
/// through <see cref="OrderStateMachine"/>, and a deadline reminder drives a stuck order to CANCELLED.
/// </summary>
[ImplicitStreamSubscription(StreamNames.OrderNamespace)]
public sealed class OrderGrain(
    [PersistentState("state", StorageNames.Orders)] IPersistentState<OrderState> state,
    ISagaEventPublisher publisher,
    SagaEventFactory events,
    IOptions<SagaOptions> options,
    [FromKeyedServices(ShopClock.Key)] TimeProvider clock,
    SagaMetrics metrics,
    ILogger<OrderGrain> logger) : SagaParticipantGrain(publisher, events, logger), IOrderGrain, IRemindable
{
    /// <summary>The name of the deadline reminder.</summary>
    public const string DeadlineReminder = "order-deadline";

    // Set once this activation removed the deadline, so later steps of a finished order do not read the reminder table.
    private bool deadlineStopped;

    private OrderState S => state.State;

    /// <inheritdoc />
    protected override SagaOutbox Outbox => S.Saga;

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

            await Step(eventId: null, CompletePlacement);
            return S.ToView();
        }

        Validate(command);
        var cart = await GrainFactory.GetGrain<ICartGrain>(command.CartId).GetCart();
        if (cart.Lines.Count == 0 || cart.Total is not { } total)
        {
            throw ShopException.BusinessRule("cart.empty", "The cart is empty.");
        }

        await EnsureStillSold(cart.Lines);
        var customer = await GrainFactory.GetGrain<IUserGrain>(command.UserId).GetProfile();

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
        S.Recipient = customer is null ? null : new OrderRecipient { Name = customer.Name, Email = customer.Email };
        await state.WriteStateAsync();
        await Step(eventId: null, CompletePlacement);
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

        await Step(eventId: null, () => Decide(Transition(null, now => OrderStateMachine.Cancel(S, CancellationReason.CancelledByCustomer, now))));
        return S.ToView();
    }

    /// <inheritdoc />
    public async Task<OrderView> CancelByShop(Guid adminId)
    {
        RequirePlaced();
        if (S.Status == OrderStatus.Confirmed)
        {
            throw ShopException.Conflict("order.final", "A confirmed order cannot be cancelled; refund it instead.");
        }

        await Step(eventId: null, () =>
            Decide(OrderStateMachine.Cancel(S, CancellationReason.CancelledByShop, clock.GetUtcNow()) is { } cancelled ? cancelled with { By = adminId } : null));
        return S.ToView();
    }

    /// <inheritdoc />
    public async Task<OrderView> Refund(AdminRefund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        RequirePlaced();
        if (S.AdminRequests.Contains(refund.RefundId))
        {
            return S.ToView();
        }

        RequireConfirmed();
        if (S.PaymentMethod != PaymentMethod.Card)
        {
            throw ShopException.BusinessRule("refund.not_card", "A cash-on-delivery order is refunded outside the shop; only card payments go back through the provider.");
        }

        var lines = OrderRefunds.LinesToRefund(S.Lines, S.RefundedLines, refund.Lines);
        var amount = OrderRefunds.Amount(S.Lines, lines, S.Total.Currency);
        // The payment refunds once per refund id, so a retry after a failure below gives nothing back twice.
        var payment = await GrainFactory.GetGrain<IPaymentGrain>(S.OrderId).RefundPart(refund.RefundId, amount);
        await Step(eventId: null, () =>
        {
            S.AdminRequests.Add(refund.RefundId);
            S.RefundedLines = OrderRefunds.Merge(S.RefundedLines, lines);
            S.Payment = payment with { ClientSecret = null };
            S.UpdatedAt = clock.GetUtcNow();
            Emit(new OrderRefunded
            {
                RefundId = refund.RefundId,
                Amount = amount,
                Lines = lines,
                Restock = refund.Restock,
                RefundedTotal = payment.Refunded ?? amount,
                By = refund.AdminId,
            });
            return Task.FromResult(true);
        });
        return S.ToView();
    }

    /// <inheritdoc />
    public async Task<OrderView> ResendConfirmation(Guid adminId, string requestId)
    {
        RequirePlaced();
        if (S.AdminRequests.Contains(requestId))
        {
            return S.ToView();
        }

        RequireConfirmed();
        await Step(eventId: null, () =>
        {
            S.AdminRequests.Add(requestId);
            Emit(new ConfirmationResent { Recipient = S.Recipient, Order = S.ToView(), By = adminId });
            return Task.FromResult(true);
        });
        return S.ToView();
    }

    /// <inheritdoc />
    public async Task<OrderView> MarkPaid(Guid adminId)
    {
        RequirePlaced();
        if (S.PaymentMethod != PaymentMethod.CashOnDelivery)
        {
            throw ShopException.BusinessRule("payment.not_cash_on_delivery", "Only a cash-on-delivery order is marked paid by hand.");
        }

        if (S.Payment?.Status == PaymentStatus.CashCollected)
        {
            return S.ToView();
        }

        RequireConfirmed();
        await Step(eventId: null, () =>
        {
            S.Payment = (S.Payment ?? new PaymentView { Method = S.PaymentMethod, Status = PaymentStatus.CashCollected, Amount = S.Total })
                with
            { Status = PaymentStatus.CashCollected };
            S.UpdatedAt = clock.GetUtcNow();
            Emit(new CashCollected { Amount = S.Total, By = adminId });
            return Task.FromResult(true);
        });
        return S.ToView();
    }

    private void RequirePlaced()
    {
        if (!S.Placed)
        {
            throw ShopException.NotFound("order.not_found", "No such order.");
        }
    }

    private void RequireConfirmed()
    {
        if (S.Status != OrderStatus.Confirmed)
        {
            throw ShopException.Conflict("order.not_confirmed", $"The order is {S.Status}; only a confirmed order allows this.");
        }
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
            await Step(eventId: null, () => Decide(Transition(null, now => OrderStateMachine.Cancel(S, CancellationReason.TimedOut, now))));
            return;
        }

        await Step(eventId: null, () => Task.FromResult(false));
        await StopDeadline();
    }

    /// <inheritdoc />
    protected override Task<bool> Handle(OrderEvent orderEvent)
    {
        if (!S.Placed || orderEvent is OrderPlaced or OrderConfirmed or OrderCancelled or PaymentVoided
            or OrderRefunded or CashCollected or ConfirmationResent)
        {
            return Task.FromResult(false);
        }

        if (orderEvent is ReservationExpired && S.IsTerminal)
        {
            return Task.FromResult(RepeatOutcome());
        }

        return Decide(Transition(orderEvent, now => OrderStateMachine.Apply(S, orderEvent, now)), changed: true);
    }

    /// <summary>Runs a state-machine transition at the grains' time and counts what it changed.</summary>
    private OrderEvent? Transition(OrderEvent? trigger, Func<DateTimeOffset, OrderEvent?> transition)
    {
        var before = S.Status;
        var now = clock.GetUtcNow();
        var emit = transition(now);
        metrics.OrderChanged(trigger, before, S, now);
        return emit;
    }

    /// <summary>
    /// A reservation still holding stock of a finished order missed the outcome (the event died with a crashed silo,
    /// or on memory streams with its queue): the decision is published again, with its original event id so the
    /// participants that had it (payment, notification) skip it. The reservation repeats its expiry on every hold tick
    /// until it settles, so a lost repeat is repeated too.
    /// </summary>
    private bool RepeatOutcome()
    {
        if (S.Outcome is { } outcome)
        {
            Republish(outcome);
        }
        else
        {
            // Finished before the outcome was recorded: a new event says the same.
            S.Outcome = S.Status == OrderStatus.Confirmed
                ? Emit(new OrderConfirmed { UserId = S.UserId, Recipient = S.Recipient, Order = S.ToView() })
                : Emit(new OrderCancelled { UserId = S.UserId, Reason = S.Reason, Recipient = S.Recipient });
        }

        return true;
    }

    /// <inheritdoc />
    protected override Task WriteStateAsync() => state.WriteStateAsync();

    /// <inheritdoc />
    protected override Task AfterStep() => S.IsTerminal ? StopDeadline() : Task.CompletedTask;

    /// <summary>Queues what the state machine decided; the step writes when it emitted or the state changed anyway.</summary>
    private Task<bool> Decide(OrderEvent? emit, bool changed = false)
    {
        if (emit is not null)
        {
            var stamped = Emit(emit);
            if (stamped is OrderConfirmed or OrderCancelled)
            {
                S.Outcome = stamped;
            }
        }

        return Task.FromResult(changed || emit is not null);
    }

    private async Task StopDeadline()
    {
        if (!deadlineStopped)
        {
            await StopReminder(DeadlineReminder);
            deadlineStopped = true;
        }
    }

    /// <summary>
    /// The steps after the PENDING order is written; each is idempotent, so a retried Place finishes a placement that
    /// failed half-way: empty the cart, record the order in the customer's history, arm the deadline, hand the card
    /// token to the order's payment (so no event carries it), emit OrderPlaced.
    /// </summary>
    private async Task<bool> CompletePlacement()
    {
        if (S.PlacementCompleted)
        {
            return false;
        }

        await GrainFactory.GetGrain<ICartGrain>(S.CartId).Clear();
        await GrainFactory.GetGrain<IOrderHistoryGrain>(S.UserId).Add(S.OrderId, S.CreatedAt);
        await StartReminder(DeadlineReminder, options.Value.OrderDeadline);
        await GrainFactory.GetGrain<IPaymentGrain>(S.OrderId).Open(new PaymentOpening
        {
            UserId = S.UserId,
            Method = S.PaymentMethod,
            Amount = S.Total,
            PaymentToken = S.PaymentToken,
        });
        Emit(new OrderPlaced { UserId = S.UserId, Lines = [.. S.Lines], Total = S.Total, PaymentMethod = S.PaymentMethod, Recipient = S.Recipient });
        metrics.OrderPlaced();
        S.PlacementCompleted = true;
        S.PaymentToken = null;
        return true;
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
