import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './openapi';
import type { ApiResponses } from './responses';

/** An answer the API refused, with its reason (`message`, in Chinese) for the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Key = keyof ApiResponses;
type MethodOf<K extends Key> = K extends `${infer M extends Method} ${string}` ? M : never;
type PathOf<K extends Key> = K extends `${Method} ${infer P extends keyof paths}` ? P : never;
type Op<K extends Key> = NonNullable<paths[PathOf<K>][MethodOf<K>]>;

type Params<K extends Key> = Op<K> extends { parameters: infer P } ? P : never;
type PathParams<K extends Key> = Params<K> extends { path: infer X } ? NonNullable<X> : never;
type QueryParams<K extends Key> = Params<K> extends { query?: infer X } ? NonNullable<X> : never;
type RequestBody<K extends Key> = Op<K> extends { requestBody?: infer R } ? NonNullable<R> : never;
type JsonBody<K extends Key> = [RequestBody<K>] extends [never]
  ? never
  : RequestBody<K> extends { content: { 'application/json': infer B } }
    ? B
    : never;

/** Path parameters, query and body of an operation, as the OpenAPI document types them. */
export type RequestOf<K extends Key> = ([PathParams<K>] extends [never]
  ? { path?: undefined }
  : { path: PathParams<K> }) &
  ([QueryParams<K>] extends [never] ? { query?: undefined } : { query?: QueryParams<K> }) &
  ([JsonBody<K>] extends [never] ? { body?: undefined } : { body: JsonBody<K> });

/** What a sign-in or a refresh answers (the refresh token itself stays in an HttpOnly cookie). */
export type SignedIn = ApiResponses['post /api/auth/login'];

/**
 * The session as the page holds it: the short-lived access token in memory only (never in
 * storage a script could read later), renewed from the HttpOnly refresh cookie shortly before
 * it expires and whenever the API says it has. `onEnded` is told when the session is over.
 */
export const session = {
  token: null as string | null,
  user: null as SignedIn['user'] | null,
  mustChangePassword: false,
  /** Called when the session is over (signed out elsewhere, timed out, revoked), with why. */
  onEnded: ((_reason: string | null) => undefined) as (reason: string | null) => void,
};

// The token was kept in localStorage before sessions moved server-side: drop any left behind.
localStorage.removeItem('workpoints.token');

let renewTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<SignedIn | null> | null = null;

/** Keeps what a sign-in or refresh answered, and renews a minute before the token expires. */
export function startSession(answer: SignedIn): void {
  session.token = answer.accessToken;
  session.user = answer.user;
  session.mustChangePassword = answer.mustChangePassword;
  clearTimeout(renewTimer);
  renewTimer = setTimeout(() => void refreshSession(), Math.max(answer.expiresIn - 60, 10) * 1000);
}

export function clearSession(): void {
  clearTimeout(renewTimer);
  session.token = null;
  session.user = null;
  session.mustChangePassword = false;
}

/** Why the last refresh failed, for the message on the login page. */
let lastRefusal: string | null = null;

/**
 * A new access token from the refresh cookie, or null when the session is over. One refresh at
 * a time across the app's tabs (Web Locks): the refresh token rotates, and the server takes two
 * uses of one token for theft.
 */
export function refreshSession(): Promise<SignedIn | null> {
  refreshing ??= (async () => {
    try {
      const run = async () => {
        const response = await fetch('/api/auth/refresh', {
          method: 'POST',
          credentials: 'same-origin',
          headers: activityHeaders(),
        });
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as ErrorBody;
          lastRefusal = response.status === 401 ? (body?.message ?? null) : null;
          return null;
        }
        return (await response.json()) as SignedIn;
      };
      const answer = navigator.locks
        ? await navigator.locks.request('workpoints-refresh', run)
        : await run();
      if (answer) startSession(answer);
      else clearSession();
      return answer;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** The reason the server gave when it last refused to renew the session. */
export function lastRefreshRefusal(): string | null {
  return lastRefusal;
}

/**
 * How long the person has not touched the page: the API does not count background requests
 * (polling, renewals) as use of the session, so an unattended page still times out.
 */
let lastInput = Date.now();
for (const event of ['pointerdown', 'keydown', 'wheel', 'touchstart'])
  window.addEventListener(event, () => (lastInput = Date.now()), { passive: true, capture: true });

function activityHeaders(): Record<string, string> {
  return { 'X-Idle-Seconds': String(Math.floor((Date.now() - lastInput) / 1000)) };
}

/** The API's answer after renewing the session once if it says the token is no longer good. */
async function withSession(send: () => Promise<Response>): Promise<Response> {
  const hadToken = session.token !== null;
  const response = await send();
  if (response.status !== 401 || !hadToken) return response;
  if (await refreshSession()) return send();
  session.onEnded(lastRefusal);
  return response;
}

/** `fetch` with the session's token (and one renewal on a 401): for files and streams. */
export function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return withSession(() =>
    fetch(path, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        ...activityHeaders(),
        ...(session.token ? { Authorization: `Bearer ${session.token}` } : {}),
      },
    }),
  );
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token;
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(activityHeaders())) request.headers.set(name, value);
    request.headers.set('Accept-Language', document.documentElement.lang || 'zh-CN');
    return request;
  },
};

const raw = createClient<paths>({ baseUrl: window.location.origin });
raw.use(auth);

type ErrorBody = { code?: string; message?: string } | null;

/** The API's refusal as an ApiError; `body` is `{ code, message }`, as text or already parsed. */
function errorOf(response: Response, body: unknown): ApiError {
  let parsed: ErrorBody = null;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body) as ErrorBody;
    } catch {
      parsed = null;
    }
  } else if (typeof body === 'object') {
    parsed = body as ErrorBody;
  }
  return new ApiError(
    response.status,
    parsed?.code ?? `HTTP_${response.status}`,
    parsed?.message ?? `${response.status} ${response.statusText}`,
  );
}

/** Answers of these are about the credentials sent, not a session to renew. */
const SIGN_IN_PATHS = new Set(['/api/auth/login', '/api/auth/refresh']);

/**
 * Calls one documented operation: `api('get /api/points/{pointId}', { path: { pointId } })`.
 * Resolves to the answer's body, or rejects with an ApiError carrying the API's reason.
 */
export async function api<K extends Key>(
  operation: K,
  ...[request]: [PathParams<K>, QueryParams<K>, JsonBody<K>] extends [never, never, never]
    ? [request?: RequestOf<K>]
    : [request: RequestOf<K>]
): Promise<ApiResponses[K]> {
  const [method, path] = operation.split(' ') as [Method, string];
  const init = {
    params: { path: request?.path, query: request?.query },
    body: request?.body,
    parseAs: 'text' as const,
  };
  const call = {
    get: raw.GET,
    post: raw.POST,
    put: raw.PUT,
    patch: raw.PATCH,
    delete: raw.DELETE,
  }[method] as unknown as (
    url: string,
    options: typeof init,
  ) => Promise<{ response: Response; data?: string; error?: unknown }>;
  let answer = await call(path, init);
  if (answer.response.status === 401 && session.token !== null && !SIGN_IN_PATHS.has(path)) {
    if (await refreshSession()) answer = await call(path, init);
    else session.onEnded(lastRefusal);
  }
  const { response, data, error } = answer;
  if (!response.ok) throw errorOf(response, error);
  return (data ? JSON.parse(data) : null) as ApiResponses[K];
}

/** Uploads a file (multipart field `file`) to an operation that takes one. */
export async function upload<T>(path: string, file: File, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, file.name);
  const response = await authorizedFetch(path, { method: 'POST', body: form });
  if (!response.ok) throw errorOf(response, await response.text());
  return (await response.json()) as T;
}

/**
 * Downloads a file the API builds (ledger, bulletin, summary, attachments) under the name
 * the API gives in Content-Disposition. A 202 means the file is being built in the
 * background: the caller gets the export to poll.
 */
export async function download(
  path: string,
): Promise<{ accepted?: ApiResponses['post /api/plans/{planId}/exports'] }> {
  const response = await authorizedFetch(path);
  if (!response.ok) throw errorOf(response, await response.text());
  if (response.status === 202) {
    return {
      accepted: (await response.json()) as ApiResponses['post /api/plans/{planId}/exports'],
    };
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  // Without a name from the API (a proxy that drops the header), the address names the file
  // (".../ledger.xlsx"), so it still opens with the right program.
  const fromPath = decodeURIComponent(new URL(path, window.location.origin).pathname)
    .split('/')
    .pop();
  const name = encoded
    ? decodeURIComponent(encoded)
    : (plain ?? (fromPath?.includes('.') ? fromPath : 'download'));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob when the download actually starts, which on a busy machine can
  // be seconds after the click; revoked before that, the file loses its name ("download").
  setTimeout(() => URL.revokeObjectURL(url), 120_000);
  return {};
}
