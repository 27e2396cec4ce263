import { INSPECTION_KINDS, INSPECTION_ROLES } from '@rectiflow/domain';
import { Res } from '../common/response-fields';

/** The inspection's timers, ISO-8601 durations (defaults from domain.md). */
export class TimerPolicyResponse {
  @Res.durations({ description: 'reminders this long before a stage is due' })
  remindBefore: unknown[];

  @Res.durations({ description: 'escalation levels 1–4 this long after a stage was due' })
  escalateAfter: unknown[];

  @Res.duration({ description: 'ISO-8601, or { "workingDays": n } on the PRC calendar' })
  reviewWithin: unknown;

  @Res.duration({ description: 'ISO-8601, or { "workingDays": n }' })
  signOffWithin: unknown;

  @Res.text()
  lookBackAfter: string;

  @Res.duration({ description: 'ISO-8601, or { "workingDays": n }' })
  lookBackWithin: unknown;

  @Res.duration({ description: 'ISO-8601, or { "workingDays": n }' })
  yellowWithin: unknown;

  @Res.text()
  reportEvery: string;

  @Res.text()
  reboundRectifyWithin: string;

  @Res.bool({ optional: true, description: "whether the submitter of a round's evidence may also sign it off" })
  allowSubmitterSignOff?: boolean;

  @Res.text({ optional: true, description: '立行立改 given no date: due this long after 交办 (P30D)' })
  immediateWithin?: string;

  @Res.durations({ optional: true, description: '立行立改 in 整改: its own, shorter escalation ladder' })
  immediateEscalateAfter?: unknown[];

  @Res.text({ optional: true, description: 'a closed measure can be reopened this long after 办结 (P1Y)' })
  reopenableFor?: string;

  @Res.bool({ optional: true, description: '长期坚持 reports go to review before they count' })
  reviewOngoingReports?: boolean;

  @Res.duration({
    optional: true,
    description: 'a 督办单 must be answered within this (P3D, or working days), else it goes to the group head',
  })
  supervisionReplyWithin?: unknown;

  @Res.duration({
    optional: true,
    description:
      '整改报告 due this long after the feedback day (P2M, or working days); reminders remindBefore it, then overdue to the office and the group head until a version is 报送',
  })
  reportWithin?: unknown;
}

// Pre-existing: the list of a non-administrator reads these columns through node-pg, which makes a Date of a DATE.
const DAY =
  'a day, YYYY-MM-DD (GET /api/inspections answers anyone but an administrator with its midnight as a date-time)';

export class InspectionResponse {
  @Res.id()
  id: string;

  @Res.text()
  title: string;

  @Res.enum(INSPECTION_KINDS, 'InspectionKind')
  kind: string;

  @Res.text()
  inspectingBody: string;

  @Res.text()
  inspectedUnit: string;

  @Res.text({ nullable: true, description: DAY })
  startedOn: string | null;

  @Res.text({ nullable: true, description: DAY })
  endedOn: string | null;

  @Res.text({ nullable: true, description: DAY })
  feedbackOn: string | null;

  @Res.one(() => TimerPolicyResponse)
  policy: TimerPolicyResponse;

  @Res.dateTime()
  createdAt: string;
}

export class InspectionCountsResponse {
  @Res.int({ description: 'measures counted (voided ones aside)' })
  measures: number;

  @Res.map({ type: 'integer' }, { description: 'every stage, 0 where none (voided: 0, they are in no count)' })
  measuresByStage: Record<string, number>;

  @Res.int({ description: '已完成: signed off (销号), in 回头看 or 办结' })
  measuresDone: number;

  @Res.int()
  red: number;

  @Res.int()
  yellow: number;

  @Res.int()
  problems: number;

  @Res.int({ description: '已整改销号: problems whose measures, voided ones aside, are all done' })
  problemsClosed: number;
}

/** The inspection with its counts, over the measures this person may see. */
export class InspectionSummaryResponse extends InspectionResponse {
  @Res.one(() => InspectionCountsResponse)
  counts: InspectionCountsResponse;
}

export class InspectionRoleResponse {
  @Res.id()
  inspectionId: string;

  @Res.id()
  personId: string;

  @Res.enum(INSPECTION_ROLES, 'InspectionRole')
  role: string;

  @Res.dateTime()
  createdAt: string;
}
