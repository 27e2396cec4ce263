import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  chineseDate,
  NoticeContent,
  ParsedCategory,
  ParsedGroup,
  ParsedProblem,
  ParsedSection,
  renderNoticeDocx,
  renderNoticeMarkdown,
  renderNoticeText,
} from '../../../../libs/documents/src';
import { INSPECTION_KIND_LABELS } from '../../../../libs/domain/src';
import { InspectionEntity, NoticeEntity, PublicFeedbackEntity, RectificationRecordEntity } from '../../../../libs/persistence/src';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { CreateRecordDto, EditNoticeDto, FeedbackDto } from './notice.dto';

export type Narrative = Omit<NoticeContent, 'sections'>;

export interface NoticeFigures {
  problems: number;
  measures: number;
  closedProblems: number;
  closedMeasures: number;
  meetings: number;
  supervisions: number;
  rules: number;
  campaigns: number;
}

/** Dates stored as YYYY-MM-DD, written as 2024年4月19日. */
function chineseDay(day: string | null): string | null {
  if (!day) return null;
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

/** The progress notice: office-edited narrative around live figures and live problem sections. */
@Injectable()
export class NoticesService {
  constructor(private readonly dataSource: DataSource) {}

  async createRecord(inspectionId: string, body: CreateRecordDto) {
    const measureIds = [...new Set(body.measureIds ?? [])];
    if (measureIds.length) {
      const found: { id: string }[] = await this.dataSource.query('SELECT id FROM measure WHERE inspection_id = $1 AND id = ANY($2::uuid[])', [inspectionId, measureIds]);
      const missing = measureIds.filter((id) => !found.some((row) => row.id === id));
      if (missing.length) throw new DomainError(ErrorCode.InvalidInput, `measureIds names no measure of this inspection: ${missing.join(', ')}`);
    }
    const repository = this.dataSource.getRepository(RectificationRecordEntity);
    return repository.save(repository.create({ inspectionId, kind: body.kind, title: body.title.trim(), heldOn: body.heldOn ?? null, measureIds }));
  }

  listRecords(inspectionId: string) {
    return this.dataSource.getRepository(RectificationRecordEntity).find({ where: { inspectionId }, order: { heldOn: 'ASC', createdAt: 'ASC' } });
  }

  async figures(inspectionId: string): Promise<NoticeFigures> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM problem WHERE inspection_id = $1)::int AS problems,
              (SELECT count(*) FROM measure WHERE inspection_id = $1)::int AS measures,
              (SELECT count(*) FROM measure WHERE inspection_id = $1 AND stage = 'closed')::int AS "closedMeasures",
              (SELECT count(*) FROM problem p WHERE p.inspection_id = $1
                  AND EXISTS (SELECT 1 FROM measure m WHERE m.problem_id = p.id)
                  AND NOT EXISTS (SELECT 1 FROM measure m WHERE m.problem_id = p.id AND m.stage <> 'closed'))::int AS "closedProblems",
              (SELECT count(*) FROM rectification_record WHERE inspection_id = $1 AND kind = 'meeting')::int AS meetings,
              (SELECT count(*) FROM rectification_record WHERE inspection_id = $1 AND kind = 'supervision')::int AS supervisions,
              (SELECT count(*) FROM rectification_record WHERE inspection_id = $1 AND kind = 'rule')::int AS rules,
              (SELECT count(*) FROM rectification_record WHERE inspection_id = $1 AND kind = 'campaign')::int AS campaigns`,
      [inspectionId],
    );
    return row;
  }

  private defaultNarrative(inspection: InspectionEntity): Narrative {
    const kind = INSPECTION_KIND_LABELS[inspection.kind];
    const started = chineseDay(inspection.startedOn);
    const ended = chineseDay(inspection.endedOn);
    const feedback = chineseDay(inspection.feedbackOn);
    const visit = started ? `${started}${ended ? `至${ended}` : '起'},${inspection.inspectingBody}对${inspection.inspectedUnit}进行了${kind}。` : `${inspection.inspectingBody}对${inspection.inspectedUnit}进行了${kind}。`;
    const handover = feedback ? `${feedback},${inspection.inspectingBody}向${inspection.inspectedUnit}反馈了${kind}意见。` : '';
    return {
      title: `${inspection.inspectedUnit}关于${kind}整改进展情况的通报`,
      opening: `${visit}${handover}按照${kind}工作有关要求,现将${kind}整改进展情况予以公布。`,
      part1: {
        title: `提高政治站位,坚决扛起${kind}整改政治责任`,
        paragraphs: [
          `一是加强组织领导。成立整改工作领导小组,认真制定整改方案和整改任务清单,定期研究调度整改工作,共召开整改工作专题会议、调度会议{meetings}次,开展内部督查{supervisions}次。`,
          `二是压紧压实责任,推动整改落实。对反馈的{problems}个具体问题制定{measures}项整改措施并实行整改销号闭环管理,目前已完成整改措施{closedMeasures}项,{closedProblems}个问题已整改销号。`,
          `三是聚焦成果转化,强化建章立制。坚持把解决问题和建章立制结合起来,从根本上防止问题反复。目前,已建立和完善相关制度{rules}个,开展专项整治{campaigns}个。`,
        ],
      },
      part3: {
        title: `注重成果转化,巩固提升${kind}整改实际成效`,
        paragraphs: [
          `(一)进一步提高政治站位。对已完成问题,及时组织“回头看”,防止问题反弹;对尚未完成问题,紧盯不放、持续跟进、对账销号。`,
          `(二)进一步健全长效机制。聚焦反馈的突出问题,深挖问题根源,有针对性地完善制度机制,做到解决一个问题、堵塞一批漏洞、规范一批制度。`,
          `(三)进一步推进成果转化。把${kind}整改与统筹推进各项工作相结合,切实把整改成果转化为改进作风、提升能力、推进工作的具体成效。`,
        ],
      },
      closingCall: `欢迎广大干部群众对${kind}整改落实情况进行监督。如有意见建议,请及时向我们反映。`,
      contact: {},
      signer: inspection.inspectedUnit,
      date: '',
    };
  }

  /** The problem sections as they stand now: each measure's latest progress, or its text if none yet. */
  async liveSections(inspectionId: string): Promise<ParsedSection[]> {
    const rows: {
      section_number: string | null;
      section_title: string | null;
      category_number: string | null;
      category_title: string | null;
      group_number: string | null;
      group_title: string | null;
      problem_number: number;
      problem_title: string;
      measure_number: number | null;
      text: string | null;
    }[] = await this.dataSource.query(
      `SELECT p.section_number, p.section_title, p.category_number, p.category_title, p.group_number, p.group_title,
              p.number AS problem_number, p.title AS problem_title, m.number AS measure_number, coalesce(m.latest_progress, m.text) AS text
         FROM problem p LEFT JOIN measure m ON m.problem_id = p.id
        WHERE p.inspection_id = $1 ORDER BY p.number, m.number`,
      [inspectionId],
    );
    const sections: ParsedSection[] = [];
    const find = <T extends { number: string; title: string }>(list: T[], number: string, title: string, make: () => T) => {
      let item = list.find((entry) => entry.number === number && entry.title === title);
      if (!item) list.push((item = make()));
      return item;
    };
    for (const row of rows) {
      const section: ParsedSection = find(sections, row.section_number ?? '', row.section_title ?? '问题整改情况', (): ParsedSection => ({ number: row.section_number ?? '', title: row.section_title ?? '问题整改情况' }));
      let holder: { problems?: ParsedProblem[] } = section;
      if (row.category_number || row.category_title) {
        holder = find((section.categories ??= []), row.category_number ?? '', row.category_title ?? '', (): ParsedCategory => ({ number: row.category_number ?? '', title: row.category_title ?? '' }));
      }
      if (row.group_number || row.group_title) {
        const groups = ((holder as ParsedCategory).groups ??= []);
        holder = find(groups, row.group_number ?? '', row.group_title ?? '', (): ParsedGroup => ({ number: row.group_number ?? '', title: row.group_title ?? '', problems: [] }));
      }
      const problems = (holder.problems ??= []);
      let problem = problems.find((item) => item.number === String(row.problem_number));
      if (!problem) problems.push((problem = { number: String(row.problem_number), title: row.problem_title, measures: [] }));
      if (row.text) problem.measures.push({ number: problem.measures.length + 1, text: row.text });
    }
    return sections;
  }

  async notice(id: string): Promise<NoticeEntity> {
    const notice = await this.dataSource.getRepository(NoticeEntity).findOne({ where: { id } });
    if (!notice) throw new DomainError(ErrorCode.NotFound, `no notice with id ${id}`);
    return notice;
  }

  /** The inspection's notice, created with the default narrative the first time. */
  async draftFor(inspectionId: string): Promise<NoticeEntity> {
    const repository = this.dataSource.getRepository(NoticeEntity);
    const existing = await repository.findOne({ where: { inspectionId } });
    if (existing) return existing;
    const inspection = await this.dataSource.getRepository(InspectionEntity).findOneOrFail({ where: { id: inspectionId } });
    return repository.save(repository.create({ inspectionId, narrative: this.defaultNarrative(inspection) as unknown as Record<string, unknown> }));
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
    return this.dataSource.getRepository(NoticeEntity).save(notice);
  }

  /** Narrative with its {placeholders} filled from live figures, plus the live problem sections. */
  async content(notice: NoticeEntity): Promise<NoticeContent> {
    const narrative = notice.narrative as unknown as Narrative;
    const figures = await this.figures(notice.inspectionId);
    const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in figures ? String(figures[key as keyof NoticeFigures]) : whole));
    return {
      ...narrative,
      opening: fill(narrative.opening),
      part1: { title: narrative.part1.title, paragraphs: narrative.part1.paragraphs.map(fill) },
      part3: { title: narrative.part3.title, paragraphs: narrative.part3.paragraphs.map(fill) },
      date: narrative.date || chineseDate(new Date()),
      sections: await this.liveSections(notice.inspectionId),
    };
  }

  async render(content: NoticeContent, format: string): Promise<{ type: string; body: Buffer | string; extension: string }> {
    switch (format) {
      case 'md':
        return { type: 'text/markdown; charset=utf-8', body: renderNoticeMarkdown(content), extension: 'md' };
      case 'txt':
        return { type: 'text/plain; charset=utf-8', body: renderNoticeText(content), extension: 'txt' };
      case 'docx':
        return { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: await renderNoticeDocx(content), extension: 'docx' };
      default:
        throw new DomainError(ErrorCode.InvalidInput, `format must be md, txt or docx (got "${format}")`);
    }
  }

  /** Freezes what the public will see; later edits need another publish. */
  async publish(id: string): Promise<NoticeEntity> {
    const notice = await this.notice(id);
    const content = await this.content(notice);
    if (!content.sections.length) throw new DomainError(ErrorCode.InvalidInput, 'the inspection has no problems yet; nothing to publish');
    notice.publishedContent = content as unknown as Record<string, unknown>;
    notice.publishedAt = new Date();
    return this.dataSource.getRepository(NoticeEntity).save(notice);
  }

  async published(id: string): Promise<NoticeContent> {
    const notice = await this.dataSource.getRepository(NoticeEntity).findOne({ where: { id } });
    if (!notice?.publishedContent) throw new DomainError(ErrorCode.NotFound, 'no published notice with this id');
    return notice.publishedContent as unknown as NoticeContent;
  }

  async receiveFeedback(noticeId: string, body: FeedbackDto, address: string) {
    await this.published(noticeId);
    const content = body.content?.trim();
    if (!content) throw new DomainError(ErrorCode.InvalidInput, 'content must not be blank');
    const repository = this.dataSource.getRepository(PublicFeedbackEntity);
    const saved = await repository.save(
      repository.create({
        noticeId,
        name: body.name?.trim() || null,
        contact: body.contact?.trim() || null,
        content,
        senderHash: createHash('sha256').update(address).digest('hex'),
      }),
    );
    // It lands in the inbox of the inspection's office, like any other notification (no e-mail: public text).
    await this.dataSource.query(
      `INSERT INTO notification (recipient_id, inspection_id, kind, title, body, dedupe_key)
       SELECT r.person_id, n.inspection_id, 'public_feedback', $2, $3, 'feedback:' || $1 || ':' || r.person_id
         FROM notice n JOIN inspection_role r ON r.inspection_id = n.inspection_id AND r.role = 'office'
        WHERE n.id = $4 ON CONFLICT (dedupe_key) DO NOTHING`,
      [saved.id, `【群众意见】${(body.name?.trim() || '匿名').slice(0, 50)}`, content.slice(0, 2000), noticeId],
    );
    return { id: saved.id, receivedAt: saved.receivedAt };
  }

  async feedbackFor(inspectionId: string) {
    const items = await this.dataSource.query(
      `SELECT f.id, f.name, f.contact, f.content, f.received_at AS "receivedAt", f.read_at AS "readAt"
         FROM public_feedback f JOIN notice n ON n.id = f.notice_id WHERE n.inspection_id = $1 ORDER BY f.received_at DESC`,
      [inspectionId],
    );
    return { unread: items.filter((item: { readAt: Date | null }) => !item.readAt).length, items };
  }

  async feedbackInspection(feedbackId: string): Promise<string> {
    const [row] = await this.dataSource.query(
      'SELECT n.inspection_id AS "inspectionId" FROM public_feedback f JOIN notice n ON n.id = f.notice_id WHERE f.id = $1',
      [feedbackId],
    );
    if (!row) throw new DomainError(ErrorCode.NotFound, `no feedback with id ${feedbackId}`);
    return row.inspectionId;
  }

  async markRead(feedbackId: string): Promise<void> {
    await this.dataSource.query('UPDATE public_feedback SET read_at = coalesce(read_at, now()) WHERE id = $1', [feedbackId]);
  }
}
