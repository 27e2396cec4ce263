import { Injectable } from '@nestjs/common';
import { NoticeFiguresRepository, RecordRepository, RectificationRecordEntity } from '@rectiflow/persistence';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { CreateRecordDto } from './notice.dto';

/** The office's records besides measures (meetings, internal supervision, rules, campaigns): the notice counts them. */
@Injectable()
export class NoticeRecordsService {
  constructor(
    private readonly records: RecordRepository,
    private readonly figures: NoticeFiguresRepository,
  ) {}

  async createRecord(inspectionId: string, body: CreateRecordDto): Promise<RectificationRecordEntity> {
    const measureIds = [...new Set(body.measureIds ?? [])];
    if (measureIds.length) {
      const found = await this.figures.measureIdsOf(inspectionId, measureIds);
      const missing = measureIds.filter((id) => !found.includes(id));
      if (missing.length)
        throw new DomainError(
          ErrorCode.InvalidInput,
          `measureIds names no measure of this inspection: ${missing.join(', ')}`,
        );
    }
    return this.records.create({
      inspectionId,
      kind: body.kind,
      title: body.title.trim(),
      heldOn: body.heldOn ?? null,
      measureIds,
    });
  }

  listRecords(inspectionId: string): Promise<RectificationRecordEntity[]> {
    return this.records.ofInspection(inspectionId);
  }
}
