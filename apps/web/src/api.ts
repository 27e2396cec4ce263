/** The API client: bearer token, one silent refresh on 401, and the server's message on errors. */
const TOKENS = 'rectiflow.tokens';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** After an administrator's password reset: the person must choose a new password before anything else. */
  passwordChangeRequired?: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's error code (INVALID_INPUT, STAGE_CONFLICT, TOO_MANY_REQUESTS, …), when it sent one. */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** The server's error body ({ error, message }) as an ApiError; validation sends a list of messages. */
function refusal(status: number, data: unknown, statusText: string): ApiError {
  const body = typeof data === 'object' && data !== null ? (data as { error?: unknown; message?: unknown }) : {};
  const detail = Array.isArray(body.message) ? body.message.join('; ') : body.message ? String(body.message) : statusText;
  return new ApiError(status, detail, typeof body.error === 'string' ? body.error : null);
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

let refreshing: Promise<boolean> | null = null;

async function refresh(): Promise<boolean> {
  const tokens = loadTokens();
  if (!tokens) return false;
  const response = await fetch('/api/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: tokens.refreshToken }) });
  if (!response.ok) {
    saveTokens(null);
    return false;
  }
  saveTokens(await response.json());
  return true;
}

export async function request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, retry = true): Promise<T> {
  const tokens = loadTokens();
  const isForm = body instanceof FormData;
  const response = await fetch(`/api${path}`, {
    method,
    headers: {
      ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
      ...(tokens ? { authorization: `Bearer ${tokens.accessToken}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  if (response.status === 401 && retry && tokens && !path.startsWith('/auth/')) {
    refreshing ??= refresh().finally(() => (refreshing = null));
    if (await refreshing) return request<T>(method, path, body, headers, false);
    window.dispatchEvent(new Event('rectiflow:signed-out'));
  }
  const text = await response.text();
  const data = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    const error = refusal(response.status, data, response.statusText);
    // The password was reset meanwhile (or the page was reloaded before the change): show the change form.
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') window.dispatchEvent(new Event('rectiflow:password-change-required'));
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T = any>(path: string) => request<T>('GET', path),
  post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, body ?? {}, headers),
  put: <T = any>(path: string, body: unknown) => request<T>('PUT', path, body),
};

export function idempotencyKey(): string {
  return crypto.randomUUID();
}

/** Upload with progress (fetch has none): XMLHttpRequest with the bearer token. */
export function uploadFile(path: string, file: File, onProgress: (percent: number) => void): Promise<any> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    const tokens = loadTokens();
    if (tokens) xhr.setRequestHeader('authorization', `Bearer ${tokens.accessToken}`);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(Math.round((event.loaded / event.total) * 100));
    xhr.onload = () => {
      const data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(refusal(xhr.status, data, xhr.statusText));
    };
    // As fetch does when the server cannot be reached.
    xhr.onerror = () => reject(new TypeError('network error'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export async function download(path: string, fileName: string): Promise<void> {
  const tokens = loadTokens();
  const response = await fetch(`/api${path}`, { headers: tokens ? { authorization: `Bearer ${tokens.accessToken}` } : {} });
  if (!response.ok) throw new ApiError(response.status, response.statusText);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
