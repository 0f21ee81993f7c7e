import { useState } from 'preact/hooks';
import { ApiError } from '../../api/errors';
import type { Product, ProductInput } from '../../api/models';
import { Alert, Field, Loading, messageOf, useLoad, useTitle } from '../components';
import { useShop } from '../context';
import { formatMoney, parsePrice } from '../format';
import { navigate } from '../router';

const PageSize = 20;

function AdminOnly({ children }: { children: preact.ComponentChildren }) {
  const shop = useShop();
  if (!shop.auth.signedIn) return <section><h1>Admin</h1><p><a href="/login?next=/admin/products">Log in</a> as an administrator.</p></section>;
  if (!shop.auth.isAdmin) return <section><h1>Admin</h1><p class="alert" role="alert">This page is for administrators.</p></section>;
  return <>{children}</>;
}

/** Products for admins: search, publish or unpublish, set stock, edit. */
export function AdminProductsPage() {
  return <AdminOnly><ProductTable /></AdminOnly>;
}

function ProductTable() {
  const shop = useShop();
  useTitle('Manage products');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useLoad(() => shop.api.listAdminProducts(q, page, PageSize), [q, page]);
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PageSize));
  return (
    <section>
      <div class="results-bar">
        <h1>Manage products</h1>
        <a class="button primary" href="/admin/products/new">New product</a>
      </div>
      <div class="field">
        <label for="admin-search">Find products</label>
        <input id="admin-search" type="search" value={q} onInput={(e) => { setQ((e.target as HTMLInputElement).value); setPage(1); }} />
      </div>
      <Alert error={error} />
      {loading && !data ? <Loading /> : (
        <div class="table-scroll">
          <table class="table">
            <caption class="sr-only">Products</caption>
            <thead><tr><th scope="col">SKU</th><th scope="col">Name</th><th scope="col">Price</th><th scope="col">Published</th><th scope="col">Stock</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>{(data?.items ?? []).map((product) => <ProductRow key={product.sku} product={product} onChanged={reload} />)}</tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav class="pager" aria-label="Pages">
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous</button>
          <span>Page {page} of {pages}</span>
          <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>Next</button>
        </nav>
      )}
    </section>
  );
}

function ProductRow({ product, onChanged }: { product: Product; onChanged: () => void }) {
  const shop = useShop();
  const [stock, setStock] = useState(String(product.stock ?? 0));
  const [published, setPublished] = useState(product.published ?? true);
  const [message, setMessage] = useState<{ error?: string; saved?: string }>({});
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const id = `stock-${product.sku}`;
  const run = async (action: () => Promise<unknown>, saved: string) => {
    try {
      await action();
      setMessage({ saved });
    } catch (e) {
      setMessage({ error: messageOf(e) });
    }
  };
  const saveStock = (event: Event) => {
    event.preventDefault();
    const onHand = Number(stock);
    if (!Number.isInteger(onHand) || onHand < 0) return setMessage({ error: 'Enter a whole number of units, 0 or more.' });
    void run(() => shop.api.setStock(product.sku, onHand), 'Stock saved.');
  };
  const togglePublished = () => run(async () => {
    await shop.api.updateProduct(product.sku, { published: !published } as Partial<ProductInput>);
    setPublished(!published);
    onChanged();
  }, published ? 'Unpublished.' : 'Published.');
  const remove = () => run(async () => {
    await shop.api.deleteProduct(product.sku);
    onChanged();
  }, 'Deleted.');
  return (
    <tr data-sku={product.sku}>
      <td>{product.sku}</td>
      <td>{product.name}</td>
      <td>{formatMoney(product.price)}</td>
      <td>
        <span class="published-state">{published ? 'Yes' : 'No'}</span>{' '}
        <button type="button" onClick={togglePublished}>{published ? 'Unpublish' : 'Publish'}<span class="sr-only"> {product.name}</span></button>
      </td>
      <td>
        <form onSubmit={saveStock} class="qty">
          <label for={id} class="sr-only">Stock of {product.name}</label>
          <input id={id} type="number" min={0} value={stock} aria-invalid={message.error ? 'true' : undefined}
            aria-describedby={message.error ? `${id}-msg` : undefined} onInput={(e) => setStock((e.target as HTMLInputElement).value)} />
          <button type="submit">Set stock</button>
        </form>
        {message.error && <p class="field-error" id={`${id}-msg`} role="alert">{message.error}</p>}
        {message.saved && <p class="notice" role="status">{message.saved}</p>}
      </td>
      <td class="actions">
        <a href={`/admin/products/${encodeURIComponent(product.sku)}/edit`}>Edit<span class="sr-only"> {product.name}</span></a>
        {confirmingDelete ? (
          <span role="group" aria-label={`Delete ${product.name}?`}>
            <button type="button" class="danger" onClick={remove}>Delete for good<span class="sr-only"> {product.name}</span></button>
            <button type="button" onClick={() => setConfirmingDelete(false)}>Keep</button>
          </span>
        ) : <button type="button" class="link" onClick={() => setConfirmingDelete(true)}>Delete<span class="sr-only"> {product.name}</span></button>}
      </td>
    </tr>
  );
}

/** Create a product, or edit one. */
export function AdminProductEditPage({ sku }: { sku?: string }) {
  return <AdminOnly><ProductForm sku={sku} /></AdminOnly>;
}

interface FormState {
  sku: string; name: string; description: string; category: string; price: string; currency: string;
  images: string; published: boolean; stock: string;
}

function toForm(product?: Product | null): FormState {
  return {
    sku: product?.sku ?? '', name: product?.name ?? '', description: product?.description ?? '', category: product?.category ?? '',
    price: product?.price ? ((product.price.amountMinor ?? 0) / 100).toFixed(2) : '', currency: product?.price?.currency ?? 'EUR',
    images: (product?.images ?? []).join('\n'), published: product?.published ?? true, stock: String(product?.stock ?? 0),
  };
}

function ProductForm({ sku }: { sku?: string }) {
  const shop = useShop();
  useTitle(sku ? 'Edit product' : 'New product');
  const existing = useLoad(() => (sku ? shop.api.getProduct(sku) : Promise.resolve(null)), [sku]);
  if (sku && existing.loading) return <Loading />;
  if (sku && !existing.data) return <Alert error={existing.error} />;
  return <ProductFields key={sku ?? 'new'} sku={sku} initial={toForm(existing.data)} attributes={existing.data?.attributes} />;
}

const MaxImages = 20;

/** The image URLs of the form, one per line: site paths ("/images/...") or http(s) addresses. */
export function imageLines(text: string): { urls: string[]; error?: string } {
  const urls = text.split('\n').map((s) => s.trim()).filter(Boolean);
  if (urls.length > MaxImages) return { urls, error: `Enter at most ${MaxImages} image URLs.` };
  const bad = urls.find((url) => !/^(\/[^/\s]|https?:\/\/\S)/i.test(url) || /\s/.test(url) || url.length > 2000);
  return bad ? { urls, error: `“${bad}” is not an image URL: start it with / or https://.` } : { urls };
}

// A replace (PUT) sets every field, so the attributes the form does not edit are sent back as they were.
function ProductFields({ sku, initial, attributes }: { sku?: string; initial: FormState; attributes?: Product['attributes'] }) {
  const shop = useShop();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof FormState) => (e: Event) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const price = parsePrice(form.price);
    if (!sku && !/^[A-Za-z0-9._-]{1,64}$/.test(form.sku)) found.sku = 'Use 1 to 64 letters, digits, ".", "-" or "_".';
    if (!form.name.trim()) found.name = 'Enter a name.';
    if (!form.category.trim()) found.category = 'Enter a category.';
    if (price === null) found.price = 'Enter a price like 19.99.';
    if (!/^[A-Za-z]{3}$/.test(form.currency)) found.currency = 'Enter a three-letter currency code such as EUR.';
    const stock = Number(form.stock);
    if (!sku && (!Number.isInteger(stock) || stock < 0)) found.stock = 'Enter a whole number of units, 0 or more.';
    const images = imageLines(form.images);
    if (images.error) found.images = images.error;
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    const input: ProductInput = {
      name: form.name.trim(), description: form.description.trim(), category: form.category.trim(),
      price: { amountMinor: price!, currency: form.currency.toUpperCase() },
      images: images.urls, published: form.published, attributes: attributes ?? {},
    };
    setBusy(true);
    try {
      if (sku) await shop.api.updateProduct(sku, input);
      else {
        await shop.api.createProduct({ ...input, sku: form.sku.trim(), stock });
        await shop.api.setStock(form.sku.trim(), stock);
      }
      navigate('/admin/products');
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors).length > 0) {
        const mapped: Record<string, string> = {};
        for (const [field, message] of Object.entries(e.fieldErrors)) mapped[field.replace(/\.(amountMinor)$/, '').replace(/^product\./, '').replace(/^price\.currency$/, 'currency')] = message;
        setErrors(mapped);
      } else setFormError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="narrow">
      <h1>{sku ? `Edit ${sku}` : 'New product'}</h1>
      <form onSubmit={submit} noValidate>
        <Alert error={formError} />
        {!sku && <Field id="sku" label="SKU" value={form.sku} error={errors.sku} onInput={set('sku')} />}
        <Field id="name" label="Name" value={form.name} error={errors.name} onInput={set('name')} />
        <Field id="description" label="Description" error={errors.description}>
          <textarea id="description" rows={4} value={form.description} aria-invalid={errors.description ? 'true' : undefined} onInput={set('description')} />
        </Field>
        <Field id="category" label="Category" value={form.category} error={errors.category} onInput={set('category')} />
        <div class="row">
          <Field id="price" label="Price" inputMode="decimal" value={form.price} error={errors.price} onInput={set('price')} />
          <Field id="currency" label="Currency" maxLength={3} value={form.currency} error={errors.currency} onInput={set('currency')} />
        </div>
        {!sku && <Field id="stock" label="Stock (units on hand)" type="number" min={0} value={form.stock} error={errors.stock} onInput={set('stock')} />}
        <Field id="images" label="Image URLs (one per line)" hint="The first is shown in the catalog. Site paths such as /images/products/… or https:// addresses." error={errors.images}>
          <textarea id="images" rows={3} value={form.images} aria-describedby={errors.images ? 'images-hint images-error' : 'images-hint'} aria-invalid={errors.images ? 'true' : undefined} onInput={set('images')} />
        </Field>
        <ImagePreview text={form.images} name={form.name} />
        <label class="choice"><input type="checkbox" checked={form.published} onChange={(e) => setForm({ ...form, published: (e.target as HTMLInputElement).checked })} /> Published</label>
        <button type="submit" class="primary" disabled={busy}>{sku ? 'Save' : 'Create product'}</button>
      </form>
    </section>
  );
}

function ImagePreview({ text, name }: { text: string; name: string }) {
  const { urls, error } = imageLines(text);
  if (error || urls.length === 0) return null;
  return (
    <ul class="image-preview" aria-label="Image preview">
      {urls.map((url, i) => <li><img src={url} alt={`${name || 'Product'}, image ${i + 1}`} width={120} height={90} loading="lazy" /></li>)}
    </ul>
  );
}
