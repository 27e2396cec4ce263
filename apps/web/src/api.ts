/**
 * The API client: openapi-fetch typed by the API document (generated/api.ts, `npm run api:client`),
 * the bearer token on every call, one silent refresh on 401, and the server's code and words on errors.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/api';

/** The API's request and response shapes, as the document declares them. */
export type Schemas = components['schemas'];
export type Tokens = Schemas['TokensResponse'];

const TOKENS = 'rectiflow.tokens';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's error code (INVALID_INPUT, STAGE_CONFLICT, TOO_MANY_REQUESTS, …), when it sent one. */
    readonly code: string | null = null,
    /** What the server sent beside the message (e.g. a plan commit's `missing` measures), when it did. */
    readonly details: unknown = null,
    /** Why, as a code and its parameters (STAGE_NOT_ALLOWED {action, stage, allowed}, …), when the server sent one. */
    readonly reason: RefusalReason | null = null,
  ) {
    super(message);
  }
}

type SentReason = NonNullable<Schemas['ErrorResponse']['reason']>;
/**
 * The `reason` of a refusal body (the document's ErrorResponse.reason): a code the workbench says in
 * the person's language, and its parameters; a code newer than this workbench stays a string.
 */
export interface RefusalReason {
  code: NonNullable<SentReason['code']> | (string & NonNullable<unknown>);
  params: NonNullable<SentReason['params']>;
}

function reasonOf(value: unknown): RefusalReason | null {
  if (typeof value !== 'object' || value === null) return null;
  const { code, params } = value as { code?: unknown; params?: unknown };
  if (typeof code !== 'string') return null;
  return { code, params: typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {} };
}

/** The server's error body ({ error, message }) as an ApiError; validation sends a list of messages. */
function refusal(status: number, data: unknown, statusText: string): ApiError {
  const body =
    typeof data === 'object' && data !== null
      ? (data as { error?: unknown; message?: unknown; details?: unknown; reason?: unknown })
      : {};
  const detail = Array.isArray(body.message)
    ? body.message.join('; ')
    : body.message
      ? String(body.message)
      : statusText;
  return new ApiError(
    status,
    detail,
    typeof body.error === 'string' ? body.error : null,
    body.details ?? null,
    reasonOf(body.reason),
  );
}

// Session storage: the tokens end with the tab, and are never in a cookie a third-party page could send.
export function loadTokens(): Tokens | null {
  const raw = sessionStorage.getItem(TOKENS);
  return raw ? (JSON.parse(raw) as Tokens) : null;
}

export function saveTokens(tokens: Tokens | null): void {
  if (tokens) sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
  else sessionStorage.removeItem(TOKENS);
}

/** Every path is the document's (`/api/...`), on the origin that served the workbench. */
export const client = createClient<paths>({ baseUrl: '' });
client.use({
  onRequest({ request, schemaPath }) {
    const tokens = loadTokens();
    // The refresh token speaks for itself; an expired access token beside it says nothing.
    if (tokens && schemaPath !== '/api/auth/refresh')
      request.headers.set('authorization', `Bearer ${tokens.accessToken}`);
    return request;
  },
});

let refreshing: Promise<boolean> | null = null;

async function refresh(): Promise<boolean> {
  const tokens = loadTokens();
  if (!tokens) return false;
  const { data } = await client.POST('/api/auth/refresh', { body: { refreshToken: tokens.refreshToken } });
  saveTokens(data ?? null);
  return data !== undefined;
}

/** What one call of the typed client resolves to. */
interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * One call of the typed client, e.g. `call(() => client.GET('/api/measures/{id}', { params: { path: { id } } }))`:
 * its data; after a 401 one silent token refresh and the call again; otherwise an ApiError.
 */
export async function call<T>(send: () => Promise<Result<T>>, retry = true): Promise<T> {
  const signedIn = loadTokens() !== null;
  const { data, error, response } = await send();
  if (response.ok) return data as T;
  const path = new URL(response.url || '/', window.location.href).pathname;
  if (response.status === 401 && retry && signedIn && !path.startsWith('/api/auth/')) {
    refreshing ??= refresh().finally(() => (refreshing = null));
    if (await refreshing) return call(send, false);
    window.dispatchEvent(new Event('rectiflow:signed-out'));
  }
  const failure = refusal(response.status, error, response.statusText);
  // The password was reset meanwhile (or the page was reloaded before the change): show the change form.
  if (failure.code === 'PASSWORD_CHANGE_REQUIRED')
    window.dispatchEvent(new Event('rectiflow:password-change-required'));
  throw failure;
}

export function idempotencyKey(): string {
  return crypto.randomUUID();
}

/** The uploads (multipart field `file`), each with the answer the document gives it. */
type UploadPath =
  '/api/measures/{id}/evidence' | '/api/inspections/{id}/imports/document' | '/api/inspections/{id}/imports/ledger';
type Uploaded<P extends UploadPath> = paths[P]['post']['responses'][201]['content']['application/json'];

/** Upload with progress (fetch has none): XMLHttpRequest with the bearer token. */
export function uploadFile<P extends UploadPath>(
  path: P,
  id: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<Uploaded<P>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path.replace('{id}', encodeURIComponent(id)));
    const tokens = loadTokens();
    if (tokens) xhr.setRequestHeader('authorization', `Bearer ${tokens.accessToken}`);
    xhr.upload.onprogress = (event) =>
      event.lengthComputable && onProgress(Math.round((event.loaded / event.total) * 100));
    xhr.onload = () => {
      const data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as Uploaded<P>);
      else reject(refusal(xhr.status, data, xhr.statusText));
    };
    // As fetch does when the server cannot be reached.
    xhr.onerror = () => reject(new TypeError('network error'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** Saves what a call answered as a file, e.g. `download(() => client.GET(..., { parseAs: 'blob' }), '整改台账.xlsx')`. */
export async function download(send: () => Promise<Result<Blob>>, fileName: string): Promise<void> {
  const url = URL.createObjectURL(await call(send));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
