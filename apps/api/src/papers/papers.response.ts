import { Res } from '../common/response-fields';
import { NarrativePartResponse } from '../notices/notices.response';

const SUPERVISION_STATUSES = ['open', 'answered', 'returned', 'closed'] as const;

/** The 整改报告's narrative ({placeholders} not yet filled). */
export class ReportNarrativeResponse {
  @Res.text()
  title: string;

  @Res.text({ description: '主送' })
  addressee: string;

  @Res.text()
  opening: string;

  @Res.one(() => NarrativePartResponse, { description: '一、总体情况' })
  overall: NarrativePartResponse;

  @Res.one(() => NarrativePartResponse, { description: '三、下一步打算' })
  nextSteps: NarrativePartResponse;

  @Res.text()
  signer: string;

  @Res.text({ description: 'empty: the day it is generated' })
  date: string;
}

export class ReportDraftResponse {
  @Res.id()
  inspectionId: string;

  @Res.one(() => ReportNarrativeResponse)
  narrative: ReportNarrativeResponse;

  @Res.date({
    nullable: true,
    description: "报送时限: the policy's reportWithin (P2M, or working days) after the feedback day (null without one)",
  })
  dueOn: string | null;

  @Res.dateTime({
    nullable: true,
    description: 'the instant it is due: the end of dueOn (China time), or exact for a duration with a time part',
  })
  dueAt: Date | null;

  @Res.int({
    nullable: true,
    description: 'the version first marked 报送 (null: none yet; reminders run until one is)',
  })
  submittedVersion: number | null;

  @Res.texts({ description: 'the placeholders the narrative may use' })
  placeholders: string[];

  @Res.dateTime({ nullable: true, description: 'null while the default narrative is unedited' })
  updatedAt: Date | null;
}

export class ReportFiguresResponse {
  @Res.int()
  problems: number;

  @Res.int({ description: 'voided measures aside' })
  measures: number;

  @Res.int({ description: '已完成 (signed off)' })
  doneMeasures: number;

  @Res.int({ description: '持续推进' })
  ongoingMeasures: number;

  @Res.int({ description: '未完成' })
  openMeasures: number;

  @Res.int({ description: '已整改销号 problems' })
  closedProblems: number;

  @Res.text({ description: 'e.g. 66.7%' })
  completionRate: string;
}

export class ReportMeasureResponse {
  @Res.int()
  number: number;

  @Res.text()
  text: string;

  @Res.text({ description: '已完成, 持续推进 or 未完成' })
  status: string;

  @Res.texts({ description: 'evidence file names' })
  evidence: string[];
}

export class ReportProblemResponse {
  @Res.int()
  number: number;

  @Res.text()
  title: string;

  @Res.many(() => ReportMeasureResponse)
  measures: ReportMeasureResponse[];
}

/** The report as it reads: narrative filled in, live figures and 逐条整改情况. */
export class ReportContentResponse extends ReportNarrativeResponse {
  @Res.int({ nullable: true, description: 'null in a preview' })
  version: number | null;

  @Res.date({ nullable: true })
  dueOn: string | null;

  @Res.one(() => ReportFiguresResponse)
  figures: ReportFiguresResponse;

  @Res.many(() => ReportProblemResponse)
  problems: ReportProblemResponse[];

  @Res.text()
  attachment: string;
}

export class ReportVersionResponse {
  @Res.id()
  id: string;

  @Res.int()
  version: number;

  @Res.dateTime()
  generatedAt: Date;

  @Res.id()
  generatedById: string;

  @Res.text()
  generatedBy: string;

  @Res.dateTime({ nullable: true, description: '报送: when the office marked it sent to the inspection body' })
  submittedAt: Date | null;

  @Res.id({ nullable: true })
  submittedById: string | null;

  @Res.text({ nullable: true })
  submittedBy: string | null;
}

class NumberedTitleResponse {
  @Res.int()
  number: number;

  @Res.text()
  title: string;
}

class NumberedTextResponse {
  @Res.int()
  number: number;

  @Res.text()
  text: string;
}

export class SupervisionNoticeResponse {
  @Res.id()
  id: string;

  @Res.id()
  inspectionId: string;

  @Res.id()
  measureId: string;

  @Res.text({ description: 'e.g. 〔2026〕第3号' })
  numberText: string;

  @Res.int()
  year: number;

  @Res.int({ description: 'per issuing body and year, in the order issued; never changes' })
  number: number;

  @Res.text()
  issuingBody: string;

  @Res.text()
  inspectedUnit: string;

  @Res.dateTime()
  issuedAt: Date;

  @Res.date({ description: 'the day of issue, China time' })
  issuedOn: string;

  @Res.date({
    description:
      "reply due (反馈时限), China time: the day of the measure's workflow's deadline (supervisionReplyWithin, P3D or working days; the new one after a send-back)",
  })
  replyBy: string;

  @Res.dateTime({
    nullable: true,
    description: 'the instant the workflow set; null for a measure created before 督办回复 (then 3 calendar days)',
  })
  replyDueAt: Date | null;

  @Res.enum(SUPERVISION_STATUSES, 'SupervisionNoticeStatus', {
    description:
      'open: awaiting the answer; answered: awaiting the supervisor; returned: sent back, awaiting a new answer; closed',
  })
  status: string;

  @Res.dateTime({ nullable: true, description: 'the latest 督办回复' })
  answeredAt: Date | null;

  @Res.text({ nullable: true, description: 'the latest 督办回复’s text' })
  answer: string | null;

  @Res.text({ description: 'addressee: the lead department when first listed' })
  leadDepartment: string;

  @Res.text({ description: 'addressee: the responsible leader when first listed' })
  responsibleLeader: string;

  @Res.one(() => NumberedTitleResponse)
  problem: NumberedTitleResponse;

  @Res.one(() => NumberedTextResponse, { description: 'the matter (督办事项)' })
  measure: NumberedTextResponse;

  @Res.text({ description: 'the requirement (督办要求): the supervisor’s reason' })
  reason: string;

  @Res.text()
  issuedBy: string;
}
