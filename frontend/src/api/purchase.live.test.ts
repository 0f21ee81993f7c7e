// A purchase through a client made from the OpenAPI document alone: openapi-fetch typed by the generated schema.ts,
// against a running gateway named by SHOP_API_URL (tests/Shop.E2E.Tests starts one and runs this file). Without
// SHOP_API_URL the suite is not collected at all (see vite.config.ts).
import createClient, { type Middleware } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import type { paths } from './schema';

const baseUrl = process.env.SHOP_API_URL ?? '';
const deadlineMs = 30_000;

describe('a shopper using the generated client', () => {
  it('browses, fills a guest cart, registers, checks out once with an idempotency key and sees the order confirmed', async () => {
    const api = createClient<paths>({ baseUrl });

    const page = await api.GET('/v1/products', { params: { query: { q: 'headphones', pageSize: 5 } } });
    expect(page.response.status).toBe(200);
    const product = page.data!.items.find((item) => (item.stock ?? 0) > 0)!;
    expect(product.images.length).toBeGreaterThan(0);

    const cart = await api.GET('/v1/cart', {});
    const cartId = cart.response.headers.get('X-Cart-Id')!;
    expect(cartId).toMatch(/^guest-[0-9a-f]{32}$/);
    const added = await api.POST('/v1/cart/items', { params: { header: { 'X-Cart-Id': cartId } }, body: { sku: product.sku, quantity: 2 } });
    expect(added.data!.lines.map((line) => [line.sku, line.quantity])).toEqual([[product.sku, 2]]);

    const email = `generated-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const tokens = await api.POST('/v1/auth/register', {
      params: { header: { 'X-Cart-Id': cartId } },
      body: { email, password: 'correct-horse-battery-staple', name: 'Generated Client' },
    });
    expect(tokens.response.status).toBe(200);
    const bearer: Middleware = {
      onRequest({ request }) {
        request.headers.set('Authorization', `Bearer ${tokens.data!.accessToken}`);
        return request;
      },
    };
    api.use(bearer);

    const merged = await api.GET('/v1/cart', {});
    expect(merged.data!.lines.map((line) => line.sku)).toEqual([product.sku]);

    const order = {
      paymentMethod: 'cash_on_delivery' as const,
      shippingAddress: { name: 'Generated Client', line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
    };
    const key = `generated-${email}`;
    const placed = await api.POST('/v1/orders', { params: { header: { 'Idempotency-Key': key } }, body: order });
    const again = await api.POST('/v1/orders', { params: { header: { 'Idempotency-Key': key } }, body: order });
    expect(placed.response.status).toBe(202);
    expect(again.data!.orderId).toBe(placed.data!.orderId);

    const orderId = placed.data!.orderId;
    let status = placed.data!.status;
    const deadline = Date.now() + deadlineMs;
    while (status !== 'CONFIRMED' && status !== 'CANCELLED' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await api.GET('/v1/orders/{orderId}', { params: { path: { orderId } } })).data!.status;
    }
    expect(status).toBe('CONFIRMED');

    const refused = await api.GET('/v1/orders/{orderId}', { params: { path: { orderId: '00000000-0000-0000-0000-000000000000' } } });
    expect(refused.response.status).toBe(404);
    expect(refused.response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(refused.error!.code).toBe('order.not_found');
  }, 60_000);
});
