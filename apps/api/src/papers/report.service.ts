import { reason } from '@rectiflow/domain';
import { Injectable } from '@nestjs/common';
import {
  chineseDate,
  filledNarrative,
  REPORT_PLACEHOLDERS,
  renderReportDocx,
  ReportContent,
  ReportNarrative,
} from '@rectiflow/documents';
import {
  CalendarRepository,
  InspectionEntity,
  InspectionRepository,
  ReportVersionRepository,
  ReportVersionRow,
  UnitOfWork,
} from '@rectiflow/persistence';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { LedgerExportService } from '../imports/ledger-export.service';
import { LivePapersService } from './live-papers.service';
import type { EditReportDto } from './report.dto';
import { defaultReportNarrative, reportDueOf } from './report-narrative';

export const LEDGER_ATTACHMENT = '整改台账.xlsx';

/** The report's draft as the office edits it. */
export interface ReportDraft {
  inspectionId: string;
  narrative: ReportNarrative;
  /** 报送时限 (YYYY-MM-DD): the policy's reportWithin (P2M) after the feedback day; null without one. */
  dueOn: string | null;
  /** The instant it is due (the end of dueOn, China time, unless reportWithin has a time part). */
  dueAt: Date | null;
  /** The version marked 报送 first, if any: reminders stop once one is. */
  submittedVersion: number | null;
  placeholders: string[];
  /** Null while the default narrative has not been edited. */
  updatedAt: Date | null;
}

/**
 * The 整改报告: the office's narrative (stored per inspection, {placeholders} kept) around live
 * figures and the live 逐条整改情况; each generation is a numbered version kept with both files.
 */

/** A version the report does not have, as the workbench names it. */
const NO_VERSION = reason('NOT_FOUND', { entity: 'reportVersion' });
@Injectable()
export class ReportService {
  constructor(
    private readonly inspections: InspectionRepository,
    private readonly reports: ReportVersionRepository,
    private readonly live: LivePapersService,
    private readonly ledger: LedgerExportService,
    private readonly unitOfWork: UnitOfWork,
    private readonly calendars: CalendarRepository,
  ) {}

  private async inspection(inspectionId: string): Promise<InspectionEntity> {
    const inspection = await this.inspections.byId(inspectionId);
    if (!inspection) throw new DomainError(ErrorCode.NotFound, `no inspection with id ${inspectionId}`);
    return inspection;
  }

  async draft(inspectionId: string): Promise<ReportDraft> {
    const inspection = await this.inspection(inspectionId);
    const [stored, due, versions] = await Promise.all([
      this.reports.draft(inspectionId),
      reportDueOf(inspection, this.calendars),
      this.reports.list(inspectionId),
    ]);
    const submitted = versions
      .filter((version) => version.submittedAt)
      .sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime())[0];
    return {
      inspectionId,
      narrative: stored
        ? { ...defaultReportNarrative(inspection), ...(stored.narrative as Partial<ReportNarrative>) }
        : defaultReportNarrative(inspection),
      dueOn: due?.dueOn ?? null,
      dueAt: due?.dueAt ?? null,
      submittedVersion: submitted?.version ?? null,
      placeholders: REPORT_PLACEHOLDERS.map((key) => `{${key}}`),
      updatedAt: stored?.updatedAt ?? null,
    };
  }

  async edit(inspectionId: string, body: EditReportDto): Promise<ReportDraft> {
    const { narrative } = await this.draft(inspectionId);
    const given = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    await this.reports.saveDraft(inspectionId, { ...narrative, ...given });
    return this.draft(inspectionId);
  }

  /** The report as it reads from live data now (version null: a preview). */
  async content(inspectionId: string, version: number | null = null): Promise<ReportContent> {
    const { narrative, dueOn } = await this.draft(inspectionId);
    const [figures, problems] = await Promise.all([
      this.live.figures(inspectionId),
      this.live.reportProblems(inspectionId),
    ]);
    return {
      ...filledNarrative(narrative, figures, chineseDate(new Date())),
      version,
      dueOn,
      figures,
      problems,
      attachment: LEDGER_ATTACHMENT,
    };
  }

  preview(content: ReportContent): Promise<Buffer> {
    return renderReportDocx(content);
  }

  /** A new numbered version: the report and the ledger as they read now, kept with who and when. */
  async generate(inspectionId: string, actor: RequestActor): Promise<ReportVersionRow> {
    await this.inspection(inspectionId);
    const ledgerXlsx = await this.ledger.exportXlsx(inspectionId);
    return this.unitOfWork.run(async (tx) => {
      const version = await this.reports.nextVersion(inspectionId, tx);
      const content = await this.content(inspectionId, version);
      const docx = await renderReportDocx(content);
      return this.reports.insert(
        {
          inspectionId,
          version,
          generatedById: actor.personId,
          content: content as unknown as Record<string, unknown>,
          docx,
          ledgerXlsx,
        },
        tx,
      );
    });
  }

  async versions(inspectionId: string): Promise<ReportVersionRow[]> {
    await this.inspection(inspectionId);
    return this.reports.list(inspectionId);
  }

  /** 报送: the version marked sent to the inspection body by this office member (the first mark stands). */
  async submit(inspectionId: string, version: number, actor: RequestActor): Promise<ReportVersionRow> {
    await this.inspection(inspectionId);
    const row = await this.reports.markSubmitted(inspectionId, version, actor.personId);
    if (!row)
      throw new DomainError(ErrorCode.NotFound, `version: the report has no version ${version}`, undefined, NO_VERSION);
    return row;
  }

  async versionContent(inspectionId: string, version: number): Promise<Record<string, unknown>> {
    const row = await this.reports.content(inspectionId, version);
    if (!row)
      throw new DomainError(ErrorCode.NotFound, `version: the report has no version ${version}`, undefined, NO_VERSION);
    return row.content;
  }

  async versionFile(inspectionId: string, version: number, which: 'docx' | 'ledger'): Promise<Buffer> {
    const bytes = await this.reports.file(inspectionId, version, which);
    if (!bytes)
      throw new DomainError(ErrorCode.NotFound, `version: the report has no version ${version}`, undefined, NO_VERSION);
    return bytes;
  }
}
