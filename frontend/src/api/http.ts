import { ApiError, networkError, problemOf } from './errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface SendOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

/** One JSON request to the gateway; a refusal becomes an ApiError with its problem's message and field errors. */
export async function send<T>(fetchFn: FetchLike, method: string, path: string, options: SendOptions = {}): Promise<{ body: T; response: Response }> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let payload: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetchFn(path, { method, headers, body: payload });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  const text = await response.text();
  return { body: (text ? JSON.parse(text) : {}) as T, response };
}
