/** The parts a measure's answer holds: a pending extension, the open 督办单, the cooperating departments' parts. */
import { Res } from '../common/response-fields';

/** An extension (延期) asked for and not yet decided. */
export class PendingExtensionResponse {
  @Res.id({ description: 'who asked' })
  by: string;

  @Res.dateTime({ description: 'when' })
  at: string;

  @Res.dateTime()
  requestedDueAt: string;

  @Res.text()
  reason: string;
}

/** The answer given to a 督办单 (督办回复). */
export class MeasureSupervisionAnswerResponse {
  @Res.id()
  by: string;

  @Res.dateTime()
  at: string;

  @Res.text()
  text: string;

  @Res.ids()
  evidenceIds: string[];
}

/** The open 督办单: issued, awaiting or holding its answer (督办回复). */
export class MeasureSupervisionResponse {
  @Res.dateTime()
  issuedAt: string;

  @Res.id()
  issuedBy: string;

  @Res.text()
  reason: string;

  @Res.dateTime({ description: 'the answer is due by then; unanswered, it escalates to the group head' })
  replyDueAt: string;

  @Res.enum(['open', 'answered'], 'SupervisionStatus')
  status: string;

  @Res.one(() => MeasureSupervisionAnswerResponse, { nullable: true })
  answer: MeasureSupervisionAnswerResponse | null;
}

/** A cooperating department's part (配合反馈). */
export class ContributionResponse {
  @Res.id()
  departmentId: string;

  @Res.id({ description: 'who gave it' })
  by: string;

  @Res.dateTime()
  at: string;

  @Res.text()
  summary: string;

  @Res.ids()
  evidenceIds: string[];

  @Res.int()
  round: number;
}
