using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Shop.Grains.Payments;
using Shop.Grains.Tests.Support;
using Shop.Orders;
using Shop.Payments;

namespace Shop.Integration.Tests.Fixtures;

/// <summary>
/// The steps and checks of the failure tests (a silo killed, a broker down) that reason about many orders at once:
/// placing an order that may be interrupted, which orders were accepted, whether they all finished, whether stock
/// and payments add up.
/// </summary>
internal static class OrderOutcomes
{
    /// <summary>
    /// Places one order of <paramref name="quantity"/> units for a new user; a call that fails because its silo died is
    /// not an assertion: acceptance is read afterwards with <see cref="Accepted"/>.
    /// </summary>
    public static async Task<Guid> TryCheckout(ShopDriver driver, string sku, PaymentMethod method, string? token, int quantity = 1, Guid? orderId = null)
    {
        var id = orderId ?? Guid.NewGuid();
        try
        {
            var (user, _) = await driver.User();
            await driver.Fill(user, sku, quantity);
            await driver.Place(id, user, method, token);
        }
        catch (Exception ex) when (IsSiloLoss(ex))
        {
            // The order may or may not exist; Accepted() asks the order grain.
        }

        return id;
    }

    /// <summary>
    /// Whether a call failed because the silo it went to died (the call may or may not have taken effect); a client
    /// may also still try the dead silo's gateway until the cluster declares it dead (ConnectionFailedException).
    /// </summary>
    public static bool IsSiloLoss(Exception ex) =>
        ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or Orleans.Runtime.Messaging.ConnectionFailedException;

    /// <summary>The orders among <paramref name="attempted"/> that exist.</summary>
    public static async Task<List<Guid>> Accepted(ShopDriver driver, IEnumerable<Guid> attempted)
    {
        var accepted = new List<Guid>();
        foreach (var orderId in attempted)
        {
            if (await driver.Grains.GetGrain<IOrderGrain>(orderId).GetOrder() is not null)
            {
                accepted.Add(orderId);
            }
        }

        return accepted;
    }

    /// <summary>Whether every order is CONFIRMED or CANCELLED.</summary>
    public static async Task<bool> AllFinished(ShopDriver driver, IEnumerable<Guid> orders)
    {
        foreach (var orderId in orders)
        {
            var order = await driver.Grains.GetGrain<IOrderGrain>(orderId).GetOrder();
            if (order?.Status is not (OrderStatus.Confirmed or OrderStatus.Cancelled))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether nothing of <paramref name="sku"/> is held any more and on hand + committed is the initial stock.</summary>
    public static async Task<bool> StockConserved(ShopDriver driver, string sku, long initialStock)
    {
        var level = await driver.Level(sku);
        return level.Reserved == 0 && level.OnHand + level.Committed == initialStock;
    }

    /// <summary>The test payment gateway of each silo (every silo has its own, as separate processes would).</summary>
    public static List<TestPaymentGateway> PaymentGateways(InProcessTestCluster cluster) =>
        cluster.Silos.Select(silo => cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<TestPaymentGateway>()).ToList();

    /// <summary>Fails when an order was charged through more than one silo's gateway.</summary>
    public static void NoneChargedTwice(IEnumerable<TestPaymentGateway> gateways, IEnumerable<Guid> orders) =>
        Assert.All(orders, order => Assert.True(
            gateways.Count(gateway => gateway.ChargeFor(order.ToString()) is not null) <= 1, $"order {order} was charged on two silos"));
}
