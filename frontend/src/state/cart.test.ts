import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { Shop } from './shop';
import { memoryStore } from './storage';
import { fakeGateway, problem, type Recorded } from './testing';

const tokens = { userId: 'u1', accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900 };

/** A gateway keeping carts by id like the real one: a guest id is issued by GET /v1/cart, login merges it. */
function cartGateway() {
  const carts = new Map<string, Map<string, number>>();
  let issued = 0;
  const view = (id: string) => ({
    cartId: id,
    lines: [...(carts.get(id) ?? new Map()).entries()].map(([sku, quantity]) => ({ sku, name: sku, quantity })),
  });
  const cartOf = (request: Recorded) => (request.headers.Authorization ? 'user-u1' : request.headers['X-Cart-Id']);
  return fakeGateway((request) => {
    if (request.path === '/v1/auth/login' || request.path === '/v1/auth/register') {
      const guest = request.headers['X-Cart-Id'];
      const user = carts.get('user-u1') ?? new Map<string, number>();
      for (const [sku, quantity] of carts.get(guest) ?? []) user.set(sku, (user.get(sku) ?? 0) + quantity);
      carts.set('user-u1', user);
      return { body: tokens };
    }
    if (request.path === '/v1/me') return { body: { userId: 'u1', email: 'ann@example.com', roles: [] } };
    let id = cartOf(request);
    const headers: Record<string, string> = {};
    if (!id) {
      id = `guest-${++issued}`;
      headers['X-Cart-Id'] = id;
    }
    const lines = carts.get(id) ?? new Map<string, number>();
    carts.set(id, lines);
    const body = request.body as { sku?: string; quantity?: number } | undefined;
    if (request.method === 'POST') {
      if ((body?.quantity ?? 0) > 99) return { status: 400, body: problem(400, 'quantity must be between 1 and 99.', { quantity: ['quantity must be between 1 and 99.'] }) };
      lines.set(body!.sku!, (lines.get(body!.sku!) ?? 0) + body!.quantity!);
    }
    if (request.method === 'PUT') lines.set(decodeURIComponent(request.path.split('/').pop()!), body!.quantity!);
    if (request.method === 'DELETE') lines.delete(decodeURIComponent(request.path.split('/').pop()!));
    return { body: view(id), headers };
  });
}

describe('CartStore', () => {
  it('gets a guest cart id issued once and keeps it across a reload', async () => {
    const gateway = cartGateway();
    const storage = memoryStore();
    const shop = new Shop(gateway.fetch, storage);
    await shop.cart.add('MUG-1', 2);

    const reloaded = new Shop(gateway.fetch, storage);
    await reloaded.start();

    expect(reloaded.cart.count).toBe(2);
    expect(reloaded.cart.quantityOf('MUG-1')).toBe(2);
    expect(gateway.requests.filter((r) => r.headers['X-Cart-Id'] === undefined && r.path === '/v1/cart')).toHaveLength(1);
  });

  it('changes quantities and removes a line when its quantity is set to zero', async () => {
    const shop = new Shop(cartGateway().fetch, memoryStore());
    await shop.cart.add('MUG-1', 1);
    await shop.cart.add('TEE-2', 1);

    await shop.cart.setQuantity('MUG-1', 5);
    await shop.cart.setQuantity('TEE-2', 0);

    expect(shop.cart.cart.lines).toEqual([{ sku: 'MUG-1', name: 'MUG-1', quantity: 5 }]);
    expect(shop.cart.count).toBe(5);
  });

  it('keeps the guest cart on registration: the guest id goes with the request, then the user cart is shown', async () => {
    const gateway = cartGateway();
    const shop = new Shop(gateway.fetch, memoryStore());
    await shop.cart.add('MUG-1', 3);
    const guestId = shop.cart.guestId;

    await shop.register('ann@example.com', 'secret-password', 'Ann');

    const registration = gateway.requests.find((r) => r.path === '/v1/auth/register')!;
    expect(registration.headers['X-Cart-Id']).toBe(guestId);
    expect(shop.cart.guestId).toBeNull();
    expect(shop.cart.quantityOf('MUG-1')).toBe(3);
    const lastCartRead = gateway.requests.filter((r) => r.path === '/v1/cart').pop()!;
    expect(lastCartRead.headers.Authorization).toBe('Bearer access-1');
    expect(lastCartRead.headers['X-Cart-Id']).toBeUndefined();
  });

  it('starts an empty guest cart after logout, leaving the user cart on the server', async () => {
    const shop = new Shop(cartGateway().fetch, memoryStore());
    await shop.login('ann@example.com', 'secret-password');
    await shop.cart.add('MUG-1', 1);

    await shop.logout();

    expect(shop.cart.count).toBe(0);
    expect(shop.cart.guestId).toMatch(/^guest-/);
  });

  it('reports a refused change with the field the gateway named and leaves the cart as it was', async () => {
    const shop = new Shop(cartGateway().fetch, memoryStore());
    await shop.cart.add('MUG-1', 1);

    const error = await shop.cart.add('MUG-1', 500).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).field('quantity')).toBe('Quantity must be between 1 and 99.');
    expect(shop.cart.quantityOf('MUG-1')).toBe(1);
  });
});
