import { Injectable } from '@nestjs/common';
import { EVIDENCE_TYPES } from '@rectiflow/documents/file-types';
import { reason } from '@rectiflow/domain';
import { EvidenceEntity, EvidenceRepository, UnitOfWork } from '@rectiflow/persistence';
import { cleanFileName } from '../common/file-name';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Visibility } from '../common/visibility';
import { MeasuresService } from '../measures/measures.service';
import { EvidenceStore } from './evidence-store';
import { signatureProblem } from './file-signature';

export interface UploadedEvidence {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** A file's record as the API documents it (a listed file is never withdrawn: the marks stay inside). */
function evidenceRecord(row: EvidenceEntity) {
  const { id, measureId, fileName, contentType, sizeBytes, sha256, uploadedById, uploadedAt } = row;
  return { id, measureId, fileName, contentType, sizeBytes, sha256, uploadedById, uploadedAt };
}

@Injectable()
export class EvidenceService {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly storage: EvidenceStore,
    private readonly measures: MeasuresService,
    private readonly visibility: Visibility,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async upload(measureId: string, actor: RequestActor, file: UploadedEvidence | undefined) {
    if (!file) throw new DomainError(ErrorCode.InvalidInput, 'file is required (multipart field "file")');
    await this.visibility.requireMeasure(actor, measureId);
    const measure = await this.measures.row(measureId);
    const name = cleanFileName(file.originalname, 'evidence');
    const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
    const allowed = EVIDENCE_TYPES[extension];
    if (!allowed) {
      throw new DomainError(
        ErrorCode.UnsupportedMediaType,
        `file type ".${extension}" is not accepted; accepted: ${Object.keys(EVIDENCE_TYPES).join(', ')}`,
      );
    }
    if (!allowed.includes(file.mimetype) && file.mimetype !== 'application/octet-stream') {
      throw new DomainError(
        ErrorCode.UnsupportedMediaType,
        `content type ${file.mimetype} does not match a .${extension} file`,
      );
    }
    if (file.size === 0) throw new DomainError(ErrorCode.InvalidInput, 'file is empty');
    const problem = signatureProblem(extension, file.buffer);
    if (problem) throw new DomainError(ErrorCode.UnsupportedMediaType, `${problem}; refused`);
    const actorIsStaff =
      actor.departmentId !== null &&
      (measure.leadDepartmentId === actor.departmentId ||
        measure.cooperatingDepartmentIds.includes(actor.departmentId));
    const domainActor = await this.measures.domainActor(actor, measure.inspectionId);
    if (!actorIsStaff && !domainActor.inspectionRoles.includes('office')) {
      throw new DomainError(
        ErrorCode.Forbidden,
        "only staff of the measure's lead or cooperating departments (or the office) may upload its evidence",
      );
    }
    if (measure.stage === 'closed')
      throw new DomainError(ErrorCode.StageConflict, 'the measure is closed (办结); no more evidence is accepted');
    // The bytes first: a store that fails answers 503 and no row points at missing bytes.
    const sha256 = await this.storage.put(file.buffer);
    return evidenceRecord(
      await this.evidence.create({
        measureId,
        fileName: name,
        contentType: allowed[0],
        sizeBytes: file.size,
        sha256,
        uploadedById: actor.personId,
      }),
    );
  }

  async list(measureId: string, actor: RequestActor) {
    await this.visibility.requireMeasure(actor, measureId);
    return (await this.evidence.ofMeasure(measureId)).map(evidenceRecord);
  }

  async get(id: string, actor: RequestActor) {
    const evidence = await this.evidence.byId(id);
    if (!evidence || !(await this.visibility.canSeeMeasure(actor, evidence.measureId)))
      throw new DomainError(ErrorCode.NotFound, `no evidence with id ${id}`);
    return { evidence, stream: await this.storage.open(evidence.sha256) };
  }

  /**
   * A wrong upload leaves the measure's list: by the person who uploaded it or the office, while no
   * action names it (once submitted, a file is part of the record). Repeating it changes nothing.
   */
  async withdraw(id: string, actor: RequestActor): Promise<void> {
    const evidence = await this.evidence.byId(id);
    if (!evidence || !(await this.visibility.canSeeMeasure(actor, evidence.measureId)))
      throw new DomainError(
        ErrorCode.NotFound,
        `no evidence with id ${id}`,
        undefined,
        reason('NOT_FOUND', { entity: 'evidence' }),
      );
    if (evidence.withdrawnAt) return;
    if (evidence.uploadedById !== actor.personId) {
      const measure = await this.measures.row(evidence.measureId);
      const { inspectionRoles } = await this.measures.domainActor(actor, measure.inspectionId);
      if (!inspectionRoles.includes('office'))
        throw new DomainError(
          ErrorCode.Forbidden,
          'only the person who uploaded a file (or the office) may withdraw it',
          undefined,
          reason('EVIDENCE_NOT_UPLOADER'),
        );
    }
    const outcome = await this.unitOfWork.run((tx) => this.evidence.withdraw(id, actor.personId, tx));
    if (outcome === 'named_by_an_action')
      throw new DomainError(
        ErrorCode.StageConflict,
        `evidence ${id} is named by an action of the measure (submitted): it is part of the record and stays`,
        undefined,
        reason('EVIDENCE_SUBMITTED', { fileName: evidence.fileName }),
      );
  }
}
