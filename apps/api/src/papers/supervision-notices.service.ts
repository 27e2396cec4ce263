import { Injectable } from '@nestjs/common';
import {
  addDaysToDay,
  chinaDay,
  renderSupervisionDocx,
  renderSupervisionHtml,
  supervisionNumber,
  SupervisionNoticeContent,
} from '@rectiflow/documents';
import {
  InspectionRepository,
  SupervisionNoticeRepository,
  SupervisionNoticeRow,
  SupervisionNoticeStatus,
} from '@rectiflow/persistence';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Visibility } from '../common/visibility';

/**
 * A 督办单 of a measure created before answers were asked for has no deadline from its workflow;
 * its paper keeps the rule it was issued under: three calendar days.
 */
const LEGACY_REPLY_DAYS = 3;

export interface SupervisionNoticeView extends SupervisionNoticeContent {
  id: string;
  inspectionId: string;
  measureId: string;
  /** 〔2026〕第3号 */
  numberText: string;
  issuedAt: Date;
  /** The workflow's reply deadline (the latest, after a send-back); null for a legacy notice. */
  replyDueAt: Date | null;
  status: SupervisionNoticeStatus;
  answeredAt: Date | null;
  answer: string | null;
}

function view(row: SupervisionNoticeRow): SupervisionNoticeView {
  const issuedOn = chinaDay(row.issued_at);
  return {
    id: row.id,
    inspectionId: row.inspection_id,
    measureId: row.measure_id,
    numberText: supervisionNumber(row.year, row.number),
    issuedAt: row.issued_at,
    issuingBody: row.issuing_body,
    year: row.year,
    number: row.number,
    inspectedUnit: row.inspected_unit,
    leadDepartment: row.lead_department,
    responsibleLeader: row.responsible_leader,
    problem: { number: row.problem_number, title: row.problem_title },
    measure: { number: row.measure_number, text: row.measure_text },
    reason: row.reason,
    issuedBy: row.issued_by ?? '',
    issuedOn,
    // The day (China time) of the instant the workflow set, so a working-days policy prints its own day.
    replyBy: row.reply_due_at ? chinaDay(row.reply_due_at) : addDaysToDay(issuedOn, LEGACY_REPLY_DAYS),
    replyDueAt: row.reply_due_at,
    status: row.status,
    answeredAt: row.answered_at,
    answer: row.answer_text,
  };
}

/**
 * 督办单 from the audit trail's `supervise` actions: numbered when first listed (per issuing body
 * and year, in the order issued, stored so the number never changes), listed per inspection for
 * whoever sees the measure, and rendered as Word or a printable page.
 */
@Injectable()
export class SupervisionNoticesService {
  constructor(
    private readonly notices: SupervisionNoticeRepository,
    private readonly inspections: InspectionRepository,
    private readonly visibility: Visibility,
  ) {}

  async list(inspectionId: string, actor: RequestActor): Promise<SupervisionNoticeView[]> {
    await this.visibility.requireInspection(actor, inspectionId);
    const inspection = await this.inspections.byId(inspectionId);
    if (!inspection) throw new DomainError(ErrorCode.NotFound, `no inspection with id ${inspectionId}`);
    await this.notices.numberPending(inspection.inspectingBody);
    const rows = await this.notices.ofInspection(inspectionId, await this.visibility.scope(actor, inspectionId));
    return rows.map(view);
  }

  /** One 督办单 (404 unless listed before and its measure is visible to the person). */
  async one(id: string, actor: RequestActor): Promise<SupervisionNoticeView> {
    const row = await this.notices.byId(id);
    if (!row || !(await this.visibility.canSeeMeasure(actor, row.measure_id)))
      throw new DomainError(ErrorCode.NotFound, `no supervision notice with id ${id}`);
    return view(row);
  }

  render(notice: SupervisionNoticeView, format: 'docx'): Promise<Buffer>;
  render(notice: SupervisionNoticeView, format: 'html'): string;
  render(notice: SupervisionNoticeView, format: 'docx' | 'html'): Promise<Buffer> | string {
    return format === 'docx' ? renderSupervisionDocx(notice) : renderSupervisionHtml(notice);
  }
}
