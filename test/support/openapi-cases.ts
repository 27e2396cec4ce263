/**
 * Hostile requests generated from the API's own OpenAPI document (GET /api/docs-json): every
 * operation, its path and query parameters and its request body's fields ($ref schemas resolved),
 * each with the inputs an attacker or a careless client sends. Pure: no HTTP, no database.
 */

export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  maxLength?: number;
  minLength?: number;
  maximum?: number;
  minimum?: number;
  maxItems?: number;
  example?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface ApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

export interface Endpoint {
  /** As in the document: `POST /api/measures/{id}/actions/{action}`. */
  key: string;
  method: string;
  path: string;
  params: Parameter[];
  body: { kind: 'json' | 'multipart'; schema: Schema } | null;
}

/** A JSON text placed as is in the serialised body: numbers JSON.stringify cannot write (99999999999999999999, 1e999) and nesting it would recurse over. */
export class RawJson {
  constructor(readonly text: string) {}
}

export interface Field {
  /** Where in the body: ['problems', 0, 'title']. */
  path: (string | number)[];
  schema: Schema;
  /** Required at its own level (so blank must be refused by the schema itself). */
  required: boolean;
  /** Read off the sample body, not the document. */
  inferred: boolean;
}

export interface Mutation {
  label: string;
  value: unknown;
  /** Large enough to hold the API for a while if it were checked late: /health is watched meanwhile. */
  heavy?: boolean;
}

export function resolve(document: ApiDocument, schema: Schema | undefined): Schema {
  let current: Schema = schema ?? {};
  for (let hops = 0; current.$ref; hops += 1) {
    if (hops > 20) throw new Error(`$ref loop at ${current.$ref}`);
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved $ref ${current.$ref}`);
    current = target;
  }
  if (current.allOf)
    return current.allOf
      .map((part) => resolve(document, part))
      .reduce(
        (merged, part) => ({ ...merged, ...part, properties: { ...merged.properties, ...part.properties } }),
        {} as Schema,
      );
  // An object documented only by its example (the timer policy): its example's keys are its fields.
  if (current.type === 'object' && !current.properties && current.example && typeof current.example === 'object') {
    const properties = Object.fromEntries(
      Object.entries(current.example as Record<string, unknown>).map(([key, value]) => [
        key,
        Array.isArray(value)
          ? { type: 'array', items: { type: 'string', example: value[0] } }
          : { type: typeof value, example: value },
      ]),
    );
    return { ...current, properties: properties as Record<string, Schema> };
  }
  return current;
}

export function endpoints(document: ApiDocument): Endpoint[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json'];
      const multipart = content['multipart/form-data'];
      const body = json
        ? { kind: 'json' as const, schema: json.schema }
        : multipart
          ? { kind: 'multipart' as const, schema: multipart.schema }
          : null;
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        params: operation.parameters ?? [],
        body,
      };
    }),
  );
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;
const isDateField = (schema: Schema) =>
  schema.format === 'date' ||
  schema.format === 'date-time' ||
  (typeof schema.example === 'string' && DATE_LIKE.test(schema.example));
const isText = (schema: Schema) => schema.type === 'string' && !schema.enum && !schema.format && !isDateField(schema);

/**
 * A value the schema accepts: `pick` supplies real ids and the like by field name; otherwise the
 * example, the first enum value, the minimum; objects get their required fields only.
 */
export function sample(
  document: ApiDocument,
  raw: Schema | undefined,
  name: string,
  pick: (name: string, schema: Schema) => unknown,
): unknown {
  const schema = resolve(document, raw);
  const picked = pick(name, schema);
  if (picked !== undefined) return picked;
  if (schema.enum) return schema.enum[0];
  if (schema.type === 'object' || schema.properties) {
    const required = schema.required ?? [];
    return Object.fromEntries(required.map((key) => [key, sample(document, schema.properties?.[key], key, pick)]));
  }
  if (schema.type === 'array') return [sample(document, schema.items, name, pick)];
  if (schema.type === 'integer' || schema.type === 'number') return Math.max(schema.minimum ?? 1, 1);
  if (schema.type === 'boolean') return false;
  if (schema.format === 'date') return '2099-06-30';
  if (schema.format === 'date-time') return '2099-06-30T00:00:00Z';
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (typeof schema.example === 'string') return schema.example;
  return 'Hostile-input-1x'.slice(0, schema.maxLength ?? 16);
}

/** A schema read off a sample value, for the parts the document leaves open (`items: {type: object}`). */
function inferred(value: unknown): Schema & { inferred: true } {
  if (Array.isArray(value)) return { type: 'array', items: value.length ? inferred(value[0]) : {}, inferred: true };
  if (value && typeof value === 'object') {
    return {
      type: 'object',
      properties: Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inferred(item)])),
      required: Object.keys(value),
      inferred: true,
    };
  }
  return { type: typeof value === 'number' ? 'number' : typeof value, inferred: true };
}

/**
 * Every field of a body schema, nested objects and array items (at index 0) included. Where the
 * document leaves an object's or array item's fields open, they are read off the sample body
 * (`inferred`: the document does not say whether blank is allowed there).
 */
export function fields(
  document: ApiDocument,
  raw: Schema | undefined,
  path: (string | number)[] = [],
  required = true,
  sampled?: unknown,
): Field[] {
  let schema = resolve(document, raw);
  const open = (schema.type === 'object' && !schema.properties) || (schema.type === 'array' && !schema.items);
  if (open && sampled !== undefined) schema = inferred(sampled);
  const own: Field[] = path.length
    ? [{ path, schema, required, inferred: !!(schema as { inferred?: boolean }).inferred }]
    : [];
  const at = (key: string | number) =>
    sampled && typeof sampled === 'object' ? (sampled as Record<string | number, unknown>)[key] : undefined;
  if (schema.properties) {
    return [
      ...own,
      ...Object.entries(schema.properties).flatMap(([key, child]) =>
        fields(document, child, [...path, key], (schema.required ?? []).includes(key), at(key)),
      ),
    ];
  }
  if (schema.type === 'array' && schema.items)
    return [...own, ...fields(document, schema.items, [...path, 0], true, at(0))];
  return own;
}

/** The body with `value` at `path`, building the containers on the way from their schemas. */
export function place(
  document: ApiDocument,
  raw: Schema | undefined,
  current: unknown,
  path: (string | number)[],
  value: unknown,
  pick: (name: string, schema: Schema) => unknown,
): unknown {
  if (path.length === 0) return value;
  const schema = resolve(document, raw);
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const items = Array.isArray(current) ? [...current] : [];
    const existing = items[head] ?? sample(document, schema.items, '', pick);
    items[head] = place(document, schema.items, existing, rest, value, pick);
    return items;
  }
  const object =
    current && typeof current === 'object' && !Array.isArray(current)
      ? { ...(current as Record<string, unknown>) }
      : {};
  const child = schema.properties?.[head];
  const existing = object[head] ?? (rest.length ? sample(document, child, head, pick) : undefined);
  object[head] = place(document, child, existing, rest, value, pick);
  return object;
}

/** JSON with each RawJson written verbatim. */
export function serialise(body: unknown): string {
  const raws: string[] = [];
  const json = JSON.stringify(body, (_key, value) =>
    value instanceof RawJson ? `\u0001raw${raws.push(value.text) - 1}\u0001` : value,
  );
  return json.replace(/"\\u0001raw(\d+)\\u0001"/g, (_match, index) => raws[Number(index)]);
}

export const DEEP_LEVELS = 100_000;
export const OVERSIZE_ITEMS = 50_000;
export const deepNesting = () => new RawJson('['.repeat(DEEP_LEVELS) + ']'.repeat(DEEP_LEVELS));

/** Characters no text field may hold: NUL, C0 and C1 controls, DEL, a bidi override, lone surrogates. */
const BAD_CHARACTERS: [string, string][] = [
  ['NUL', 'a\u0000b'],
  ['control U+0007', 'a\u0007b'],
  ['control U+001B', 'a\u001Bb'],
  ['DEL U+007F', 'a\u007Fb'],
  ['C1 control U+0085', 'a\u0085b'],
  ['bidi override U+202E', 'a\u202Eb'],
  ['lone high surrogate', 'a\uD800b'],
  ['lone low surrogate', 'a\uDC00b'],
];

/**
 * The hostile values for one field or parameter. `semantic` adds the values only the field's meaning
 * refuses (blank where a value is required, dates outside 2000–2100), for fields the request uses.
 * Query and path values are strings; body values keep their JSON types.
 */
export function mutations(
  schema: Schema,
  options: { where: 'body' | 'query' | 'path'; semantic: boolean; required: boolean },
): Mutation[] {
  const inBody = options.where === 'body';
  const list: Mutation[] = [{ label: 'NUL', value: 'a\u0000b' }];
  const numeric = schema.type === 'integer' || schema.type === 'number' || (!schema.type && !schema.enum);
  if (numeric) {
    list.push(
      { label: '"NaN"', value: 'NaN' },
      { label: '"Infinity"', value: 'Infinity' },
      { label: '99999999999999999999', value: inBody ? new RawJson('99999999999999999999') : '99999999999999999999' },
      { label: '1e20', value: inBody ? 1e20 : '1e20' },
      { label: '-1', value: inBody ? -1 : '-1' },
      { label: '1.5', value: inBody ? 1.5 : '1.5' },
    );
    if (inBody) list.push({ label: '1e999 (Infinity)', value: new RawJson('1e999') });
    if (schema.maximum !== undefined)
      list.push({ label: 'maximum + 1', value: inBody ? schema.maximum + 1 : String(schema.maximum + 1) });
  }
  if (schema.type === 'boolean') list.push({ label: '"yes"', value: 'yes' });
  if (schema.enum) list.push({ label: 'not in the enum', value: 'not-in-the-enum' });
  if (schema.format === 'uuid')
    list.push(
      { label: 'not a UUID', value: 'not-a-uuid' },
      { label: 'UUID with NUL', value: '00000000-0000-4000-8000-00000000000\u0000' },
    );
  if (isDateField(schema)) {
    list.push(
      { label: '"NaN" date', value: 'NaN' },
      { label: 'no such day 2024-02-30', value: schema.format === 'date-time' ? '2024-02-30T00:00:00Z' : '2024-02-30' },
    );
    if (options.semantic) {
      list.push(
        { label: 'year 1990', value: schema.format === 'date-time' ? '1990-01-01T00:00:00Z' : '1990-01-01' },
        { label: 'year 9999', value: schema.format === 'date-time' ? '9999-12-31T00:00:00Z' : '9999-12-31' },
      );
    }
  }
  if (isText(schema)) {
    for (const [label, value] of BAD_CHARACTERS.slice(1)) list.push({ label, value });
    if (options.semantic && ((schema.minLength ?? 0) > 0 || options.required)) {
      list.push(
        { label: 'only spaces', value: '   ' },
        { label: 'only full-width spaces U+3000', value: '\u3000\u3000' },
      );
    }
    if (schema.maxLength !== undefined) {
      list.push({
        label: `${schema.maxLength + 1} characters (maxLength ${schema.maxLength})`,
        value: 'x'.repeat(schema.maxLength + 1),
      });
      list.push({ label: `${schema.maxLength + 1} CJK characters`, value: '字'.repeat(schema.maxLength + 1) });
    }
    // A query string that long is refused by Node's header limit (431) before the API sees it.
    if (inBody) list.push({ label: '1,000,000 characters', value: 'x'.repeat(1_000_000), heavy: true });
  }
  if (schema.type === 'array' && inBody) {
    if (schema.maxItems !== undefined)
      list.push({
        label: `${schema.maxItems + 1} items (maxItems ${schema.maxItems})`,
        value: Array.from({ length: schema.maxItems + 1 }, () => '00000000-0000-4000-8000-000000000000'),
      });
    list.push({
      label: `${OVERSIZE_ITEMS} items`,
      value: new RawJson(`[${Array.from({ length: OVERSIZE_ITEMS }, () => '0').join(',')}]`),
      heavy: true,
    });
  }
  if ((schema.type === 'object' || schema.type === 'array') && inBody)
    list.push({ label: `nested ${DEEP_LEVELS} levels`, value: deepNesting(), heavy: true });
  return list;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether an error message names the field at fault (that the rest of the request is valid is
 * checked once per operation, with the same body and one unknown field):
 * `problems.0.title` (class-validator) or `problems[0].title` (the request-shape check), an array's
 * item as `problems.0.each value in ids` or as its list, or a path inside it; query parameters also
 * as `query.q`.
 */
export function namesField(message: string, path: (string | number)[], where: 'body' | 'query' | 'path'): boolean {
  const dotted = path.join('.');
  const bracketed = path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index ? `.${part}` : part))
    .join('');
  const variants = [dotted, bracketed, ...(where === 'query' ? [`query.${dotted}`] : [])];
  if (typeof path.at(-1) === 'number' && typeof path.at(-2) === 'string') {
    // An item may be refused as part of its list: `ids must be a list of …`, `each value in ids …`.
    const parent = path.slice(0, -2).join('.');
    variants.push(`${parent ? `${parent}.` : ''}each value in ${path.at(-2)}`, path.slice(0, -1).join('.'));
  }
  const pattern = new RegExp(`(^|[^\\w.\\[])(${variants.map(escape).join('|')})(?![\\w])`);
  return pattern.test(message);
}
