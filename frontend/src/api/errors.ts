// The gateway answers every error as application/problem+json: {type, title, status, detail, code?, errors?}
// where errors maps a field path (e.g. "shippingAddress.city") to its messages.

export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  code?: string;
  errors?: Record<string, string[]>;
}

/** An API refusal, with the message to show and the field it belongs to, if any. */
export class ApiError extends Error {
  readonly status: number;
  readonly code?: string;
  readonly fieldErrors: Record<string, string>;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `The request failed (${problem.status}).`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.fieldErrors = {};
    for (const [field, messages] of Object.entries(problem.errors ?? {})) {
      if (messages.length > 0) this.fieldErrors[field] = humanize(field, messages[0]);
    }
  }

  /** The message for one field, if the refusal named it. */
  field(name: string): string | undefined {
    return this.fieldErrors[name];
  }
}

/** The problem in a failed response, whatever its body (problem+json, other JSON, HTML from a proxy, nothing). */
export async function problemOf(response: Response): Promise<Problem> {
  const fallback: Problem = { status: response.status, detail: statusMessage(response.status) };
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return fallback;
  try {
    const body = (await response.json()) as Partial<Problem>;
    return {
      status: typeof body.status === 'number' ? body.status : response.status,
      title: typeof body.title === 'string' ? body.title : undefined,
      detail: typeof body.detail === 'string' ? body.detail : fallback.detail,
      code: typeof body.code === 'string' ? body.code : undefined,
      errors: typeof body.errors === 'object' && body.errors !== null ? body.errors : undefined,
    };
  } catch {
    return fallback;
  }
}

/** A message for a network failure, where no response came back. */
export function networkError(): ApiError {
  return new ApiError({ status: 0, detail: 'The shop cannot be reached. Check your connection and try again.' });
}

function statusMessage(status: number): string {
  if (status === 401) return 'Please log in again.';
  if (status === 403) return 'You may not do this.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests; wait a moment and try again.';
  if (status >= 500) return 'The shop is temporarily unavailable; try again shortly.';
  return `The request failed (${status}).`;
}

// The gateway's messages name the API field ("shippingAddress.postalCode is required."); shown next to the field,
// the label already says which one, so the path is replaced by a plain word.
function humanize(field: string, message: string): string {
  const last = field.split('.').pop() ?? field;
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const text = message.startsWith(field) ? words + message.slice(field.length) : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
