import { Injectable } from '@nestjs/common';
import { EvidenceRepository } from '../../../../libs/persistence/src';
import { withoutForbiddenCharacters } from '../../../../libs/domain/src';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Visibility } from '../common/visibility';
import { MeasuresService } from '../measures/measures.service';
import { EvidenceStorage } from './evidence.storage';
import { signatureProblem } from './file-signature';

/** File types offices exchange as evidence (佐证材料), including OFD and WPS formats. */
export const EVIDENCE_TYPES: Record<string, string[]> = {
  pdf: ['application/pdf'],
  ofd: ['application/ofd', 'application/octet-stream'],
  doc: ['application/msword'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  wps: ['application/vnd.ms-works', 'application/kswps', 'application/octet-stream'],
  xls: ['application/vnd.ms-excel'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  et: ['application/kset', 'application/octet-stream'],
  ppt: ['application/vnd.ms-powerpoint'],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  txt: ['text/plain'],
  csv: ['text/csv', 'text/plain'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  png: ['image/png'],
  gif: ['image/gif'],
  webp: ['image/webp'],
  zip: ['application/zip', 'application/x-zip-compressed'],
};

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
    private readonly storage: EvidenceStorage,
    private readonly measures: MeasuresService,
    private readonly visibility: Visibility,
  ) {}

  async upload(measureId: string, actor: RequestActor, file: UploadedEvidence | undefined) {
    if (!file) throw new DomainError(ErrorCode.InvalidInput, 'file is required (multipart field "file")');
    await this.visibility.requireMeasure(actor, measureId);
    const measure = await this.measures.row(measureId);
    const name = cleanFileName(file.originalname);
    const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
    const allowed = EVIDENCE_TYPES[extension];
    if (!allowed) {
      throw new DomainError(ErrorCode.UnsupportedMediaType, `file type ".${extension}" is not accepted; accepted: ${Object.keys(EVIDENCE_TYPES).join(', ')}`);
    }
    if (!allowed.includes(file.mimetype) && file.mimetype !== 'application/octet-stream') {
      throw new DomainError(ErrorCode.UnsupportedMediaType, `content type ${file.mimetype} does not match a .${extension} file`);
    }
    if (file.size === 0) throw new DomainError(ErrorCode.InvalidInput, 'file is empty');
    const problem = signatureProblem(extension, file.buffer);
    if (problem) throw new DomainError(ErrorCode.UnsupportedMediaType, `${problem}; refused`);
    const actorIsStaff =
      actor.departmentId !== null && (measure.leadDepartmentId === actor.departmentId || measure.cooperatingDepartmentIds.includes(actor.departmentId));
    const domainActor = await this.measures.domainActor(actor, measure.inspectionId);
    if (!actorIsStaff && !domainActor.inspectionRoles.includes('office')) {
      throw new DomainError(ErrorCode.Forbidden, 'only staff of the measure\'s lead or cooperating departments (or the office) may upload its evidence');
    }
    if (measure.stage === 'closed') throw new DomainError(ErrorCode.StageConflict, 'the measure is closed (办结); no more evidence is accepted');
    const sha256 = await this.storage.put(file.buffer);
    return this.evidence.create({ measureId, fileName: name, contentType: allowed[0], sizeBytes: file.size, sha256, uploadedById: actor.personId });
  }

  async list(measureId: string, actor: RequestActor) {
    await this.visibility.requireMeasure(actor, measureId);
    return this.evidence.ofMeasure(measureId);
  }

  async get(id: string, actor: RequestActor) {
    const evidence = await this.evidence.byId(id);
    if (!evidence || !(await this.visibility.canSeeMeasure(actor, evidence.measureId))) throw new DomainError(ErrorCode.NotFound, `no evidence with id ${id}`);
    return { evidence, stream: this.storage.open(evidence.sha256) };
  }
}

/** Keeps the name a person gave the file for display and download, stripped of any path and of the characters the text rule forbids. */
export function cleanFileName(name: string): string {
  // Multer hands over the name as latin1; browsers send UTF-8 bytes.
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  const base = decoded.split(/[\\/]/).pop() ?? '';
  // The text rule's forbidden characters go (a bidi override makes "report\u202Etxt.pdf" read as another name),
  // and the length is cut in characters, never inside a surrogate pair.
  const cleaned = [...withoutForbiddenCharacters(base.normalize('NFC')).trim()].slice(0, 200).join('').trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : 'evidence';
}
