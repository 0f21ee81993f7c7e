import { ApiError } from './errors';
import { send, type FetchLike, type SendOptions } from './http';
import type {
  Cart, Order, PaymentsConfig, PlaceOrder, Product, ProductInput, ProductPage, ProductQuery, StockLevel,
} from './models';

/** What the client needs to know about the session: a token, and a way to renew it after a 401. */
export interface TokenSource {
  accessToken(): Promise<string | null>;
  refresh(): Promise<string | null>;
}

/** The public REST API of the gateway, one method per route the storefront uses. */
export class ShopApi {
  constructor(private readonly fetchFn: FetchLike, private readonly auth: TokenSource) {}

  listProducts(query: ProductQuery): Promise<ProductPage> {
    return this.get<ProductPage>(`/v1/products${queryString(query)}`);
  }

  getProduct(sku: string): Promise<Product> {
    return this.get<Product>(`/v1/products/${encodeURIComponent(sku)}`);
  }

  /** Every product for admins, unpublished ones included; before that route exists, the published listing. */
  async listAdminProducts(q: string, page: number, pageSize: number): Promise<ProductPage> {
    try {
      return await this.get<ProductPage>(`/v1/admin/products${queryString({ q, page, pageSize })}`);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return this.listProducts({ q, page, pageSize, sort: 'name' });
      throw error;
    }
  }

  createProduct(input: ProductInput): Promise<Product> {
    return this.call<Product>('POST', '/v1/products', { body: input });
  }

  updateProduct(sku: string, input: Partial<ProductInput>): Promise<Product> {
    return this.call<Product>('PUT', `/v1/products/${encodeURIComponent(sku)}`, { body: { ...input, sku } });
  }

  deleteProduct(sku: string): Promise<unknown> {
    return this.call('DELETE', `/v1/products/${encodeURIComponent(sku)}`, {});
  }

  setStock(sku: string, onHand: number): Promise<StockLevel> {
    return this.call<StockLevel>('PUT', `/v1/products/${encodeURIComponent(sku)}/stock`, { body: { onHand } });
  }

  async getCart(cartId: string | null): Promise<{ cart: Cart; issuedCartId: string | null }> {
    const { body, response } = await this.raw<Cart>('GET', '/v1/cart', { headers: cartHeader(cartId) });
    return { cart: body, issuedCartId: response.headers.get('X-Cart-Id') };
  }

  addCartItem(cartId: string | null, sku: string, quantity: number): Promise<Cart> {
    return this.call<Cart>('POST', '/v1/cart/items', { body: { sku, quantity }, headers: cartHeader(cartId) });
  }

  updateCartItem(cartId: string | null, sku: string, quantity: number): Promise<Cart> {
    return this.call<Cart>('PUT', `/v1/cart/items/${encodeURIComponent(sku)}`, { body: { quantity }, headers: cartHeader(cartId) });
  }

  removeCartItem(cartId: string | null, sku: string): Promise<Cart> {
    return this.call<Cart>('DELETE', `/v1/cart/items/${encodeURIComponent(sku)}`, { headers: cartHeader(cartId) });
  }

  placeOrder(order: PlaceOrder, idempotencyKey: string): Promise<{ orderId: string; status: string }> {
    return this.call('POST', '/v1/orders', { body: order, headers: { 'Idempotency-Key': idempotencyKey } });
  }

  listOrders(page: number, pageSize: number): Promise<{ items?: Order[]; total?: number }> {
    return this.get(`/v1/orders${queryString({ page, pageSize })}`);
  }

  getOrder(orderId: string): Promise<Order> {
    return this.get<Order>(`/v1/orders/${encodeURIComponent(orderId)}`);
  }

  cancelOrder(orderId: string): Promise<Order> {
    return this.call<Order>('POST', `/v1/orders/${encodeURIComponent(orderId)}/cancel`, { body: {} });
  }

  /** The payment provider; the built-in test gateway when the route is not there. */
  async paymentsConfig(): Promise<PaymentsConfig> {
    try {
      return await this.get<PaymentsConfig>('/v1/payments/config');
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return { provider: 'test' };
      throw error;
    }
  }

  private get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path, {});
  }

  private async call<T>(method: string, path: string, options: SendOptions): Promise<T> {
    return (await this.raw<T>(method, path, options)).body;
  }

  // Sends with the access token; an expired one (401) is renewed once and the request repeated.
  private async raw<T>(method: string, path: string, options: SendOptions): Promise<{ body: T; response: Response }> {
    const token = await this.auth.accessToken();
    try {
      return await send<T>(this.fetchFn, method, path, withToken(options, token));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401 || token === null) throw error;
      const renewed = await this.auth.refresh();
      return send<T>(this.fetchFn, method, path, withToken(options, renewed));
    }
  }
}

function withToken(options: SendOptions, token: string | null): SendOptions {
  if (!token) return options;
  const headers: Record<string, string> = { ...options.headers, Authorization: `Bearer ${token}` };
  delete headers['X-Cart-Id']; // a signed-in caller's cart is their own; a guest id would only confuse
  return { ...options, headers };
}

function cartHeader(cartId: string | null): Record<string, string> {
  return cartId ? { 'X-Cart-Id': cartId } : {};
}

/** "?a=1&b=x" from the set values of a query object ("" when none is set). */
export function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
