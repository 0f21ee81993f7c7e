using Shop.ApiGateway.Auth;
using Shop.ApiGateway.Carts;
using Shop.ApiGateway.Orders;
using Shop.Common;

namespace Shop.ApiGateway.Tests.Unit;

/// <summary>Order ids from idempotency keys, cart ids, refresh-token routing.</summary>
public sealed class IdentifierTests
{
    private static readonly Guid User = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Fact]
    public void The_same_user_and_key_give_the_same_order_id_and_other_users_or_keys_do_not()
    {
        var id = OrderIds.For(User, "key-1");

        Assert.Equal(id, OrderIds.For(User, "key-1"));
        Assert.NotEqual(id, OrderIds.For(User, "key-2"));
        Assert.NotEqual(id, OrderIds.For(Guid.NewGuid(), "key-1"));
        Assert.Equal(8, id.Version);
        Assert.Equal(0x8, id.ToByteArray(bigEndian: true)[8] >> 4 & 0xC);
    }

    [Fact]
    public void Without_a_key_every_checkout_is_a_new_order()
    {
        Assert.NotEqual(OrderIds.For(User, null), OrderIds.For(User, null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\there")]
    [InlineData("ключ")]
    public void An_idempotency_key_that_is_not_printable_ascii_is_a_validation_error(string key)
    {
        var error = Assert.Throws<ShopException>(() => OrderIds.For(User, key));

        Assert.Equal(ErrorKind.Validation, error.Kind);
    }

    [Fact]
    public void An_idempotency_key_of_101_characters_is_a_validation_error()
    {
        Assert.Equal(100, OrderIds.ValidKey(new string('k', 100)).Length);
        Assert.Throws<ShopException>(() => OrderIds.ValidKey(new string('k', 101)));
    }

    [Fact]
    public void Guest_cart_ids_are_issued_and_accepted_only_in_their_exact_form()
    {
        var issued = CartIds.NewGuest();

        Assert.Matches("^guest-[0-9a-f]{32}$", issued);
        Assert.True(CartIds.IsGuest(issued));
        Assert.NotEqual(issued, CartIds.NewGuest());
        Assert.False(CartIds.IsGuest(issued.ToUpperInvariant()));
        Assert.False(CartIds.IsGuest(issued + "0"));
        Assert.False(CartIds.IsGuest("user-" + new string('0', 32)));
        Assert.False(CartIds.IsGuest(null));
        Assert.Equal("user-0f8fad5bd9cb469fa16570867728950e", CartIds.ForUser(User));
    }

    [Fact]
    public void A_refresh_token_names_its_user_before_the_first_dot()
    {
        Assert.Equal(User, RefreshTokens.UserIdOf($"{User:N}.family.secret"));
        Assert.Null(RefreshTokens.UserIdOf($"{User}.family.secret"));
        Assert.Null(RefreshTokens.UserIdOf("garbage"));
        Assert.Null(RefreshTokens.UserIdOf($"{User:N}."));
        Assert.Null(RefreshTokens.UserIdOf(""));
        Assert.Null(RefreshTokens.UserIdOf($"{User:N}.{new string('x', 600)}"));
    }
}
