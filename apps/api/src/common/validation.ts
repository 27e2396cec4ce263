import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsUUID,
  registerDecorator,
  ValidationArguments,
} from 'class-validator';
import { characterProblem, checkText, normaliseText, TextRule } from '@rectiflow/domain';

interface TextOptions extends TextRule {
  optional?: boolean;
  description?: string;
  example?: string;
}

/**
 * A text field under the product's text rule (libs/domain/src/text.ts): normalised before
 * validation, then refused naming the field if it holds control characters, lone surrogates, is
 * blank where required or too long. Passwords are kept exactly as typed (no trimming, no NFC):
 * a password is a secret, not prose, and the same characters must sign in.
 */
export function TextField(options: TextOptions) {
  const doc = {
    description: options.description,
    example: options.example,
    maxLength: options.max,
    minLength: options.min,
  };
  return (target: object, propertyName: string) => {
    const verbatim = /password/i.test(propertyName);
    applyDecorators(
      ...(options.optional ? [IsOptional(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]),
      ...(verbatim
        ? []
        : [
            Transform(({ value }) =>
              typeof value === 'string' && !characterProblem(value) ? normaliseText(value) : value,
            ),
          ]),
      IsText(options, verbatim),
    )(target, propertyName);
  };
}

/** A list of texts (paragraphs), each under the text rule; the list's size is checked first. */
export function TextListField(options: TextOptions & { maxItems: number }) {
  const doc = {
    description: options.description,
    type: 'array',
    maxItems: options.maxItems,
    items: { type: 'string', maxLength: options.max },
  } as const;
  return applyDecorators(
    ...(options.optional ? [IsOptional(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]),
    Transform(({ value }) =>
      Array.isArray(value) && value.length <= options.maxItems
        ? value.map((item) => (typeof item === 'string' && !characterProblem(item) ? normaliseText(item) : item))
        : value,
    ),
    IsArray(),
    ArrayMaxSize(options.maxItems),
    IsText(options, false, true),
  );
}

function IsText(rule: TextRule, verbatim: boolean, each = false): PropertyDecorator {
  const problemOf = (value: unknown): string | null => {
    if (verbatim) {
      if (typeof value !== 'string') return 'must be text';
      const problem = characterProblem(value, rule.multiline ?? false);
      if (problem) return problem;
      if (value.length < (rule.min ?? 0)) return `must have at least ${rule.min} characters`;
      return value.length > rule.max ? `is longer than ${rule.max} characters` : null;
    }
    const check = checkText(value, rule);
    return check.ok ? null : check.problem;
  };
  const firstProblem = (value: unknown): string | null => {
    if (!each) return problemOf(value);
    if (!Array.isArray(value)) return null;
    for (const [index, item] of value.entries()) {
      const problem = problemOf(item);
      if (problem) return `[${index}] ${problem}`;
    }
    return null;
  };
  return (target: object, property: string | symbol) => {
    const propertyName = String(property);
    registerDecorator({
      name: 'isText',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => firstProblem(value) === null,
        defaultMessage: (validation?: ValidationArguments) =>
          `${propertyName}${each ? '' : ' '}${firstProblem(validation?.value)}`,
      },
    });
  };
}

export function IdField(options: { optional?: boolean; description?: string } = {}) {
  const doc = { description: options.description, format: 'uuid' };
  return applyDecorators(
    ...(options.optional ? [IsOptional(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]),
    IsUUID('all'),
  );
}

export function IdListField(options: { optional?: boolean; description?: string; maxItems?: number } = {}) {
  const maxItems = options.maxItems ?? 1000;
  const doc = {
    description: options.description,
    type: 'array',
    maxItems,
    items: { type: 'string', format: 'uuid' },
  } as const;
  return applyDecorators(
    ...(options.optional ? [IsOptional(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsUUID('all', { each: true }),
  );
}

export function DateTimeField(options: { optional?: boolean; description?: string; example?: string } = {}) {
  const doc = { description: options.description, example: options.example, format: 'date-time' };
  return applyDecorators(
    ...(options.optional ? [IsOptional(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]),
    IsISO8601({ strict: true }),
  );
}

export function EnumField<T extends string>(
  values: readonly T[],
  options: { optional?: boolean; description?: string } = {},
) {
  const doc = { description: options.description, enum: values as unknown as string[] };
  return applyDecorators(
    ...(options.optional ? [IsOptional(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]),
    IsIn(values as unknown as string[]),
  );
}

export { Type };

/** An optional yes/no query parameter: `true` / `false` as text; anything else is refused naming it. */
export function BooleanQueryField(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ description, type: Boolean }),
    IsOptional(),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean(),
  );
}
