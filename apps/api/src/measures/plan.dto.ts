import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDeadline } from './deadline';
import { EnumField, IdField, IdListField, TextField, Type } from '../common/validation';
import { ActionBodyDto } from './measure.dto';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, ValidateNested } from 'class-validator';

export class RetitleProblemDto {
  @TextField({ min: 1, max: 1000, description: "the problem's new title" })
  title: string;

  @TextField({ optional: true, max: 4000, multiline: true, description: 'why it changed (kept with the change)' })
  reason?: string;
}

export class PlanChangesQuery {
  @IdField({ optional: true, description: 'only the changes of this problem' })
  problemId?: string;
}

/** 领办 of a whole problem: the claim's note, once for each of its measures. */
export class ClaimProblemDto {
  @TextField({ optional: true, max: 4000, multiline: true, description: 'why the leader takes it on (optional)' })
  note?: string;

  @TextField({ optional: true, max: 60, description: 'or the Idempotency-Key header; one is required' })
  idempotencyKey?: string;
}

/** One action on a selection of measures (批量交办): the action's fields once, the measures listed. */
export class BatchActionBodyDto extends ActionBodyDto {
  @IdListField({ description: 'the measures to act on (1–200)', maxItems: 200 })
  @ArrayMinSize(1)
  measureIds: string[];
}

/** One measure's result in a 回头看 round. */
export class LookBackItemDto {
  @IdField({ description: 'the measure' })
  measureId: string;

  @EnumField(['holds', 'rebound'] as const, { description: 'holds (closes) | rebound (back to 整改)' })
  result: 'holds' | 'rebound';

  @TextField({ optional: true, max: 4000, multiline: true, description: 'required for a rebound' })
  note?: string;

  @ApiPropertyOptional({ description: 'rebound: the new deadline (a date or an ISO-8601 date-time)' })
  @IsOptional()
  @IsDeadline()
  newDueAt?: string;
}

/** A 回头看 round over selected measures: each with its own result, one request. */
export class LookBackRoundDto {
  @ApiProperty({ type: [LookBackItemDto], minItems: 1, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LookBackItemDto)
  items: LookBackItemDto[];

  @TextField({ optional: true, max: 60, description: 'or the Idempotency-Key header' })
  idempotencyKey?: string;
}
