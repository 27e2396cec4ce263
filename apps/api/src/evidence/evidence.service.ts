import { Injectable } from '@nestjs/common';
import { EVIDENCE_TYPES } from '@rectiflow/documents/file-types';
import { EvidenceRepository } from '@rectiflow/persistence';
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

@Injectable()
export class EvidenceService {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly storage: EvidenceStore,
    private readonly measures: MeasuresService,
    private readonly visibility: Visibility,
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
    return this.evidence.create({
      measureId,
      fileName: name,
      contentType: allowed[0],
      sizeBytes: file.size,
      sha256,
      uploadedById: actor.personId,
    });
  }

  async list(measureId: string, actor: RequestActor) {
    await this.visibility.requireMeasure(actor, measureId);
    return this.evidence.ofMeasure(measureId);
  }

  async get(id: string, actor: RequestActor) {
    const evidence = await this.evidence.byId(id);
    if (!evidence || !(await this.visibility.canSeeMeasure(actor, evidence.measureId)))
      throw new DomainError(ErrorCode.NotFound, `no evidence with id ${id}`);
    return { evidence, stream: await this.storage.open(evidence.sha256) };
  }
}
