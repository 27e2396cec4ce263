/**
 * Checks a JSON answer against the response schema the API document declares for it: types,
 * formats, enums, nullable, required properties, and no property the document does not name
 * (so the generated client's types say all there is). Pure: the document is passed in.
 */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
}

export interface OpenApi {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The schema of an operation's JSON answer with this status (`GET /api/measures/{id}`). */
export function responseSchema(document: OpenApi, operation: string, status: number): Schema {
  const [method, path] = operation.split(' ');
  const answer = document.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
  const schema = answer?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`the document declares no JSON answer ${status} for ${operation}`);
  return schema;
}

/** Every mismatch, each naming where in the value it is ([] when the value fits). */
export function schemaProblems(document: OpenApi, schema: Schema, value: unknown, at = '$'): string[] {
  if (schema.$ref) {
    const resolved = document.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
    if (!resolved) return [`${at}: unknown schema ${schema.$ref}`];
    return schemaProblems(document, { ...resolved, nullable: schema.nullable ?? resolved.nullable }, value, at);
  }
  if (value === null) return schema.nullable ? [] : [`${at}: null, but not nullable`];
  if (schema.allOf) return schema.allOf.flatMap((part) => schemaProblems(document, part, value, at));
  if (schema.oneOf) {
    const fits = schema.oneOf.filter((part) => schemaProblems(document, part, value, at).length === 0).length;
    return fits === 1 ? [] : [`${at}: fits ${fits} of the oneOf schemas, not one`];
  }
  if (schema.enum && !schema.enum.includes(value))
    return [`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`];
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [`${at}: ${typeof value}, not a string`];
      if (schema.format === 'uuid' && !UUID.test(value)) return [`${at}: "${value}" is not a uuid`];
      if (schema.format === 'date-time' && (!/T/.test(value) || Number.isNaN(Date.parse(value))))
        return [`${at}: "${value}" is not a date-time`];
      if (schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return [`${at}: "${value}" is not a date`];
      return [];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: ${JSON.stringify(value)} is not an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: ${typeof value}, not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: ${typeof value}, not a boolean`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: not an array`];
      return schema.items
        ? value.flatMap((item, index) => schemaProblems(document, schema.items!, item, `${at}[${index}]`))
        : [];
    case 'object':
    case undefined: {
      if (typeof value !== 'object' || Array.isArray(value)) return schema.type ? [`${at}: not an object`] : [];
      const record = value as Record<string, unknown>;
      const problems = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key}: missing`);
      for (const [key, item] of Object.entries(record)) {
        const property = schema.properties?.[key];
        if (property) problems.push(...schemaProblems(document, property, item, `${at}.${key}`));
        else if (typeof schema.additionalProperties === 'object')
          problems.push(...schemaProblems(document, schema.additionalProperties, item, `${at}.${key}`));
        else if (schema.properties && schema.additionalProperties !== true)
          problems.push(`${at}.${key}: not in the document`);
      }
      return problems;
    }
    default:
      return [`${at}: the document's type ${schema.type} is not checked here`];
  }
}
