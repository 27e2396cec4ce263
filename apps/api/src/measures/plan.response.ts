import { ApiPropertyOptional } from '@nestjs/swagger';
import { REASON_SCHEMA } from '../common/api-errors';
import { Res } from '../common/response-fields';

export class BatchOutcomeResponse {
  @Res.id()
  measureId: string;

  @Res.bool()
  ok: boolean;

  @Res.int({ description: 'the status the single action would have answered' })
  status: number;

  @Res.json({ optional: true, description: 'the action result, when ok' })
  result?: Record<string, unknown>;

  @Res.text({ optional: true, description: 'the refusal code, when not ok' })
  code?: string;

  @Res.text({ optional: true })
  message?: string;

  @ApiPropertyOptional(REASON_SCHEMA)
  reason?: { code: string; params: Record<string, unknown> };
}

export class BatchResultResponse {
  @Res.text()
  action: string;

  @Res.int()
  succeeded: number;

  @Res.int()
  failed: number;

  @Res.many(() => BatchOutcomeResponse)
  results: BatchOutcomeResponse[];
}

export class RetitledProblemResponse {
  @Res.id()
  id: string;

  @Res.text()
  title: string;

  @Res.text()
  previousTitle: string;
}

export class PlanChangeResponse {
  @Res.text()
  id: string;

  @Res.id()
  inspectionId: string;

  @Res.id()
  problemId: string;

  @Res.id({ nullable: true })
  measureId: string | null;

  @Res.text({ description: 'problem.edit | measure.add | measure.delete' })
  action: string;

  @Res.id()
  actorId: string;

  @Res.text()
  actorName: string;

  @Res.json()
  detail: Record<string, unknown>;

  @Res.dateTime()
  occurredAt: string;
}
