import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShopApi } from '../api/client';
import { AuthStore, RefreshMarginSeconds } from './auth';
import { memoryStore } from './storage';
import { fakeGateway, problem } from './testing';

const profile = { userId: 'u1', email: 'ann@example.com', name: 'Ann', roles: [] };

function tokens(n: number, expiresIn = 900) {
  return { userId: 'u1', accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn };
}

describe('AuthStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('renews the access token silently shortly before it expires, rotating the refresh token', async () => {
    let issued = 1;
    const gateway = fakeGateway((request) => {
      if (request.path === '/v1/auth/login') return { body: tokens(1) };
      if (request.path === '/v1/auth/refresh') return { body: tokens(++issued) };
      return { body: profile };
    });
    const auth = new AuthStore({ fetch: gateway.fetch, storage: memoryStore() });
    await auth.login('ann@example.com', 'secret-password');

    await vi.advanceTimersByTimeAsync((900 - RefreshMarginSeconds) * 1000 + 10);

    const refreshes = gateway.requests.filter((r) => r.path === '/v1/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].body).toEqual({ refreshToken: 'refresh-1' });
    expect(await auth.accessToken()).toBe('access-2');
  });

  it('shares one refresh between concurrent callers, since a reused refresh token revokes the session', async () => {
    const gateway = fakeGateway((request) => (request.path === '/v1/auth/refresh' ? { body: tokens(2) } : { body: tokens(1) }));
    const auth = new AuthStore({ fetch: gateway.fetch, storage: memoryStore() });
    await auth.login('ann@example.com', 'secret-password').catch(() => undefined);
    vi.setSystemTime(new Date('2026-01-01T00:14:50Z')); // ten seconds before expiry; the renewal timer has not run

    const [a, b, c] = await Promise.all([auth.accessToken(), auth.accessToken(), auth.refresh()]);

    expect([a, b, c]).toEqual(['access-2', 'access-2', 'access-2']);
    expect(gateway.requests.filter((r) => r.path === '/v1/auth/refresh')).toHaveLength(1);
  });

  it('keeps the session across a reload and renews an expired token before using it', async () => {
    const storage = memoryStore();
    const gateway = fakeGateway((request) => (request.path === '/v1/auth/refresh' ? { body: tokens(2) } : { body: tokens(1) }));
    await new AuthStore({ fetch: gateway.fetch, storage }).login('ann@example.com', 'secret-password').catch(() => undefined);
    vi.setSystemTime(new Date('2026-01-01T01:00:00Z'));

    const reloaded = new AuthStore({ fetch: gateway.fetch, storage });

    expect(reloaded.signedIn).toBe(true);
    expect(await reloaded.accessToken()).toBe('access-2');
  });

  it('ends the session when the refresh token is refused', async () => {
    const gateway = fakeGateway((request) => (request.path === '/v1/auth/refresh'
      ? { status: 401, body: problem(401, 'The refresh token was used before; its session is revoked.') }
      : { body: tokens(1) }));
    const auth = new AuthStore({ fetch: gateway.fetch, storage: memoryStore() });
    await auth.login('ann@example.com', 'secret-password').catch(() => undefined);

    expect(await auth.refresh()).toBeNull();
    expect(auth.signedIn).toBe(false);
  });

  it('keeps the session when the refresh fails for lack of a network', async () => {
    let online = true;
    const gateway = fakeGateway(() => ({ body: tokens(1) }));
    const fetchFn = (input: string, init?: RequestInit) => (online ? gateway.fetch(input, init) : Promise.reject(new TypeError('offline')));
    const auth = new AuthStore({ fetch: fetchFn, storage: memoryStore() });
    await auth.login('ann@example.com', 'secret-password').catch(() => undefined);
    online = false;

    await expect(auth.refresh()).rejects.toThrow(/cannot be reached/);
    expect(auth.signedIn).toBe(true);
  });

  it('sends the guest cart id with login so the gateway merges that cart', async () => {
    const gateway = fakeGateway((request) => (request.path === '/v1/me' ? { body: profile } : { body: tokens(1) }));
    const auth = new AuthStore({ fetch: gateway.fetch, storage: memoryStore() });

    await auth.login('ann@example.com', 'secret-password', 'guest-0123');

    expect(gateway.requests[0].headers['X-Cart-Id']).toBe('guest-0123');
    expect(auth.profile?.name).toBe('Ann');
  });

  it('retries an API call once with a renewed token after a 401', async () => {
    let current = 'access-1';
    const gateway = fakeGateway((request) => {
      if (request.path === '/v1/auth/refresh') {
        current = 'access-2';
        return { body: tokens(2) };
      }
      if (request.path === '/v1/orders?page=1&pageSize=10') {
        return request.headers.Authorization === `Bearer ${current}` && current === 'access-2'
          ? { body: { items: [], total: 0 } }
          : { status: 401, body: problem(401, 'A valid access token is required.') };
      }
      return { body: tokens(1) };
    });
    const auth = new AuthStore({ fetch: gateway.fetch, storage: memoryStore() });
    await auth.login('ann@example.com', 'secret-password').catch(() => undefined);
    const api = new ShopApi(gateway.fetch, auth);

    const orders = await api.listOrders(1, 10);

    expect(orders.total).toBe(0);
    expect(gateway.requests.filter((r) => r.path.startsWith('/v1/orders')).map((r) => r.headers.Authorization))
      .toEqual(['Bearer access-1', 'Bearer access-2']);
  });
});
