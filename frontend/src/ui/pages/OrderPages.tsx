import { useEffect, useState } from 'preact/hooks';
import type { Order } from '../../api/models';
import { Alert, Loading, messageOf, useLoad, useTitle } from '../components';
import { useShop } from '../context';
import { formatDate, formatMoney, statusLabel, terminalStatuses } from '../format';
import { loadStripe } from '../stripe';

const reasons: Record<string, string> = {
  out_of_stock: 'Some items were out of stock.',
  payment_declined: 'The payment was declined.',
  cancelled_by_customer: 'You cancelled this order.',
  reservation_expired: 'The stock held for this order expired.',
  timed_out: 'The order could not be completed in time.',
  cancelled_by_shop: 'The shop cancelled this order.',
};

export function reasonText(order: Order): string {
  const base = order.reason ? reasons[order.reason] ?? order.reason.replace(/_/g, ' ') : '';
  const detail = order.payment?.failureReason;
  return detail && order.reason === 'payment_declined' ? `${base} ${detail}` : base;
}

/** The shopper's orders, newest first. */
export function OrdersPage() {
  const shop = useShop();
  useTitle('Your orders');
  const { data, error, loading } = useLoad(() => shop.api.listOrders(1, 50), [shop.auth.userId]);
  if (!shop.auth.signedIn) return <section><h1>Your orders</h1><p><a href="/login?next=/orders">Log in</a> to see your orders.</p></section>;
  return (
    <section>
      <h1>Your orders</h1>
      <Alert error={error} />
      {loading && !data ? <Loading /> : (data?.items?.length ?? 0) === 0 ? <p>No orders yet.</p> : (
        <table class="table">
          <caption class="sr-only">Orders</caption>
          <thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Status</th><th scope="col">Total</th></tr></thead>
          <tbody>
            {data!.items!.map((order) => (
              <tr>
                <td><a href={`/orders/${order.orderId}`}>{order.orderId.slice(0, 8)}</a></td>
                <td>{formatDate(order.createdAt)}</td>
                <td><span class={`status ${order.status.toLowerCase()}`}>{statusLabel(order.status)}</span></td>
                <td>{formatMoney(order.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One order; its status is watched until it is CONFIRMED or CANCELLED. */
export function OrderPage({ orderId }: { orderId: string }) {
  const shop = useShop();
  useTitle('Order');
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await shop.api.getOrder(orderId);
        if (!live) return;
        setOrder(next);
        setError(null);
        if (terminalStatuses.has(next.status)) return;
      } catch (e) {
        if (!live) return;
        setError(messageOf(e));
      }
      timer = setTimeout(poll, 1000);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [orderId]);

  // A card that needs authentication (3-D Secure) is completed with Stripe.js when Stripe is the provider.
  useEffect(() => {
    const secret = order?.payment?.status === 'REQUIRES_ACTION' ? order.payment.clientSecret : undefined;
    if (!secret) return;
    shop.api.paymentsConfig().then(async (config) => {
      if (config.provider !== 'stripe' || !config.stripePublishableKey) return;
      const stripe = await loadStripe(config.stripePublishableKey);
      const result = await stripe.handleNextAction({ clientSecret: secret });
      if (result.error) setActionError(result.error.message ?? 'The card authentication failed.');
    }).catch((e: Error) => setActionError(e.message));
  }, [order?.payment?.status, order?.payment?.clientSecret]);

  const cancel = async () => {
    setBusy(true);
    setActionError(null);
    try {
      setOrder(await shop.api.cancelOrder(orderId));
    } catch (e) {
      setActionError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (!order) return <section><h1>Order</h1>{error ? <Alert error={error} /> : <Loading />}</section>;
  const cancellable = !terminalStatuses.has(order.status);
  return (
    <section class="order">
      <h1>Order {order.orderId.slice(0, 8)}</h1>
      <p class="order-status" aria-live="polite">
        Status: <strong data-testid="order-status" class={`status ${order.status.toLowerCase()}`}>{order.status}</strong>
        {!terminalStatuses.has(order.status) && <span class="muted"> (updating…)</span>}
      </p>
      {order.status === 'CANCELLED' && <p class="alert" data-testid="order-reason">{reasonText(order)}</p>}
      {order.payment?.status === 'REQUIRES_ACTION' && <p class="notice">Your bank asks you to confirm this payment.</p>}
      <Alert error={actionError ?? error} />
      <table class="table">
        <caption class="sr-only">Items</caption>
        <thead><tr><th scope="col">Item</th><th scope="col">Quantity</th><th scope="col">Price</th></tr></thead>
        <tbody>{(order.lines ?? []).map((line) => <tr><td>{line.name || line.sku}</td><td>{line.quantity}</td><td>{formatMoney(line.lineTotal)}</td></tr>)}</tbody>
      </table>
      <p class="total">Total: <strong>{formatMoney(order.total)}</strong></p>
      <dl class="summary">
        <dt>Placed</dt><dd>{formatDate(order.createdAt)}</dd>
        <dt>Payment</dt><dd>{order.payment?.method === 'card' ? 'Card' : 'Cash on delivery'}{order.payment?.status ? ` (${statusLabel(order.payment.status)})` : ''}</dd>
        {(order.payment?.refunded?.amountMinor ?? 0) > 0 && <><dt>Refunded</dt><dd>{formatMoney(order.payment?.refunded)}</dd></>}
        {order.shippingAddress && <><dt>Ship to</dt><dd>{[order.shippingAddress.name, order.shippingAddress.line1, order.shippingAddress.line2, `${order.shippingAddress.postalCode} ${order.shippingAddress.city}`, order.shippingAddress.country].filter(Boolean).join(', ')}</dd></>}
      </dl>
      {cancellable && <button type="button" onClick={cancel} disabled={busy}>Cancel order</button>}
      <p><a href="/orders">All orders</a></p>
    </section>
  );
}
