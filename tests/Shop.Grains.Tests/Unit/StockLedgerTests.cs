using Shop.Common;
using Shop.Grains.Inventory;

namespace Shop.Grains.Tests.Unit;

public sealed class StockLedgerTests
{
    private static StockLedger Ledger(long onHand)
    {
        var ledger = new StockLedger();
        ledger.SetOnHand(onHand);
        return ledger;
    }

    [Fact]
    public void Reserve_within_available_stock_holds_the_units()
    {
        var ledger = Ledger(5);

        var (held, changed) = ledger.Reserve(Guid.NewGuid(), 3);

        Assert.True(held && changed);
        Assert.Equal((5, 3, 2), (ledger.OnHand, ledger.Reserved, ledger.Available));
    }

    [Fact]
    public void Reserve_beyond_available_stock_is_refused()
    {
        var ledger = Ledger(5);
        ledger.Reserve(Guid.NewGuid(), 4);

        var (held, changed) = ledger.Reserve(Guid.NewGuid(), 2);

        Assert.False(held || changed);
        Assert.Equal(4, ledger.Reserved);
    }

    [Fact]
    public void Reserve_twice_for_one_order_holds_once()
    {
        var ledger = Ledger(5);
        var order = Guid.NewGuid();
        ledger.Reserve(order, 2);

        var (held, changed) = ledger.Reserve(order, 2);

        Assert.True(held);
        Assert.False(changed);
        Assert.Equal(2, ledger.Reserved);
    }

    [Fact]
    public void Commit_takes_the_units_off_the_shelf_once()
    {
        var ledger = Ledger(5);
        var order = Guid.NewGuid();
        ledger.Reserve(order, 2);

        Assert.True(ledger.Commit(order));
        Assert.False(ledger.Commit(order));

        Assert.Equal((3, 0, 2), (ledger.OnHand, ledger.Reserved, ledger.Committed));
    }

    [Fact]
    public void Commit_without_a_reservation_is_refused()
    {
        var ledger = Ledger(5);

        Assert.False(ledger.Commit(Guid.NewGuid()));
        Assert.Equal(5, ledger.OnHand);
    }

    [Fact]
    public void Release_gives_the_units_back_and_is_idempotent()
    {
        var ledger = Ledger(5);
        var order = Guid.NewGuid();
        ledger.Reserve(order, 2);

        Assert.True(ledger.Release(order));
        Assert.False(ledger.Release(order));

        Assert.Equal((5, 0), (ledger.OnHand, ledger.Reserved));
    }

    [Fact]
    public void Release_after_commit_is_a_no_op()
    {
        var ledger = Ledger(5);
        var order = Guid.NewGuid();
        ledger.Reserve(order, 2);
        ledger.Commit(order);

        Assert.False(ledger.Release(order));

        Assert.Equal((3, 2), (ledger.OnHand, ledger.Committed));
    }

    [Fact]
    public void Settled_orders_leave_nothing_behind()
    {
        var ledger = Ledger(1_000);
        var fresh = StateSize(ledger);

        for (var i = 0; i < 500; i++)
        {
            var order = Guid.NewGuid();
            ledger.Reserve(order, 1);
            if (i % 2 == 0)
            {
                ledger.Commit(order);
            }
            else
            {
                ledger.Release(order);
            }
        }

        Assert.Equal((750L, 0L, 250L), (ledger.OnHand, ledger.Reserved, ledger.Committed));
        Assert.Empty(ledger.Reservations);
        Assert.Equal(fresh, StateSize(ledger));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(StockLedger.MaxOnHand + 1)]
    public void On_hand_out_of_range_is_a_validation_error(long onHand)
    {
        Assert.Equal(ErrorKind.Validation, Assert.Throws<ShopException>(() => Ledger(0).SetOnHand(onHand)).Kind);
    }

    [Fact]
    public void On_hand_below_the_reserved_units_is_refused_so_stock_never_goes_negative()
    {
        var ledger = Ledger(5);
        ledger.Reserve(Guid.NewGuid(), 4);

        var error = Assert.Throws<ShopException>(() => ledger.SetOnHand(3));

        Assert.Equal((ErrorKind.BusinessRule, 5L), (error.Kind, ledger.OnHand));
    }

    [Fact]
    public void Setting_on_hand_restarts_the_committed_count()
    {
        var ledger = Ledger(5);
        var order = Guid.NewGuid();
        ledger.Reserve(order, 1);
        ledger.Commit(order);

        ledger.SetOnHand(10);

        Assert.Equal((10, 0), (ledger.OnHand, ledger.Committed));
    }

    [Fact]
    public void A_zero_quantity_reservation_is_a_validation_error()
    {
        Assert.Equal(ErrorKind.Validation, Assert.Throws<ShopException>(() => Ledger(5).Reserve(Guid.NewGuid(), 0)).Kind);
    }

    [Fact]
    public void An_adjustment_adds_and_takes_off_units_and_keeps_the_committed_count()
    {
        var ledger = Ledger(5);
        var order = Guid.NewGuid();
        ledger.Reserve(order, 1);
        ledger.Commit(order);

        ledger.Adjust(+6);
        ledger.Adjust(-2);

        Assert.Equal((8, 1), (ledger.OnHand, ledger.Committed));
    }

    [Fact]
    public void An_adjustment_below_the_reserved_units_is_refused_and_changes_nothing()
    {
        var ledger = Ledger(5);
        ledger.Reserve(Guid.NewGuid(), 3);

        var refusal = Assert.Throws<ShopException>(() => ledger.Adjust(-3));

        Assert.Equal((ErrorKind.BusinessRule, "stock.below_reserved"), (refusal.Kind, refusal.Code));
        Assert.Equal(5, ledger.OnHand);
    }

    [Fact]
    public void An_adjustment_never_makes_on_hand_negative()
    {
        var ledger = Ledger(2);

        Assert.Equal(ErrorKind.BusinessRule, Assert.Throws<ShopException>(() => ledger.Adjust(-3)).Kind);
        Assert.Equal(2, ledger.OnHand);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(StockLedger.MaxOnHand + 1)]
    public void A_zero_or_oversized_adjustment_is_a_validation_error(long delta)
    {
        Assert.Equal(ErrorKind.Validation, Assert.Throws<ShopException>(() => Ledger(5).Adjust(delta)).Kind);
    }

    [Fact]
    public void A_discontinued_sku_refuses_new_reservations_but_settles_held_ones()
    {
        var ledger = Ledger(5);
        var held = Guid.NewGuid();
        ledger.Reserve(held, 2);

        ledger.Discontinued = true;

        Assert.Equal((false, false), ledger.Reserve(Guid.NewGuid(), 1));
        Assert.Equal((true, false), ledger.Reserve(held, 2));
        Assert.True(ledger.Commit(held));
        Assert.Equal(3, ledger.OnHand);
    }

    private static int StateSize(StockLedger ledger) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(ledger).Length;
}
