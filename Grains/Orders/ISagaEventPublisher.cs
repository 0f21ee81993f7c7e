using Shop.Catalog;
using Shop.Orders.Events;
using Shop.Users;

namespace Shop.Grains.Orders;

/// <summary>
/// Publishes the events the grains emit (order saga, user lifecycle, catalog changes). Grains write their state
/// before they call it. Behind an interface so tests can deliver every event twice.
/// </summary>
public interface ISagaEventPublisher
{
    /// <summary>Publishes an order saga event on (<c>saga</c>, <c>order</c>, order id).</summary>
    Task Publish(OrderEvent orderEvent);

    /// <summary>Publishes a registration on (<c>saga</c>, <c>user</c>, user id).</summary>
    Task Publish(UserRegistered userEvent);

    /// <summary>Publishes a product change on (<c>saga</c>, <c>catalog</c>, catalog stream key).</summary>
    Task Publish(ProductChanged productEvent);
}
