import { useEffect, useState } from 'preact/hooks';
import type { Product, ProductQuery } from '../../api/models';
import { queryString } from '../../api/client';
import { Alert, Loading, messageOf, useLoad, useTitle } from '../components';
import { useShop } from '../context';
import { formatMoney, parsePrice } from '../format';
import { ProductImage } from '../ProductImage';
import { navigate, type Location } from '../router';

const PageSize = 12;

const sorts: [string, string][] = [
  ['relevance', 'Relevance'],
  ['price_asc', 'Price: low to high'],
  ['price_desc', 'Price: high to low'],
  ['newest', 'Newest'],
  ['name', 'Name'],
];

function readQuery(params: URLSearchParams): ProductQuery {
  const number = (name: string) => (params.get(name) ? Number(params.get(name)) : undefined);
  return {
    q: params.get('q') ?? '',
    category: params.get('category') ?? '',
    minPrice: number('minPrice'),
    maxPrice: number('maxPrice'),
    sort: params.get('sort') ?? '',
    page: number('page') ?? 1,
  };
}

function go(query: ProductQuery): void {
  navigate(`/${queryString({ ...query, page: query.page && query.page > 1 ? query.page : undefined })}`, true);
}

/** Browse, search as you type, narrow by category and price, sort and page. */
export function CatalogPage({ location }: { location: Location }) {
  const shop = useShop();
  const query = readQuery(location.query);
  const [typed, setTyped] = useState(query.q ?? '');
  useTitle(query.category ? query.category : 'Catalog');
  const { data, error, loading } = useLoad(
    () => shop.api.listProducts({ ...query, pageSize: PageSize }),
    [location.query.toString()],
  );

  // Searches as the shopper types, once they pause.
  useEffect(() => {
    if (typed === (query.q ?? '')) return;
    const timer = setTimeout(() => go({ ...query, q: typed, page: 1 }), 250);
    return () => clearTimeout(timer);
  }, [typed]);

  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PageSize));
  return (
    <div class="catalog">
      <aside class="filters" aria-label="Filters">
        <div class="field">
          <label for="search">Search</label>
          <input id="search" type="search" value={typed} placeholder="Search products" autocomplete="off"
            onInput={(e) => setTyped((e.target as HTMLInputElement).value)} />
        </div>
        <CategoryFacet query={query} facets={data?.facets?.categories ?? []} />
        <PriceBands query={query} bands={data?.facets?.priceBands ?? []} />
        <PriceFilter query={query} />
      </aside>
      <section class="results" aria-labelledby="results-title" aria-busy={loading ? 'true' : 'false'}>
        <div class="results-bar">
          <h1 id="results-title">{query.q ? `Results for “${query.q}”` : query.category || 'All products'}</h1>
          <label class="inline">Sort by{' '}
            <select value={query.sort || 'relevance'} onChange={(e) => go({ ...query, sort: (e.target as HTMLSelectElement).value, page: 1 })}>
              {sorts.map(([value, label]) => <option value={value}>{label}</option>)}
            </select>
          </label>
        </div>
        <Alert error={error} />
        {loading && !data ? <Loading /> : (
          <>
            <p class="muted" role="status">{data?.total ?? 0} products</p>
            {(data?.items?.length ?? 0) === 0 && !loading && <p>No products match. Try another search or remove a filter.</p>}
            <ul class="grid">
              {(data?.items ?? []).map((product) => <ProductCard key={product.sku} product={product} />)}
            </ul>
            {pages > 1 && (
              <nav class="pager" aria-label="Pages">
                <button type="button" disabled={(query.page ?? 1) <= 1} onClick={() => go({ ...query, page: (query.page ?? 1) - 1 })}>Previous</button>
                <span>Page {query.page ?? 1} of {pages}</span>
                <button type="button" disabled={(query.page ?? 1) >= pages} onClick={() => go({ ...query, page: (query.page ?? 1) + 1 })}>Next</button>
              </nav>
            )}
          </>
        )}
      </section>
    </div>
  );
}

function CategoryFacet({ query, facets }: { query: ProductQuery; facets: { value: string; count: number }[] }) {
  return (
    <fieldset>
      <legend>Category</legend>
      <ul class="facets">
        <li><a href={`/${queryString({ q: query.q })}`} aria-current={!query.category ? 'true' : undefined}>All</a></li>
        {facets.map((facet) => (
          <li><a href={`/${queryString({ ...query, category: facet.value, page: undefined })}`}
            aria-current={query.category === facet.value ? 'true' : undefined}>{facet.value} <span class="count">({facet.count})</span></a></li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * A price-band facet as a price filter: "2500-5000" is 25.00 up to (not including) 50.00 in minor units, "25000+" is
 * 250.00 and more; the API's maxPrice is inclusive, hence the minus one.
 */
export function parseBand(value: string): { minPrice?: number; maxPrice?: number; upper?: number } | null {
  const match = /^(\d+)(?:-(\d+)|\+)$/.exec(value);
  if (!match) return null;
  const lower = Number(match[1]);
  const upper = match[2] ? Number(match[2]) : undefined;
  return { minPrice: lower > 0 ? lower : undefined, maxPrice: upper !== undefined ? upper - 1 : undefined, upper };
}

function bandLabel(band: { minPrice?: number; upper?: number }): string {
  const money = (minor: number) => formatMoney({ amountMinor: minor, currency: 'EUR' });
  if (band.minPrice === undefined) return `Under ${money(band.upper!)}`;
  if (band.upper === undefined) return `${money(band.minPrice)} and up`;
  return `${money(band.minPrice)} to ${money(band.upper)}`;
}

function PriceBands({ query, bands }: { query: ProductQuery; bands: { value: string; count: number }[] }) {
  const parsed = bands.filter((facet) => facet.count > 0).map((facet) => ({ facet, band: parseBand(facet.value) })).filter((b) => b.band !== null);
  if (parsed.length === 0) return null;
  return (
    <fieldset>
      <legend>Price range</legend>
      <ul class="facets">
        {parsed.map(({ facet, band }) => {
          const current = query.minPrice === band!.minPrice && query.maxPrice === band!.maxPrice;
          return (
            <li><a href={`/${queryString({ ...query, minPrice: band!.minPrice, maxPrice: band!.maxPrice, page: undefined })}`}
              aria-current={current ? 'true' : undefined}>{bandLabel(band!)} <span class="count">({facet.count})</span></a></li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function PriceFilter({ query }: { query: ProductQuery }) {
  const [min, setMin] = useState(query.minPrice !== undefined ? String(query.minPrice / 100) : '');
  const [max, setMax] = useState(query.maxPrice !== undefined ? String(query.maxPrice / 100) : '');
  const [error, setError] = useState<string | null>(null);
  const apply = (event: Event) => {
    event.preventDefault();
    const minPrice = min ? parsePrice(min) : undefined;
    const maxPrice = max ? parsePrice(max) : undefined;
    if (minPrice === null || maxPrice === null) return setError('Enter prices like 10 or 19.99.');
    if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) return setError('The minimum must not be above the maximum.');
    setError(null);
    go({ ...query, minPrice, maxPrice, page: 1 });
  };
  return (
    <form onSubmit={apply}>
      <fieldset>
        <legend>Price</legend>
        <div class="price-range">
          <label>Min <input inputMode="decimal" value={min} aria-describedby={error ? 'price-error' : undefined} onInput={(e) => setMin((e.target as HTMLInputElement).value)} /></label>
          <label>Max <input inputMode="decimal" value={max} aria-describedby={error ? 'price-error' : undefined} onInput={(e) => setMax((e.target as HTMLInputElement).value)} /></label>
        </div>
        {error && <p class="field-error" id="price-error">{error}</p>}
        <button type="submit">Apply</button>
      </fieldset>
    </form>
  );
}

function ProductCard({ product }: { product: Product }) {
  const shop = useShop();
  const [state, setState] = useState<{ busy: boolean; error?: string; added?: boolean }>({ busy: false });
  const add = async () => {
    setState({ busy: true });
    try {
      await shop.cart.add(product.sku, 1);
      setState({ busy: false, added: true });
    } catch (e) {
      setState({ busy: false, error: messageOf(e) });
    }
  };
  const soldOut = (product.stock ?? 0) <= 0;
  return (
    <li class="card" data-sku={product.sku}>
      <a href={`/products/${encodeURIComponent(product.sku)}`} class="card-link">
        <ProductImage product={product} sizes="(max-width: 600px) 50vw, 240px" />
        <h2>{product.name}</h2>
      </a>
      <p class="price">{formatMoney(product.price)}</p>
      <p class={soldOut ? 'stock out' : 'stock'}>{soldOut ? 'Out of stock' : 'In stock'}</p>
      <button type="button" onClick={add} disabled={state.busy || soldOut}>
        {state.added ? 'Added ✓' : 'Add to cart'}<span class="sr-only"> {product.name}</span>
      </button>
      {state.error && <p class="field-error" role="alert">{state.error}</p>}
    </li>
  );
}
