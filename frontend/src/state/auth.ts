import { ApiError } from '../api/errors';
import { send, type FetchLike } from '../api/http';
import type { Profile, Tokens } from '../api/models';
import { Listeners, type KeyValueStore } from './storage';

const StorageKey = 'shop.session';

/** Seconds before expiry at which the access token is renewed. */
export const RefreshMarginSeconds = 60;

interface Session {
  userId: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt: number;
}

export interface AuthOptions {
  fetch: FetchLike;
  storage: KeyValueStore;
  now?: () => number;
}

/**
 * The signed-in session: tokens kept across reloads, renewed silently before they expire (one refresh at a time,
 * since the gateway rotates refresh tokens and treats a reused one as theft), and the caller's profile.
 */
export class AuthStore {
  private readonly fetchFn: FetchLike;
  private readonly storage: KeyValueStore;
  private readonly now: () => number;
  private readonly listeners = new Listeners();
  private session: Session | null;
  private refreshing: Promise<string | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  profile: Profile | null = null;

  constructor(options: AuthOptions) {
    this.fetchFn = options.fetch;
    this.storage = options.storage;
    this.now = options.now ?? Date.now;
    this.session = readSession(this.storage.getItem(StorageKey));
    this.schedule();
  }

  get signedIn(): boolean {
    return this.session !== null;
  }

  get userId(): string | null {
    return this.session?.userId ?? null;
  }

  get isAdmin(): boolean {
    return this.profile?.roles?.includes('admin') ?? false;
  }

  subscribe(listener: () => void): () => void {
    return this.listeners.subscribe(listener);
  }

  /** Logs in; a guest cart id is sent so the gateway merges that cart into the user's. */
  async login(email: string, password: string, guestCartId?: string | null): Promise<void> {
    await this.signIn('/v1/auth/login', { email, password }, guestCartId);
  }

  /** Registers and logs in; a guest cart id is merged like on login. */
  async register(email: string, password: string, name: string, guestCartId?: string | null): Promise<void> {
    await this.signIn('/v1/auth/register', { email, password, name }, guestCartId);
  }

  logout(): void {
    this.session = null;
    this.profile = null;
    this.storage.removeItem(StorageKey);
    this.cancelTimer();
    this.listeners.notify();
  }

  /** A current access token, renewed first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    const session = this.session;
    if (!session) return null;
    if (session.expiresAt - this.now() > RefreshMarginSeconds * 1000) return session.accessToken;
    return this.refresh();
  }

  /**
   * Renews the tokens; concurrent callers share one request. A refused refresh ends the session (the user logs in
   * again); a network failure keeps it, so a flaky connection does not log anyone out.
   */
  refresh(): Promise<string | null> {
    if (!this.session) return Promise.resolve(null);
    this.refreshing ??= this.renew(this.session.refreshToken).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Loads the profile (name, roles) of the signed-in user. */
  async loadProfile(): Promise<Profile | null> {
    const token = await this.accessToken();
    if (!token) return null;
    try {
      const { body } = await send<Profile>(this.fetchFn, 'GET', '/v1/me', { headers: { Authorization: `Bearer ${token}` } });
      this.profile = body;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.logout();
      else throw error;
    }
    this.listeners.notify();
    return this.profile;
  }

  private async signIn(path: string, body: object, guestCartId?: string | null): Promise<void> {
    const headers: Record<string, string> = guestCartId ? { 'X-Cart-Id': guestCartId } : {};
    const { body: tokens } = await send<Tokens>(this.fetchFn, 'POST', path, { body, headers });
    this.store(tokens);
    await this.loadProfile();
  }

  private async renew(refreshToken: string): Promise<string | null> {
    try {
      const { body } = await send<Tokens>(this.fetchFn, 'POST', '/v1/auth/refresh', { body: { refreshToken } });
      this.store(body);
      return body.accessToken;
    } catch (error) {
      if (error instanceof ApiError && error.status !== 0 && error.status < 500) {
        this.logout();
        return null;
      }
      throw error;
    }
  }

  private store(tokens: Tokens): void {
    this.session = {
      userId: tokens.userId,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: this.now() + tokens.expiresIn * 1000,
    };
    this.storage.setItem(StorageKey, JSON.stringify(this.session));
    this.schedule();
    this.listeners.notify();
  }

  // Renews a little before expiry so requests never wait for a refresh while the page is open.
  private schedule(): void {
    this.cancelTimer();
    if (!this.session) return;
    const due = Math.max(0, this.session.expiresAt - RefreshMarginSeconds * 1000 - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh().catch(() => this.retryLater());
    }, due);
  }

  private retryLater(): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh().catch(() => this.retryLater());
    }, 10_000);
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

function readSession(text: string | null): Session | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Session>;
    return typeof value.accessToken === 'string' && typeof value.refreshToken === 'string'
      && typeof value.userId === 'string' && typeof value.expiresAt === 'number'
      ? (value as Session)
      : null;
  } catch {
    return null;
  }
}
