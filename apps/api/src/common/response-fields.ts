import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * Property decorators for response DTOs: the type written out for the document (nullable and
 * optional said explicitly), since `string | null` reaches the metadata only as Object.
 */
interface FieldOptions {
  nullable?: boolean;
  /** Absent from some answers (not the same as null). */
  optional?: boolean;
  description?: string;
}

type Schema = Record<string, unknown>;
type Model = () => abstract new (...args: never[]) => unknown;

function field(schema: Schema, options: FieldOptions = {}): PropertyDecorator {
  const { optional, nullable, description } = options;
  const full = { ...schema, ...(nullable ? { nullable: true } : {}), ...(description ? { description } : {}) };
  return optional ? ApiPropertyOptional(full) : ApiProperty({ ...full, required: true });
}

/** A policy duration: ISO-8601 text, or a count of working days on the PRC calendar. */
export const POLICY_DURATION: Schema = {
  oneOf: [
    { type: 'string', description: 'ISO-8601 duration, e.g. P5D' },
    {
      type: 'object',
      properties: { workingDays: { type: 'integer', minimum: 0, maximum: 1000 } },
      required: ['workingDays'],
      additionalProperties: false,
    },
  ],
};

export const Res = {
  /** An ISO-8601 duration or { "workingDays": n }. */
  duration: (options?: FieldOptions) => field(POLICY_DURATION, options),
  durations: (options?: FieldOptions) => field({ type: 'array', items: POLICY_DURATION }, options),
  id: (options?: FieldOptions) => field({ type: 'string', format: 'uuid' }, options),
  ids: (options?: FieldOptions) => field({ type: 'array', items: { type: 'string', format: 'uuid' } }, options),
  text: (options?: FieldOptions) => field({ type: 'string' }, options),
  texts: (options?: FieldOptions) => field({ type: 'array', items: { type: 'string' } }, options),
  int: (options?: FieldOptions) => field({ type: 'integer' }, options),
  number: (options?: FieldOptions) => field({ type: 'number' }, options),
  bool: (options?: FieldOptions) => field({ type: 'boolean' }, options),
  /** A timestamp as JSON writes a Date: ISO 8601 with the time. */
  dateTime: (options?: FieldOptions) => field({ type: 'string', format: 'date-time' }, options),
  /** A calendar day, YYYY-MM-DD. */
  date: (options?: FieldOptions) => field({ type: 'string', format: 'date' }, options),
  /** One of the values, as a named schema shared by every field that uses it. */
  enum: (values: readonly string[], enumName: string, options?: FieldOptions) =>
    field({ enum: [...values], enumName }, options),
  enums: (values: readonly string[], enumName: string, options?: FieldOptions) =>
    field({ type: 'array', enum: [...values], enumName, isArray: true }, options),
  /** An object of another response class (a thunk, so classes may refer to ones declared below them). */
  // The swagger module takes a function named `type` for a thunk, which an arrow written as `type:` is.
  one: (model: Model, options?: FieldOptions) => field({ type: () => model() }, options),
  many: (model: Model, options?: FieldOptions) => field({ type: () => model(), isArray: true }, options),
  /** A JSON object whose keys are data (counts by stage), each value of this schema. */
  map: (values: Schema, options?: FieldOptions) => field({ type: 'object', additionalProperties: values }, options),
  /** Free-form JSON kept as it was recorded (an audit row's detail). */
  json: (options?: FieldOptions) => field({ type: 'object', additionalProperties: true }, options),
};
