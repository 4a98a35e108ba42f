// Every request the app makes goes through here: same-origin cookie, JSON, and the CSRF token on
// anything that changes state.

/** An error answer from the admin API; `message` is the server's (English), `code` is stable. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds to wait, from a 429's `retry-after`. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const BASE = '/api/admin';
let csrfToken = '';
let onUnauthenticated: (() => void) | undefined;

/** Remembers the token from the session answer (login, setup, GET /session). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when the session has ended (a 401, or a CSRF refusal the session cannot repair), so the app can ask to sign in again. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls the admin API at `path` (relative to /api/admin) and returns its JSON, or throws ApiError. */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  try {
    return await request<T>(method, path, body);
  } catch (error) {
    if (!(error instanceof ApiError) || path === '/session' || path === '/setup') throw error;
    if (error.code === 'CSRF_FAILED' && (await refreshCsrfToken())) {
      // The token was stale (another tab signed in again, say): one retry with the fresh one.
      return request<T>(method, path, body);
    }
    if (error.status === 401 || error.code === 'CSRF_FAILED') onUnauthenticated?.();
    throw error;
  }
}

/** Asks for the session's current CSRF token; false when there is no session any more. */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const session = await request<{ csrfToken: string }>('GET', '/session');
    csrfToken = session.csrfToken;
    return true;
  } catch {
    return false;
  }
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', !navigator.onLine ? 'offline' : 'network');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = parseJson(text);
  if (response.ok) return data as T;
  const error = readError(data);
  const retryAfter = Number(response.headers.get('retry-after')) || undefined;
  throw new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? (text.slice(0, 200) || response.statusText),
    error?.details,
    retryAfter,
  );
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readError(data: unknown): { code?: string; message?: string; details?: unknown } | undefined {
  if (typeof data !== 'object' || data === null || !('error' in data)) return undefined;
  const error = data.error;
  return typeof error === 'object' && error !== null ? error : undefined;
}

/** Builds `?a=1&b=x` from the defined, non-empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
