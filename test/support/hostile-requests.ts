/** Sending hostile requests and watching what they do: replies, the database's tables, /health. */
import { connect } from 'node:net';
import { DataSource } from 'typeorm';
import { TestApi } from './http';

export interface HostileRequest {
  method: string;
  /** Below /api, with its query string. */
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /** The person whose token goes with it, or null for none. */
  who: string | null;
}

export interface Reply {
  status: number;
  message: string;
  body: unknown;
}

/** A reply in a failure report: status and the start of its message. */
export const shown = (reply: Reply) => `${reply.status} (${reply.message.slice(0, 300)})`;

/** What is wrong with a reply, or null. */
export type Check = (reply: Reply) => string | null;

function replyOf(status: number, body: unknown, raw: string): Reply {
  const message =
    body && typeof body === 'object' && 'message' in body ? (body as { message: unknown }).message : raw.slice(0, 300);
  return { status, message: Array.isArray(message) ? message.join('; ') : String(message), body };
}

export async function send(url: string, client: TestApi, request: HostileRequest): Promise<Reply> {
  const token = request.who ? client.tokens.get(request.who) : undefined;
  const response = await fetch(`${url}${request.path}`, {
    method: request.method,
    headers: {
      ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...request.headers,
    },
    body: request.body,
  });
  const raw = await response.text();
  let body: unknown = raw;
  try {
    body = JSON.parse(raw);
  } catch {
    // Not JSON (a download, or Node's own 400): the text is the message.
  }
  return replyOf(response.status, body, raw);
}

/**
 * A request written byte for byte on a socket: fetch refuses header values with NUL or control
 * characters before sending them, but a hostile client sends whatever it likes.
 */
export function sendRaw(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<Reply> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const payload = Buffer.from(body, 'utf8');
    const head = [
      `${method} ${pathname}${path} HTTP/1.1`,
      `Host: ${hostname}:${port}`,
      'Connection: close',
      'Content-Type: application/json',
      `Content-Length: ${payload.length}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ].join('\r\n');
    // Written, not ended: a half-closed socket may be dropped before the answer comes (Connection: close ends it).
    socket.on('connect', () => socket.write(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), payload])));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const raw = text.split('\r\n\r\n').slice(1).join('\r\n\r\n');
      let parsed: unknown = raw;
      try {
        parsed = JSON.parse(raw);
      } catch {
        // Node's parser answers a malformed request with a bare 400 and no body.
      }
      resolve(replyOf(status, parsed, raw));
    });
  });
}

export async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/**
 * Tables whose rows change without any hostile request being accepted. throttle_bucket: the
 * sign-in and feedback throttles count every attempt, refused ones included (counting them is
 * the throttle's purpose), and the API's sweep deletes old windows on its own timer.
 */
export const UNCOMPARED_TABLES = ['throttle_bucket'];

/** Each public table's row count and a digest of its rows: an UPDATE shows as well as an INSERT. */
export async function tableSnapshot(dataSource: DataSource): Promise<Map<string, string>> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const compared = tables.map((table) => table.name).filter((name) => !UNCOMPARED_TABLES.includes(name));
  const rows: { name: string; count: number; digest: string }[] = await dataSource.query(
    compared
      .map(
        (name) =>
          `SELECT '${name}' AS name, count(*)::int AS count, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
      )
      .join(' UNION ALL '),
  );
  return new Map(rows.map((row) => [row.name, `${row.count} rows ${row.digest.slice(0, 8)}`]));
}

export function snapshotDifference(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()]
    .filter((name) => before.get(name) !== after.get(name))
    .map((name) => `${name} (${before.get(name)} → ${after.get(name)})`);
}

/** Asks /health every 100 ms until stopped; each answer must be a 200 within 2 s. */
export function watchHealth(url: string, withinMs = 2000) {
  let stopped = false;
  let wake: () => void = () => {};
  const result = { checks: 0, slowest: 0, failures: [] as string[] };
  const loop = (async () => {
    while (!stopped) {
      const started = Date.now();
      try {
        const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        const took = Date.now() - started;
        result.slowest = Math.max(result.slowest, took);
        if (response.status !== 200 || took > withinMs)
          result.failures.push(`/health answered ${response.status} after ${took} ms`);
      } catch (error) {
        result.failures.push(`/health failed after ${Date.now() - started} ms: ${(error as Error).message}`);
      }
      result.checks += 1;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 100);
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake();
      await loop;
      return result;
    },
  };
}
