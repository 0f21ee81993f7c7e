import type { ShopApi } from '../api/client';
import type { Cart } from '../api/models';
import { Listeners, type KeyValueStore } from './storage';

const GuestCartKey = 'shop.guestCart';

/** What the cart needs of the session. */
export interface SessionView {
  readonly signedIn: boolean;
}

type CartApi = Pick<ShopApi, 'getCart' | 'addCartItem' | 'updateCartItem' | 'removeCartItem'>;

/**
 * The shopper's cart. A guest's cart lives on the server under an id the gateway issues (X-Cart-Id), kept here across
 * reloads; on login the gateway merges that cart into the user's, after which the guest id is forgotten.
 */
export class CartStore {
  private readonly listeners = new Listeners();
  private guestCartId: string | null;
  cart: Cart = emptyCart();

  constructor(private readonly api: CartApi, private readonly session: SessionView, private readonly storage: KeyValueStore) {
    this.guestCartId = storage.getItem(GuestCartKey);
  }

  subscribe(listener: () => void): () => void {
    return this.listeners.subscribe(listener);
  }

  /** The guest cart id to hand over at login, so its lines are merged. */
  get guestId(): string | null {
    return this.session.signedIn ? null : this.guestCartId;
  }

  /** Number of units in the cart (for the header badge). */
  get count(): number {
    return (this.cart.lines ?? []).reduce((sum, line) => sum + line.quantity, 0);
  }

  quantityOf(sku: string): number {
    return this.cart.lines?.find((line) => line.sku === sku)?.quantity ?? 0;
  }

  /** Loads the cart; a guest without an id gets one issued. */
  async load(): Promise<Cart> {
    const { cart, issuedCartId } = await this.api.getCart(this.guestId);
    if (!this.session.signedIn && issuedCartId) this.rememberGuest(issuedCartId);
    return this.set(cart);
  }

  async add(sku: string, quantity = 1): Promise<Cart> {
    await this.ensureGuestId();
    return this.set(await this.api.addCartItem(this.guestId, sku, quantity));
  }

  /** Sets a line's quantity; zero removes the line. */
  async setQuantity(sku: string, quantity: number): Promise<Cart> {
    if (quantity <= 0) return this.remove(sku);
    await this.ensureGuestId();
    return this.set(await this.api.updateCartItem(this.guestId, sku, quantity));
  }

  async remove(sku: string): Promise<Cart> {
    await this.ensureGuestId();
    return this.set(await this.api.removeCartItem(this.guestId, sku));
  }

  /** After login or registration: the guest cart was merged by the gateway, so its id is dropped. */
  async signedIn(): Promise<Cart> {
    this.forgetGuest();
    return this.load();
  }

  /** After logout: the user's cart stays theirs; the browser starts a new guest cart. */
  async signedOut(): Promise<Cart> {
    this.forgetGuest();
    this.set(emptyCart());
    return this.load();
  }

  /** After checkout the gateway has emptied the cart. */
  cleared(): void {
    this.set(emptyCart());
  }

  private async ensureGuestId(): Promise<void> {
    if (!this.session.signedIn && !this.guestCartId) await this.load();
  }

  private rememberGuest(id: string): void {
    this.guestCartId = id;
    this.storage.setItem(GuestCartKey, id);
  }

  private forgetGuest(): void {
    this.guestCartId = null;
    this.storage.removeItem(GuestCartKey);
  }

  private set(cart: Cart): Cart {
    this.cart = { ...cart, lines: cart.lines ?? [] };
    this.listeners.notify();
    return this.cart;
  }
}

// The cart before the gateway has named it (no id yet) or after it was emptied.
function emptyCart(): Cart {
  return { cartId: '', lines: [] };
}
