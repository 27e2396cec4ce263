import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { INSPECTION_KINDS, INSPECTION_ROLES, InspectionKind, InspectionRole, TimerPolicy } from '@rectiflow/domain';
import { EnumField, IdField, TextField, Type } from '../common/validation';
import { IsDateOnly } from './date-only';
import type { SchemaObjectMetadata } from '@nestjs/swagger/dist/interfaces/schema-object-metadata.interface';
import { POLICY_DURATION } from '../common/response-fields';

/**
 * How each policy field is written in a request: a duration that may count working days (the
 * domain's rule, checked again by resolvePolicy), one in calendar time, a list, or a switch. Typed
 * by TimerPolicy, so a new policy field does not compile until the document says how it is written.
 */
const POLICY_FIELDS: Record<keyof TimerPolicy, 'working' | 'workingList' | 'calendar' | 'switch' | 'hour'> = {
  remindBefore: 'workingList',
  escalateAfter: 'workingList',
  immediateEscalateAfter: 'workingList',
  reviewWithin: 'working',
  signOffWithin: 'working',
  lookBackWithin: 'working',
  yellowWithin: 'working',
  supervisionReplyWithin: 'working',
  reportWithin: 'working',
  lookBackAfter: 'calendar',
  reportEvery: 'calendar',
  reboundRectifyWithin: 'calendar',
  immediateWithin: 'calendar',
  reopenableFor: 'calendar',
  reviewOngoingReports: 'switch',
  allowSubmitterSignOff: 'switch',
  workdayStartHour: 'hour',
};
const WORKING_DAY_DURATIONS = Object.keys(POLICY_FIELDS).filter((name) =>
  POLICY_FIELDS[name as keyof TimerPolicy].startsWith('working'),
);
const SCHEMAS = {
  working: POLICY_DURATION,
  workingList: { type: 'array', items: POLICY_DURATION },
  calendar: { type: 'string', description: 'ISO-8601 duration, e.g. P30D' },
  switch: { type: 'boolean' },
  hour: {
    type: 'integer',
    minimum: 0,
    maximum: 23,
    description: 'a timer falling on a day off fires at this hour (China time) of the next working day; default 9',
  },
};

/** Each policy field's request schema, so the document says which may be { "workingDays": n }. */
function policyRequestProperties(): Record<string, SchemaObjectMetadata> {
  return Object.fromEntries(
    Object.entries(POLICY_FIELDS).map(([name, how]) => [name, SCHEMAS[how] as SchemaObjectMetadata]),
  );
}

export class CreateInspectionDto {
  @TextField({ min: 1, max: 200, example: '五届市委第六轮第一巡察组巡察宣城经开区党工委' })
  title: string;

  @EnumField(INSPECTION_KINDS, { description: 'xunshi 巡视, xuncha 巡察, audit 审计, supervision 督查' })
  kind: InspectionKind;

  @TextField({ min: 1, max: 200, example: '五届市委第六轮第一巡察组' })
  inspectingBody: string;

  @TextField({ min: 1, max: 200, example: '宣城经开区党工委' })
  inspectedUnit: string;

  @ApiPropertyOptional({ example: '2023-11-28', format: 'date' })
  @IsOptional()
  @IsDateOnly()
  startedOn?: string;

  @ApiPropertyOptional({ example: '2024-01-19', format: 'date' })
  @IsOptional()
  @IsDateOnly()
  endedOn?: string;

  @ApiPropertyOptional({
    example: '2024-04-19',
    format: 'date',
    description: 'day the feedback (反馈意见) was handed over',
  })
  @IsOptional()
  @IsDateOnly()
  feedbackOn?: string;

  @ApiPropertyOptional({
    type: 'object',
    description:
      'timer policy; omitted fields take the defaults of domain.md. Durations are ISO-8601 (P5D), or { "workingDays": n } ' +
      "counted on the PRC working calendar (statutory holidays, 调休 working days, the office's own days) where the field " +
      'says so: ' +
      WORKING_DAY_DURATIONS.join(', ') +
      '. The rest are calendar time.',
    properties: policyRequestProperties(),
    additionalProperties: false,
    example: {
      remindBefore: [{ workingDays: 2 }, 'P1D'],
      escalateAfter: ['P0D', { workingDays: 5 }, 'P14D', 'P21D'],
      reviewWithin: { workingDays: 5 },
      signOffWithin: 'P5D',
      lookBackAfter: 'P90D',
    },
  })
  @IsOptional()
  @IsObject()
  policy?: Partial<TimerPolicy>;
}

export class AssignRoleDto {
  @IdField()
  personId: string;

  @ApiProperty({ enum: INSPECTION_ROLES })
  @IsString()
  @IsIn(INSPECTION_ROLES as unknown as string[])
  role: InspectionRole;
}

export class AssignRolesDto {
  @ApiProperty({ type: [AssignRoleDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => AssignRoleDto)
  roles: AssignRoleDto[];
}
