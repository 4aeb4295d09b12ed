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

const TOKEN_KEY = 'workpoints.token';

export const session = {
  get token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  set token(value: string | null) {
    if (value === null) localStorage.removeItem(TOKEN_KEY);
    else localStorage.setItem(TOKEN_KEY, value);
  },
  /** Called when the API says the token is no longer good (set by the session provider). */
  onExpired: (() => undefined) as () => void,
};

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token;
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
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
  if (response.status === 401 && session.token) {
    session.token = null;
    session.onExpired();
  }
  return new ApiError(
    response.status,
    parsed?.code ?? `HTTP_${response.status}`,
    parsed?.message ?? `${response.status} ${response.statusText}`,
  );
}

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
  const { response, data, error } = await call(path, init);
  if (!response.ok) throw errorOf(response, error);
  return (data ? JSON.parse(data) : null) as ApiResponses[K];
}

/** Uploads a file (multipart field `file`) to an operation that takes one. */
export async function upload<T>(path: string, file: File, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, file.name);
  const response = await fetch(path, {
    method: 'POST',
    headers: session.token ? { Authorization: `Bearer ${session.token}` } : {},
    body: form,
  });
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
  const response = await fetch(path, {
    headers: session.token ? { Authorization: `Bearer ${session.token}` } : {},
  });
  if (!response.ok) throw errorOf(response, await response.text());
  if (response.status === 202) {
    return {
      accepted: (await response.json()) as ApiResponses['post /api/plans/{planId}/exports'],
    };
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? 'download');
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
