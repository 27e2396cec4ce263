import { Injectable } from '@nestjs/common';
import {
  chineseDate,
  NoticeContent,
  renderNoticeDocx,
  renderNoticeMarkdown,
  renderNoticeText,
} from '@rectiflow/documents';
import { InspectionRepository, NoticeEntity, NoticeRepository, UnitOfWork } from '@rectiflow/persistence';
import { DomainError, ErrorCode } from '../common/domain-error';
import { defaultNarrative, Narrative } from './default-narrative';
import { NoticeFigures, NoticeFiguresService } from './notice-figures.service';
import type { EditNoticeDto } from './notice.dto';

/** The progress notice: office-edited narrative around live figures and live problem sections. */
@Injectable()
export class NoticesService {
  constructor(
    private readonly notices: NoticeRepository,
    private readonly inspections: InspectionRepository,
    private readonly live: NoticeFiguresService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async notice(id: string): Promise<NoticeEntity> {
    const notice = await this.notices.byId(id);
    if (!notice) throw new DomainError(ErrorCode.NotFound, `no notice with id ${id}`);
    return notice;
  }

  /** The inspection's notice, created with the default narrative the first time. */
  async draftFor(inspectionId: string): Promise<NoticeEntity> {
    const existing = await this.notices.ofInspection(inspectionId);
    if (existing) return existing;
    const inspection = await this.inspections.byId(inspectionId);
    if (!inspection) throw new DomainError(ErrorCode.NotFound, `no inspection with id ${inspectionId}`);
    return this.unitOfWork.run((tx) =>
      this.notices.ensureForInspection(
        inspectionId,
        () => defaultNarrative(inspection) as unknown as Record<string, unknown>,
        tx,
      ),
    );
  }

  async edit(id: string, body: EditNoticeDto): Promise<NoticeEntity> {
    const notice = await this.notice(id);
    const narrative = notice.narrative as unknown as Narrative;
    const next: Narrative = {
      ...narrative,
      ...Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)),
      contact: { ...narrative.contact, ...(body.contact ?? {}) },
    } as Narrative;
    notice.narrative = next as unknown as Record<string, unknown>;
    return this.notices.save(notice);
  }

  /** Narrative with its {placeholders} filled from live figures, plus the live problem sections. */
  async content(notice: NoticeEntity): Promise<NoticeContent> {
    const narrative = notice.narrative as unknown as Narrative;
    const figures = await this.live.figures(notice.inspectionId);
    const fill = (text: string) =>
      text.replace(/\{(\w+)\}/g, (whole, key: string) =>
        key in figures ? String(figures[key as keyof NoticeFigures]) : whole,
      );
    return {
      ...narrative,
      opening: fill(narrative.opening),
      part1: { title: narrative.part1.title, paragraphs: narrative.part1.paragraphs.map(fill) },
      part3: { title: narrative.part3.title, paragraphs: narrative.part3.paragraphs.map(fill) },
      date: narrative.date || chineseDate(new Date()),
      sections: await this.live.liveSections(notice.inspectionId),
    };
  }

  async render(
    content: NoticeContent,
    format: string,
  ): Promise<{ type: string; body: Buffer | string; extension: string }> {
    switch (format) {
      case 'md':
        return { type: 'text/markdown; charset=utf-8', body: renderNoticeMarkdown(content), extension: 'md' };
      case 'txt':
        return { type: 'text/plain; charset=utf-8', body: renderNoticeText(content), extension: 'txt' };
      case 'docx':
        return {
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          body: await renderNoticeDocx(content),
          extension: 'docx',
        };
      default:
        throw new DomainError(ErrorCode.InvalidInput, `format must be md, txt or docx (got "${format}")`);
    }
  }
}
