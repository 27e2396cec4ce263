/**
 * The hostile cases of each operation of the API document, built against the hostile world (real
 * ids, the right person, a measure in the right stage), and their run: each case's answer checked,
 * every public table compared before and after each operation's batch.
 */
import { DataSource } from 'typeorm';
import { ActionName } from '@rectiflow/domain';
import {
  ApiDocument,
  deepNesting,
  Endpoint,
  fields,
  mutations,
  namesField,
  OVERSIZE_ITEMS,
  place,
  RawJson,
  resolve,
  sample,
  Schema,
  serialise,
} from './openapi-cases';
import { Check, HostileRequest, pool, send, shown, snapshotDifference, tableSnapshot } from './hostile-requests';
import { Who, World } from './hostile-world';

export interface Case {
  label: string;
  request: HostileRequest;
  check: Check;
  /** Large: run two at a time while /health is watched. */
  heavy?: boolean;
}

interface RequestOptions {
  action?: ActionName;
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A refusal says what is wrong; it does not hand a megabyte of input back. */
const MAX_MESSAGE = 2000;
const PROBE = 'property __probe__ should not exist';

/** A 4xx that is about the input (not who asks, not a throttle) and names the field. */
const refusedNaming =
  (path: (string | number)[], where: 'body' | 'query'): Check =>
  (reply) =>
    reply.status < 400 || reply.status >= 500 || [401, 403, 404, 429].includes(reply.status)
      ? `answered ${shown(reply)}`
      : namesField(reply.message, path, where)
        ? null
        : `the answer ${shown(reply)} does not name ${path.join('.')}`;

/** 400, or 404 for an id nothing has; naming the parameter, what it must be (a UUID) or its allowed values. */
const refusedPathParameter =
  (name: string, schema: Schema): Check =>
  (reply) => {
    if (![400, 404].includes(reply.status)) return `answered ${shown(reply)}`;
    const named = [name, 'uuid', ...((schema.enum as string[] | undefined) ?? [])].some((word) =>
      new RegExp(`\\b${word}\\b`, 'i').test(reply.message),
    );
    return named ? null : `the answer ${shown(reply)} does not name the path parameter ${name}`;
  };

const refusedShape =
  (pattern: RegExp): Check =>
  (reply) =>
    reply.status === 400 && pattern.test(reply.message) ? null : `answered ${shown(reply)}`;

/** encodeURIComponent, but a lone surrogate (which has no UTF-8 form) is sent as its WTF-8 bytes. */
function encodeUrlValue(value: string): string {
  return [...value]
    .map((character) => {
      if (!/[\uD800-\uDFFF]/.test(character)) return encodeURIComponent(character);
      const code = character.charCodeAt(0);
      return [0xed, 0xa0 | ((code >> 6) & 0x1f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');
}

export class HostileCases {
  /** Who calls each operation (the action endpoint: the action's own person). */
  private readonly callers = new Map<string, Who>();
  /** Operations whose sample body the validation refused for more than the probe field. */
  readonly baselineProblems: string[] = [];
  private keys = 0;

  constructor(
    private readonly world: World,
    private readonly document: ApiDocument,
    private readonly dataSource: DataSource,
  ) {}

  /** Real ids for the fields that name things, so a hostile value that slipped through would reach real rows. */
  private readonly pick = (name: string, schema: Schema): unknown => {
    const { ids, people } = this.world;
    const byName: Record<string, unknown> = {
      leadDepartmentId: ids.departmentA,
      departmentId: ids.departmentA,
      parentId: ids.departmentA,
      cooperatingDepartmentIds: [ids.departmentB],
      responsibleLeaderId: people.leader,
      leaderId: people.leader,
      personId: people.office,
      inspectionId: ids.inspection,
      problemId: ids.problem,
      measureIds: [ids.read],
      evidenceIds: [ids.evidence],
      sections: JSON.parse(ids.documentSections),
    };
    return schema.format === 'binary' ? undefined : byName[name];
  };

  actionsOf(endpoint: Endpoint): ActionName[] {
    return resolve(this.document, endpoint.params.find((param) => param.name === 'action')?.schema)
      .enum as ActionName[];
  }

  /** The id a path's `{id}` stands for, by the segment before it (`/inspections/{id}` → the inspection). */
  private idFor(endpoint: Endpoint, action?: ActionName): string {
    if (action) return this.world.measures[action];
    const { ids, people } = this.world;
    const segment = endpoint.path.split('/{id}')[0].split('/').pop()!;
    const bySegment: Record<string, string> = {
      inspections: ids.inspection,
      problems: ids.problem,
      measures: ids.read,
      evidence: ids.evidence,
      imports: ids.documentDraft,
      documents: ids.documentDraft,
      ledgers: ids.ledgerDraft,
      notices: ids.notice,
      feedback: ids.feedback,
      notifications: ids.notification,
      people: people.spare,
      'supervision-notices': ids.supervisionNotice,
      records: ids.record,
    };
    if (endpoint.method.toLowerCase() === 'delete' && segment === 'evidence') return ids.withdrawable;
    if (!bySegment[segment])
      throw new Error(`${endpoint.key}: no id prepared for /${segment}/{id}; add one to the hostile world`);
    return bySegment[segment];
  }

  /** A request to the operation: real path values and required query parameters unless given, the caller's token. */
  request(endpoint: Endpoint, options: RequestOptions = {}): HostileRequest {
    const pathValue = (name: string, schema: Schema) =>
      options.path?.[name] ??
      (name === 'id'
        ? this.idFor(endpoint, options.action)
        : name === 'action' && options.action
          ? options.action
          : String(sample(this.document, schema, name, this.pick)));
    const pathParams = endpoint.params.filter((param) => param.in === 'path');
    // Below the client's base …/api; a route outside /api (the public /gongkai pages) climbs out of it.
    const path = (endpoint.path.startsWith('/api/') ? endpoint.path.slice(4) : `/..${endpoint.path}`).replace(
      /\{(\w+)\}/g,
      (_match, name) => encodeUrlValue(pathValue(name, pathParams.find((param) => param.name === name)?.schema ?? {})),
    );
    const required = endpoint.params.filter((param) => param.in === 'query' && param.required);
    const query = {
      ...Object.fromEntries(
        required.map((param) => [param.name, String(sample(this.document, param.schema, param.name, this.pick))]),
      ),
      ...options.query,
    };
    const search = Object.entries(query).map(([key, value]) => `${key}=${encodeUrlValue(value)}`);
    const who = this.callers.get(endpoint.key) ?? (options.action ? this.world.actors[options.action] : 'office');
    return {
      method: endpoint.method,
      path: path + (search.length ? `?${search.join('&')}` : ''),
      body: options.rawBody ?? (options.body === undefined ? undefined : serialise(options.body)),
      headers: { ...(options.action ? { 'Idempotency-Key': `hostile-${++this.keys}` } : {}), ...options.headers },
      who: this.world.people[who],
    };
  }

  private sampleBody(endpoint: Endpoint, action?: ActionName): unknown {
    if (action) return this.world.bodies[action]?.() ?? {};
    return endpoint.body?.kind === 'json' ? sample(this.document, endpoint.body.schema, '', this.pick) : undefined;
  }

  /**
   * Finds who calls the operation: the office unless the guards refuse the office (then the
   * administrator), by asking before any case. The sample body with one unknown field is refused by
   * the validation, which runs after the guards; its answer must name only that field, which proves
   * the rest of the sample valid, so each hostile case differs from a valid request in its hostile
   * value alone.
   */
  async findCaller(endpoint: Endpoint, action?: ActionName): Promise<void> {
    const pathParam = endpoint.params.find((param) => param.in === 'path');
    const json = endpoint.body?.kind === 'json';
    const candidates: Who[] = action ? [this.world.actors[action]] : ['office', 'admin'];
    for (const who of candidates) {
      let probe: HostileRequest | null = null;
      if (json)
        probe = this.request(endpoint, {
          action,
          body: { ...(this.sampleBody(endpoint, action) as object), __probe__: true },
        });
      else if (endpoint.method === 'GET') probe = this.request(endpoint);
      else if (pathParam)
        probe = this.request(endpoint, {
          path: { [pathParam.name]: pathParam.name === 'id' ? 'not-a-uuid' : 'not-in-the-enum' },
        });
      if (!probe) return;
      const reply = await send(this.world.api.url, this.world.client, { ...probe, who: this.world.people[who] });
      if (reply.status === 401 || reply.status === 403) continue;
      if (json && reply.message !== PROBE)
        this.baselineProblems.push(
          `${endpoint.key}${action ? ` ${action}` : ''}: the sample body answered ${shown(reply)}`,
        );
      if (!action) this.callers.set(endpoint.key, who);
      return;
    }
    throw new Error(`${endpoint.key}${action ? ` ${action}` : ''}: ${candidates.join(' and ')} may not call it`);
  }

  /** The hostile cases of one operation (for the action endpoint: of one action). */
  casesOf(endpoint: Endpoint, action?: ActionName): Case[] {
    if (action && (!this.world.measures[action] || !this.world.bodies[action])) {
      throw new Error(`no measure or body prepared for the action ${action}; add them to the hostile world`);
    }
    const cases: Case[] = [];
    const schema = endpoint.body?.kind === 'json' ? resolve(this.document, endpoint.body.schema) : null;
    const baseline = this.sampleBody(endpoint, action);
    const withBody = (extra: RequestOptions = {}) => this.request(endpoint, { action, body: baseline, ...extra });
    for (const param of endpoint.params.filter((item) => item.in === 'path')) {
      const values =
        param.name === 'id'
          ? [
              ['not a UUID', 'not-a-uuid'],
              ['a UUID with NUL', '00000000-0000-4000-8000-00000000000\u0000'],
              ['NUL', 'a\u0000b'],
              ['path traversal', '../../x'],
            ]
          : [
              ['NUL', 'a\u0000b'],
              ['not in the enum', 'not-in-the-enum'],
            ];
      for (const [label, value] of values) {
        cases.push({
          label: `path ${param.name}: ${label}`,
          request: withBody({ path: { [param.name]: value } }),
          check: refusedPathParameter(param.name, param.schema ?? {}),
        });
      }
    }
    for (const param of endpoint.params.filter((item) => item.in === 'query')) {
      // A URL carries bytes: a lone surrogate has no UTF-8 form, so it cannot reach a query parameter as one.
      const hostile = mutations(param.schema ?? {}, {
        where: 'query',
        semantic: true,
        required: !!param.required,
      }).filter((item) => !/surrogate/.test(item.label));
      for (const mutation of hostile) {
        cases.push({
          label: `query ${param.name}: ${mutation.label}`,
          request: withBody({ query: { [param.name]: String(mutation.value) } }),
          check: refusedNaming([param.name], 'query'),
        });
      }
    }
    if (schema) {
      const used = new Set(Object.keys((baseline ?? {}) as object));
      for (const field of fields(this.document, schema, [], true, baseline)) {
        const top = String(field.path[0]);
        // Meaning-only values (blank, dates outside 2000–2100) where the request uses the field; not for
        // passwords, kept verbatim (a password of spaces is merely wrong), nor for fields read off the sample.
        const semantic = (!action || used.has(top)) && !field.inferred && !/password/i.test(String(field.path.at(-1)));
        // Blank is refused where the document says at least one character, and where the action needs the text.
        const required = (field.schema.minLength ?? 0) > 0 || (!!action && field.path.length === 1 && used.has(top));
        for (const mutation of mutations(field.schema, { where: 'body', semantic, required })) {
          const body = place(this.document, schema, baseline, field.path, mutation.value, this.pick);
          cases.push({
            label: `${field.path.join('.')}: ${mutation.label}`,
            request: withBody({ body }),
            check: refusedNaming(field.path, 'body'),
            heavy: mutation.heavy,
          });
        }
      }
      const first = Object.keys(schema.properties ?? {})[0];
      if (first) {
        const body = { ...(baseline as object), [first]: deepNesting() };
        cases.push({
          label: `${first}: nested 100,000 levels`,
          request: withBody({ body }),
          check: refusedNaming([first], 'body'),
          heavy: true,
        });
      }
    }
    if (endpoint.method !== 'GET') {
      // Every body is walked before anything else looks at it, also where the operation takes none.
      const items = new RawJson(`[${Array.from({ length: OVERSIZE_ITEMS }, () => '{}').join(',')}]`);
      cases.push({
        label: 'body nested 100,000 levels',
        request: withBody({ rawBody: serialise(deepNesting()) }),
        check: refusedShape(/nested more than \d+ levels/),
        heavy: true,
      });
      cases.push({
        label: `body of ${OVERSIZE_ITEMS} items`,
        request: withBody({ rawBody: serialise(items) }),
        check: refusedShape(new RegExp(`has ${OVERSIZE_ITEMS} items`)),
        heavy: true,
      });
    }
    return cases;
  }

  /** Runs one operation's cases (light ones four at a time, heavy ones two) and reports every failure and every table written. */
  async runBatch(name: string, cases: Case[]): Promise<string[]> {
    const failures: string[] = [];
    const before = await tableSnapshot(this.dataSource);
    const run = async (item: Case) => {
      const reply = await send(this.world.api.url, this.world.client, item.request);
      const problem =
        item.check(reply) ??
        (reply.message.length > MAX_MESSAGE ? `the answer's message has ${reply.message.length} characters` : null);
      if (problem) failures.push(`${name} — ${item.label}: ${problem}`);
    };
    await pool(
      cases.filter((item) => !item.heavy),
      4,
      run,
    );
    await pool(
      cases.filter((item) => item.heavy),
      2,
      run,
    );
    const written = snapshotDifference(before, await tableSnapshot(this.dataSource));
    if (written.length) failures.push(`${name}: wrote ${written.join(', ')}`);
    return failures;
  }
}
