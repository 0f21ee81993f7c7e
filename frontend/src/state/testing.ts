import type { FetchLike } from '../api/http';

export interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (request: Recorded) => { status?: number; body?: unknown; headers?: Record<string, string> };

/** A fetch that answers from a handler and records every request, standing in for the gateway in unit tests. */
export function fakeGateway(handler: Handler): { fetch: FetchLike; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const fetchFn: FetchLike = async (input, init) => {
    const request: Recorded = {
      method: init?.method ?? 'GET',
      path: input,
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body ? JSON.parse(init.body as string) : undefined,
    };
    requests.push(request);
    const answer = handler(request);
    const status = answer.status ?? 200;
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status,
      headers: { 'content-type': type, ...answer.headers },
    });
  };
  return { fetch: fetchFn, requests };
}

/** A problem+json body as the gateway writes it. */
export function problem(status: number, detail: string, errors?: Record<string, string[]>) {
  return { type: `https://httpwg.org/specs/rfc9110.html#status.${status}`, title: 'Error', status, detail, errors };
}
