import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsDeadline } from './deadline';
import { COLOURS, Colour, MEASURE_KINDS, MeasureKind, PROGRESS, Progress, STAGES, Stage } from '@rectiflow/domain';
import { MEASURE_SORTS, MeasureSort } from '@rectiflow/persistence';
import { BooleanQueryField, EnumField, IdField, IdListField, TextField, Type } from '../common/validation';

export class ListMeasuresQuery {
  @IdField({ optional: true })
  inspectionId?: string;

  @IdField({ optional: true })
  problemId?: string;

  @EnumField(STAGES, { optional: true })
  stage?: Stage;

  @IdField({ optional: true, description: 'lead or cooperating department' })
  departmentId?: string;

  @IdField({ optional: true, description: 'responsible leader' })
  leaderId?: string;

  @EnumField(COLOURS, { optional: true, description: '红黄绿灯: green on track, yellow due soon, red overdue' })
  colour?: Colour;

  @EnumField(MEASURE_KINDS, { optional: true })
  kind?: MeasureKind;

  @BooleanQueryField('only measures past the due date of their current stage')
  overdue?: boolean;

  @BooleanQueryField('领办: only measures a leader claimed (true), or none claimed (false)')
  claimed?: boolean;

  @BooleanQueryField('only open measures escalated at least once (升级未办), as the dashboard counts them')
  escalated?: boolean;

  @BooleanQueryField('only open measures with a 督办单 not yet closed (true), or without (false)')
  supervised?: boolean;

  @BooleanQueryField(
    'only open measures rectified again after a 回头看 rebound or a reopen (反弹回潮) (true), or the others (false)',
  )
  rebound?: boolean;

  @EnumField(PROGRESS, {
    optional: true,
    description:
      'the done rule: done 已完成 (销号 given), ongoing 持续推进 (长期坚持, report on time), open 未完成; voided measures are in none',
  })
  progress?: Progress;

  @TextField({ optional: true, max: 10, description: 'section number of the problem (一、 → 一)' })
  sectionNumber?: string;

  @TextField({ optional: true, max: 10, description: 'category number of the problem within its section ((一) → 一)' })
  categoryNumber?: string;

  @TextField({ optional: true, max: 100, description: 'search in the measure text and the problem title' })
  q?: string;

  @EnumField(MEASURE_SORTS, {
    optional: true,
    description:
      'order by 问题序号 (problemNumber) or 整改时限 (dueAt); without it, open measures first by their stage deadline',
  })
  sort?: MeasureSort;

  @EnumField(['asc', 'desc'] as const, {
    optional: true,
    description: 'with sort: ascending (the default) or descending',
  })
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0, maximum: 1_000_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

/** The body of an action; which fields are required depends on the action (see the API docs of each). */
/** The ledger export's query: the list's filters (the inspection is in the path; no paging, the template's order). */
export class LedgerExportQuery extends OmitType(ListMeasuresQuery, [
  'inspectionId',
  'limit',
  'offset',
  'sort',
  'order',
] as const) {}

export class ActionBodyDto {
  @TextField({ optional: true, max: 100, description: 'idempotency key; the Idempotency-Key header works too' })
  idempotencyKey?: string;

  @IdField({ optional: true, description: 'assign / reassign: lead department' })
  leadDepartmentId?: string;

  @IdListField({ optional: true, description: 'assign / reassign: cooperating departments' })
  cooperatingDepartmentIds?: string[];

  @IdField({ optional: true, description: 'assign / reassign: responsible leader' })
  responsibleLeaderId?: string;

  @IdListField({ optional: true, description: 'assign / reassign: co-leaders' })
  coLeaderIds?: string[];

  @ApiPropertyOptional({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'assign / reassign: 承办人, a person of the lead department (null: the department as a whole)',
  })
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;

  @TextField({
    optional: true,
    max: 4000,
    multiline: true,
    description: 'assign: 交办要求, instructions to the department',
  })
  instructions?: string;

  @ApiPropertyOptional({
    description:
      'assign: the deadline confirmed or changed; change_deadline: the new deadline. A date (YYYY-MM-DD: the end of that day, China time) or an ISO-8601 date-time; not before today',
    example: '2025-06-30',
  })
  @IsOptional()
  @IsDeadline()
  dueAt?: string;

  @EnumField(MEASURE_KINDS, { optional: true, description: 'change_deadline: the new kind' })
  kind?: MeasureKind;

  @IdField({
    optional: true,
    description:
      'change_deadline by the office: the responsible leader who agreed (需经责任领导同意); the group head needs none',
  })
  approvedById?: string;

  @TextField({
    optional: true,
    max: 4000,
    multiline: true,
    description: "edit_text: the measure's new wording; answer_supervision: the answer",
  })
  text?: string;

  @TextField({
    optional: true,
    max: 4000,
    multiline: true,
    description: 'urge (催办): the message to whoever must act',
  })
  message?: string;

  @TextField({
    optional: true,
    max: 4000,
    multiline: true,
    description: 'submit_evidence / report_progress: progress summary',
  })
  summary?: string;

  @IdListField({ optional: true, description: 'submit_evidence / report_progress: uploaded evidence ids' })
  evidenceIds?: string[];

  @ApiPropertyOptional({ description: 'request_extension: the deadline asked for (a date or an ISO-8601 date-time)' })
  @IsOptional()
  @IsDeadline()
  requestedDueAt?: string;

  @TextField({
    optional: true,
    max: 4000,
    multiline: true,
    description:
      'reason (required to reject, return, refuse an extension or request one, and for reassign, change_deadline and void)',
  })
  reason?: string;

  @ApiPropertyOptional({ description: 'decide_extension: approve or refuse' })
  @IsOptional()
  @IsBoolean()
  approve?: boolean;

  @ApiPropertyOptional({
    enum: ['approve', 'reject', 'return', 'close'],
    description: 'review: approve | reject; sign_off: approve | return; close_supervision: close | return',
  })
  @IsOptional()
  @IsIn(['approve', 'reject', 'return', 'close'])
  decision?: 'approve' | 'reject' | 'return' | 'close';

  @ApiPropertyOptional({
    enum: ['holds', 'rebound'],
    description: 'record_look_back: holds (closes) | rebound (reopens)',
  })
  @IsOptional()
  @IsIn(['holds', 'rebound'])
  result?: 'holds' | 'rebound';

  @TextField({ optional: true, max: 4000, multiline: true, description: 'record_look_back / conclude / claim: note' })
  note?: string;

  @ApiPropertyOptional({ description: 'record_look_back rebound: new deadline (a date or an ISO-8601 date-time)' })
  @IsOptional()
  @IsDeadline()
  newDueAt?: string;
}
