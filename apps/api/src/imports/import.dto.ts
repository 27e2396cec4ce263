import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  registerDecorator,
  ValidateNested,
} from 'class-validator';
import { deadlineProblem, MEASURE_KINDS, MeasureKind } from '@rectiflow/domain';
import { EnumField, IdField, TextField, Type } from '../common/validation';
import { isDateOnly } from '../inspections/date-only';
import { IsDeadline } from '../measures/deadline';

export class CorrectDocumentDto {
  @ApiProperty({
    description: 'the corrected sections, in the shape the preview returned',
    type: 'array',
    items: { type: 'object' },
  })
  @IsArray()
  sections: unknown[];
}

/**
 * Defaults for the measures that miss them: a measure keeps the lead department, leader, deadline
 * and kind the document names (or the office set); a measure of an unknown name gets no default.
 */
export class CommitDocumentDto {
  @IdField({ optional: true, description: 'lead department for every measure that names none' })
  leadDepartmentId?: string;

  @IdField({ optional: true, description: 'responsible leader for every measure that names none' })
  responsibleLeaderId?: string;

  @ApiPropertyOptional({ example: '2025-06-30', description: 'deadline for every measure that names none' })
  @IsOptional()
  @IsDeadline()
  dueAt?: string;

  @EnumField(MEASURE_KINDS, {
    optional: true,
    description: 'kind for every measure whose deadline says none (else deadline 限期整改)',
  })
  kind?: MeasureKind;
}

export class CommitLedgerDto {
  @ApiPropertyOptional({
    description: 'create departments and leaders the ledger names but the system does not know yet',
  })
  @IsOptional()
  @IsBoolean()
  createUnknown?: boolean;

  @ApiPropertyOptional({
    description:
      "the responsible leaders agreed to the ledger's changed deadlines (调整时限 needs it unless the importer is the group head); without it such rows are refused and reported",
  })
  @IsOptional()
  @IsBoolean()
  leadersAgreed?: boolean;
}

/** A day (YYYY-MM-DD, within 2000–2100), or null. */
function IsDayOrNull() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDayOrNull',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) =>
          value === null || (isDateOnly(value) && deadlineProblem(new Date(`${value as string}T00:00:00Z`)) === null),
        defaultMessage: () => `${propertyName} must be a date written YYYY-MM-DD (2000–2100), or null`,
      },
    });
}

/** One measure of the draft, by its problem's number and its own (一是 = 1). */
export class MeasureRefDto {
  @ApiProperty({ minimum: 1, example: 3 })
  @IsInt()
  @Min(1)
  @Max(100000)
  problemNumber: number;

  @ApiProperty({ minimum: 1, example: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  measureNumber: number;
}

const NULL_REVERTS = 'null gives the field back to what the document says';

/**
 * Owners for a selection of the draft's measures (`measures`) or every measure of one problem
 * (`problemNumber`): each field given replaces what the document says for those measures.
 */
export class EditAssignmentsDto {
  @ApiPropertyOptional({ type: [MeasureRefDto], description: 'the measures to edit (or give problemNumber)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => MeasureRefDto)
  measures?: MeasureRefDto[];

  @ApiPropertyOptional({ minimum: 1, description: 'every measure of this problem (or give measures)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  problemNumber?: number;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: `lead department (牵头部门); ${NULL_REVERTS}` })
  @IsOptional()
  @IsUUID('all')
  leadDepartmentId?: string | null;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    maxItems: 100,
    nullable: true,
    description: `cooperating departments (配合部门), the whole list; ${NULL_REVERTS}`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  cooperatingDepartmentIds?: string[] | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: `responsible leader (责任领导); ${NULL_REVERTS}`,
  })
  @IsOptional()
  @IsUUID('all')
  responsibleLeaderId?: string | null;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    maxItems: 100,
    nullable: true,
    description: `co-leaders (the further 责任领导), the whole list; ${NULL_REVERTS}`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  coLeaderIds?: string[] | null;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    example: '2024-09-30',
    description: `整改时限, the last day (YYYY-MM-DD, end of that day China time); ${NULL_REVERTS}`,
  })
  @IsOptional()
  @IsDayOrNull()
  dueAt?: string | null;

  @ApiPropertyOptional({
    type: 'string',
    enum: MEASURE_KINDS as unknown as string[],
    nullable: true,
    description: `immediate 立行立改, deadline 限期整改, ongoing 长期坚持; ${NULL_REVERTS}`,
  })
  @IsOptional()
  @IsIn(MEASURE_KINDS as unknown as string[])
  kind?: MeasureKind | null;
}

/** A name the document reads, mapped to an existing record or to be created at commit. */
export class NameMappingDto {
  @TextField({ min: 1, max: 200, example: '县财政局', description: 'the name as the preview lists it (names.*.name)' })
  name: string;

  @IdField({ optional: true, description: 'the existing department (or person) this name means' })
  id?: string;

  @ApiPropertyOptional({ description: 'true: create it at commit (with the problems, in one transaction)' })
  @IsOptional()
  @IsBoolean()
  create?: boolean;
}

/** Name mappings to set; names not listed keep theirs. An entry with neither id nor create forgets its mapping. */
export class MapNamesDto {
  @ApiPropertyOptional({ type: [NameMappingDto], description: 'department names (牵头/配合单位)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => NameMappingDto)
  departments?: NameMappingDto[];

  @ApiPropertyOptional({ type: [NameMappingDto], description: 'people names (责任领导)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => NameMappingDto)
  people?: NameMappingDto[];
}
