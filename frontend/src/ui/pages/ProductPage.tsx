import { useState } from 'preact/hooks';
import { Alert, Loading, messageOf, useLoad, useTitle } from '../components';
import { useShop } from '../context';
import { formatMoney } from '../format';
import { ProductImage } from '../ProductImage';

/** One product: images, description, price, availability, add to cart. */
export function ProductPage({ sku }: { sku: string }) {
  const shop = useShop();
  const { data: product, error, loading } = useLoad(() => shop.api.getProduct(sku), [sku]);
  const [quantity, setQuantity] = useState('1');
  const [result, setResult] = useState<{ error?: string; added?: boolean }>({});
  useTitle(product?.name ?? 'Product');
  if (loading && !product) return <Loading />;
  if (!product) return <><h1>Product</h1><Alert error={error} /><p><a href="/">Back to the catalog</a></p></>;

  const available = product.stock ?? 0;
  const add = async (event: Event) => {
    event.preventDefault();
    const units = Number(quantity);
    if (!Number.isInteger(units) || units < 1) return setResult({ error: 'Enter a quantity of at least 1.' });
    try {
      await shop.cart.add(product.sku, units);
      setResult({ added: true });
    } catch (e) {
      setResult({ error: messageOf(e) });
    }
  };
  return (
    <article class="product">
      <div class="gallery">
        {(product.images?.length ?? 0) > 0
          ? product.images!.map((_, i) => <ProductImage product={product} index={i} lazy={i > 0} sizes="(max-width: 700px) 100vw, 50vw" />)
          : <div class="placeholder large" aria-hidden="true">{(product.name ?? '').charAt(0)}</div>}
      </div>
      <div class="details">
        <p class="muted"><a href={`/?category=${encodeURIComponent(product.category ?? '')}`}>{product.category}</a></p>
        <h1>{product.name}</h1>
        <p class="price large">{formatMoney(product.price)}</p>
        <p class={available > 0 ? 'stock' : 'stock out'}>{available > 0 ? `In stock: ${available} available` : 'Out of stock'}</p>
        <p class="description">{product.description}</p>
        {product.attributes && Object.keys(product.attributes).length > 0 && (
          <dl class="attributes">{Object.entries(product.attributes).map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}</dl>
        )}
        <form onSubmit={add} class="add-form">
          <label for="quantity">Quantity</label>
          <input id="quantity" type="number" min={1} max={Math.max(1, available)} value={quantity}
            aria-invalid={result.error ? 'true' : undefined} aria-describedby={result.error ? 'add-error' : undefined}
            onInput={(e) => setQuantity((e.target as HTMLInputElement).value)} />
          <button type="submit" disabled={available <= 0}>Add to cart</button>
        </form>
        {result.error && <p class="field-error" id="add-error" role="alert">{result.error}</p>}
        {result.added && <p class="notice" role="status">Added to your cart. <a href="/cart">View cart</a></p>}
      </div>
    </article>
  );
}
