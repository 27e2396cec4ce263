import { Injectable } from '@nestjs/common';
import { NoticeFiguresRepository, RecordRepository, RectificationRecordEntity } from '@rectiflow/persistence';
import { DomainError, ErrorCode } from '../common/domain-error';
import { reason } from '@rectiflow/domain';
import type { CreateRecordDto, UpdateRecordDto } from './notice.dto';

/** The office's records besides measures (meetings, internal supervision, rules, campaigns): the notice counts them. */
@Injectable()
export class NoticeRecordsService {
  constructor(
    private readonly records: RecordRepository,
    private readonly figures: NoticeFiguresRepository,
  ) {}

  async createRecord(inspectionId: string, body: CreateRecordDto): Promise<RectificationRecordEntity> {
    const measureIds = await this.measuresOf(inspectionId, body.measureIds ?? []);
    return this.records.create({
      inspectionId,
      kind: body.kind,
      title: body.title.trim(),
      heldOn: body.heldOn ?? null,
      measureIds,
    });
  }

  async record(id: string): Promise<RectificationRecordEntity> {
    const record = await this.records.byId(id);
    if (!record) throw new DomainError(ErrorCode.NotFound, `no record with id ${id}`);
    return record;
  }

  /** Corrects a record (a wrong day, a typo, the measures it belongs to); a body that changes nothing is refused. */
  async updateRecord(record: RectificationRecordEntity, body: UpdateRecordDto): Promise<RectificationRecordEntity> {
    // Only the day may be cleared: the validators let null through as "not given", so it is refused here.
    for (const field of ['kind', 'title', 'measureIds'] as const)
      if (body[field] === null)
        throw new DomainError(
          ErrorCode.InvalidInput,
          `${field} cannot be null (leave it out to keep it)`,
          undefined,
          reason('FIELD_REQUIRED', { field }),
        );
    const changes = {
      ...(body.kind !== undefined ? { kind: body.kind } : {}),
      ...(body.title !== undefined ? { title: body.title.trim() } : {}),
      ...(body.heldOn !== undefined ? { heldOn: body.heldOn } : {}),
      ...(body.measureIds !== undefined
        ? { measureIds: await this.measuresOf(record.inspectionId, body.measureIds) }
        : {}),
    };
    if (!Object.keys(changes).length)
      throw new DomainError(
        ErrorCode.InvalidInput,
        'give kind, title, heldOn or measureIds: nothing to change',
        undefined,
        reason('NOTHING_TO_CHANGE'),
      );
    return (await this.records.update(record.id, changes)) ?? this.record(record.id);
  }

  async deleteRecord(record: RectificationRecordEntity): Promise<void> {
    if (!(await this.records.remove(record.id)))
      throw new DomainError(ErrorCode.NotFound, `no record with id ${record.id}`);
  }

  listRecords(inspectionId: string): Promise<RectificationRecordEntity[]> {
    return this.records.ofInspection(inspectionId);
  }

  /** The given measures without repeats, refused naming any that is not of this inspection. */
  private async measuresOf(inspectionId: string, ids: string[]): Promise<string[]> {
    const measureIds = [...new Set(ids)];
    if (!measureIds.length) return measureIds;
    const found = await this.figures.measureIdsOf(inspectionId, measureIds);
    const missing = measureIds.filter((id) => !found.includes(id));
    if (missing.length)
      throw new DomainError(
        ErrorCode.InvalidInput,
        `measureIds names no measure of this inspection: ${missing.join(', ')}`,
        undefined,
        reason('UNKNOWN_REFERENCE', { field: 'measureIds' }),
      );
    return measureIds;
  }
}
