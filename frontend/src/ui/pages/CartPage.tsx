import { useState } from 'preact/hooks';
import type { LineItem } from '../../api/models';
import { messageOf, useTitle } from '../components';
import { useShop } from '../context';
import { formatMoney } from '../format';

/** The cart: change quantities, remove lines, go to checkout. */
export function CartPage() {
  const shop = useShop();
  useTitle('Cart');
  const lines = shop.cart.cart.lines ?? [];
  return (
    <section class="cart">
      <h1>Your cart</h1>
      {lines.length === 0 ? <p>Your cart is empty. <a href="/">Browse the catalog</a></p> : (
        <>
          <ul class="lines">{lines.map((line) => <CartLine key={line.sku} line={line} />)}</ul>
          <p class="total">Total: <strong data-testid="cart-total">{formatMoney(shop.cart.cart.total)}</strong></p>
          <p><a class="button primary" href="/checkout">Check out</a></p>
        </>
      )}
    </section>
  );
}

function CartLine({ line }: { line: LineItem }) {
  const shop = useShop();
  const [quantity, setQuantity] = useState(String(line.quantity));
  const [error, setError] = useState<string | null>(null);
  const id = `qty-${line.sku}`;
  const run = async (action: () => Promise<unknown>) => {
    try {
      setError(null);
      await action();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const update = (event: Event) => {
    event.preventDefault();
    const units = Number(quantity);
    if (!Number.isInteger(units) || units < 0) return setError('Enter a whole number of units.');
    void run(() => shop.cart.setQuantity(line.sku, units));
  };
  return (
    <li class="line" data-sku={line.sku}>
      <a href={`/products/${encodeURIComponent(line.sku)}`} class="line-name">{line.name || line.sku}</a>
      <span class="muted">{formatMoney(line.unitPrice)} each</span>
      <form onSubmit={update} class="qty">
        <label for={id}>Quantity</label>
        <input id={id} type="number" min={0} value={quantity} aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => setQuantity((e.target as HTMLInputElement).value)} />
        <button type="submit">Update</button>
      </form>
      <strong>{formatMoney(line.lineTotal)}</strong>
      <button type="button" class="link" onClick={() => run(() => shop.cart.remove(line.sku))} >Remove<span class="sr-only"> {line.name || line.sku}</span></button>
      {error && <p class="field-error" id={`${id}-error`} role="alert">{error}</p>}
    </li>
  );
}
