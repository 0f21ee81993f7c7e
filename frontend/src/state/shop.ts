import { ShopApi } from '../api/client';
import type { FetchLike } from '../api/http';
import { AuthStore } from './auth';
import { CartStore } from './cart';
import type { KeyValueStore } from './storage';

/** The one place that holds the storefront's state: the session, the cart, and the API client they share. */
export class Shop {
  readonly auth: AuthStore;
  readonly api: ShopApi;
  readonly cart: CartStore;

  constructor(fetchFn: FetchLike, storage: KeyValueStore) {
    this.auth = new AuthStore({ fetch: fetchFn, storage });
    this.api = new ShopApi(fetchFn, this.auth);
    this.cart = new CartStore(this.api, this.auth, storage);
  }

  async login(email: string, password: string): Promise<void> {
    await this.auth.login(email, password, this.cart.guestId);
    await this.cart.signedIn();
  }

  async register(email: string, password: string, name: string): Promise<void> {
    await this.auth.register(email, password, name, this.cart.guestId);
    await this.cart.signedIn();
  }

  async logout(): Promise<void> {
    this.auth.logout();
    await this.cart.signedOut();
  }

  /** Restores the session and the cart after a page load. */
  async start(): Promise<void> {
    if (this.auth.signedIn) await this.auth.loadProfile().catch(() => undefined);
    await this.cart.load().catch(() => undefined);
  }
}
