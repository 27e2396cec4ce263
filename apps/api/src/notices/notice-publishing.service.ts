import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { NoticeContent, renderNoticeText } from '@rectiflow/documents';
import { NoticeEntity, NoticeRepository, NoticeVersionRow, UnitOfWork } from '@rectiflow/persistence';
import { DomainError, ErrorCode } from '../common/domain-error';
import { NoticeWarning, noticeWarnings } from './notice-warnings';
import { NoticesService } from './notices.service';

/** Letters and digits nobody misreads (no 0/o, 1/l/i). */
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function newPublicCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** The readable public address of a version. */
export function publicPath(code: string, version: number): string {
  return `/gongkai/${code}/${version}`;
}

export interface PublishedVersion {
  version: number;
  publishedAt: Date;
  publicUrl: string;
}

/**
 * Publishing: the notice's content frozen as the public will see it, one version per publishing
 * (every version kept), under a readable address /gongkai/<code>/<version>; and what the public reads.
 */
@Injectable()
export class NoticePublishingService {
  constructor(
    private readonly notices: NoticesService,
    private readonly repository: NoticeRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** What publishing now would show the public, with what to look at first, and the address it would get. */
  async check(id: string): Promise<{
    content: NoticeContent;
    text: string;
    warnings: NoticeWarning[];
    nextVersion: number;
    publicUrl: string | null;
  }> {
    const notice = await this.notices.notice(id);
    const content = await this.notices.content(notice);
    const versions = await this.repository.versions(id);
    const nextVersion = (versions[0]?.version ?? 0) + 1;
    return {
      content,
      text: renderNoticeText(content),
      warnings: noticeWarnings(content),
      nextVersion,
      publicUrl: notice.publicCode ? publicPath(notice.publicCode, nextVersion) : null,
    };
  }

  /** Freezes what the public will see as the next version; later edits need another publish. */
  async publish(id: string): Promise<PublishedVersion> {
    const notice = await this.notices.notice(id);
    const content = await this.notices.content(notice);
    if (!content.sections.length)
      throw new DomainError(ErrorCode.InvalidInput, 'the inspection has no problems yet; nothing to publish');
    return this.addVersion(notice, content as unknown as Record<string, unknown>);
  }

  /** Every published version, newest first, with its address. */
  async versions(id: string): Promise<PublishedVersion[]> {
    const notice = await this.notices.notice(id);
    const rows = await this.repository.versions(id);
    return rows.map((row) => this.address(notice.publicCode ?? '', row));
  }

  async published(id: string): Promise<NoticeContent> {
    return (await this.publishedNotice(id)).publishedContent as unknown as NoticeContent;
  }

  /** The notice, when it has been published (404 otherwise: a draft never leaves the system). */
  async publishedNotice(id: string): Promise<NoticeEntity> {
    const notice = await this.repository.byId(id);
    if (!notice?.publishedContent) throw new DomainError(ErrorCode.NotFound, 'no published notice with this id');
    return notice;
  }

  /** The readable address of the newest version (a notice published before versions were kept gets its version 1 now). */
  async newestAddress(id: string): Promise<string> {
    const notice = await this.publishedNotice(id);
    const [newest] = await this.repository.versions(id);
    if (newest && notice.publicCode) return publicPath(notice.publicCode, newest.version);
    return (await this.addVersion(notice, notice.publishedContent!)).publicUrl;
  }

  /** The public code of a published notice (given now to one published before codes existed). */
  async codeOf(id: string): Promise<string> {
    const notice = await this.publishedNotice(id);
    if (notice.publicCode && (await this.repository.versions(id)).length) return notice.publicCode;
    await this.newestAddress(id);
    return (await this.publishedNotice(id)).publicCode!;
  }

  /** The published notice behind a public code (404 for an unknown code). */
  async byCode(code: string): Promise<{ notice: NoticeEntity; versions: PublishedVersion[] }> {
    if (!/^[A-Za-z0-9-]{1,32}$/.test(code))
      throw new DomainError(ErrorCode.InvalidInput, 'code must be the letters and digits of a public address');
    const notice = await this.repository.byPublicCode(code.toLowerCase());
    if (!notice?.publishedContent) throw new DomainError(ErrorCode.NotFound, 'code names no published notice');
    const rows = await this.repository.versions(notice.id);
    return { notice, versions: rows.map((row) => this.address(code, row)) };
  }

  /** One version's content (404 when the notice has no such version). */
  async versionContent(noticeId: string, version: number): Promise<NoticeContent> {
    const row = await this.repository.version(noticeId, version);
    if (!row) throw new DomainError(ErrorCode.NotFound, `the notice has no version ${version}`);
    return row.content as unknown as NoticeContent;
  }

  private address(code: string, row: NoticeVersionRow): PublishedVersion {
    return { version: row.version, publishedAt: row.publishedAt, publicUrl: publicPath(code, row.version) };
  }

  /** A new code collides with another notice's once in a billion; then another is drawn. */
  private async addVersion(notice: NoticeEntity, content: Record<string, unknown>): Promise<PublishedVersion> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const added = await this.unitOfWork.run((tx) =>
          this.repository.publishVersion(notice.id, content, notice.publicCode ?? newPublicCode(), tx),
        );
        return {
          version: added.version,
          publishedAt: added.publishedAt,
          publicUrl: publicPath(added.publicCode, added.version),
        };
      } catch (error) {
        if ((error as { code?: string }).code !== '23505' || attempt >= 3) throw error;
      }
    }
  }
}
