import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

/** Composite decorators: validate and document a field in one line. */
export function TextField(options: { max: number; min?: number; optional?: boolean; description?: string; example?: string }) {
  const doc = { description: options.description, example: options.example, maxLength: options.max };
  return applyDecorators(
    ...(options.optional ? [IsOptional(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]),
    IsString(),
    options.min ? Length(options.min, options.max) : MaxLength(options.max),
  );
}

export function IdField(options: { optional?: boolean; description?: string } = {}) {
  const doc = { description: options.description, format: 'uuid' };
  return applyDecorators(...(options.optional ? [IsOptional(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]), IsUUID('all'));
}

export function IdListField(options: { optional?: boolean; description?: string } = {}) {
  const doc = { description: options.description, type: 'array', items: { type: 'string', format: 'uuid' } } as const;
  return applyDecorators(...(options.optional ? [IsOptional(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]), IsArray(), IsUUID('all', { each: true }));
}

export function DateTimeField(options: { optional?: boolean; description?: string; example?: string } = {}) {
  const doc = { description: options.description, example: options.example, format: 'date-time' };
  return applyDecorators(...(options.optional ? [IsOptional(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]), IsISO8601({ strict: true }));
}

export function EnumField<T extends string>(values: readonly T[], options: { optional?: boolean; description?: string } = {}) {
  const doc = { description: options.description, enum: values as unknown as string[] };
  return applyDecorators(...(options.optional ? [IsOptional(), ApiPropertyOptional(doc)] : [ApiProperty(doc)]), IsIn(values as unknown as string[]));
}

export { Type };
