import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { countDocument, ParsedDocument, ParsedSection, problemsOf } from '@rectiflow/documents';
import { checkText, TextRule } from '@rectiflow/domain';
import { ImportDraftEntity, ImportDraftRepository, UnitOfWork } from '@rectiflow/persistence';
import type { ApiConfig } from '@rectiflow/platform';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { cleanFileName } from '../common/file-name';
import { ProblemsService } from '../problems/problems.service';
import { API_CONFIG } from '../temporal/temporal-client.service';
import type { OwnersContent } from './document-owners';
import { DocumentOwnersService } from './document-owners.service';
import type { CommitDocumentDto, EditAssignmentsDto, MapNamesDto } from './import.dto';
import { NewNamesService } from './new-names.service';
import { ownersErrors } from './owners-validation';
import { readDocumentUpload, uploadRefusal } from './upload-reader';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Plan or notice document → preview (stored as a draft) → corrections → commit into problems and measures. */
@Injectable()
export class DocumentImportService {
  constructor(
    private readonly drafts: ImportDraftRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly problems: ProblemsService,
    private readonly owners: DocumentOwnersService,
    private readonly newNames: NewNamesService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async preview(inspectionId: string, actor: RequestActor, file: { originalname: string; buffer: Buffer } | undefined) {
    if (!file) throw new DomainError(ErrorCode.InvalidInput, 'file is required (multipart field "file")');
    const fileName = cleanFileName(file.originalname, 'upload');
    let parsed: ParsedDocument;
    try {
      // Read and parsed in a worker thread inside the import limits; a refusal writes no draft.
      parsed = await readDocumentUpload(fileName, file.buffer, this.config.imports);
    } catch (error) {
      throw uploadRefusal(fileName, error, '');
    }
    const draft = await this.drafts.create({
      inspectionId,
      kind: 'document',
      fileName: fileName.slice(0, 255),
      content: parsed as unknown as Record<string, unknown>,
      warnings: parsed.warnings,
      createdBy: actor.personId,
    });
    return this.view(draft);
  }

  async draft(id: string): Promise<ImportDraftEntity> {
    const draft = await this.drafts.byId(id);
    if (!draft) throw new DomainError(ErrorCode.NotFound, `no import draft with id ${id}`);
    return draft;
  }

  /** The draft as previewed, with each measure's owners as read and as resolved against the organisation now. */
  async view(draft: ImportDraftEntity) {
    const content = draft.content as OwnersContent;
    return {
      id: draft.id,
      inspectionId: draft.inspectionId,
      kind: draft.kind,
      fileName: draft.fileName,
      committedAt: draft.committedAt,
      warnings: draft.warnings,
      counts: countDocument(content.sections ?? []),
      content: draft.content,
      ...(await this.owners.view(content)),
    };
  }

  /** The office corrects the tree (titles, numbers, owners as read, measures moved or removed) before committing. */
  async correct(id: string, sections: unknown[]) {
    return this.update(id, (content) => {
      const errors = validateSections(sections);
      if (errors.length) throw new DomainError(ErrorCode.InvalidInput, errors.slice(0, 10).join('; '), { errors });
      content.sections = sections as ParsedSection[];
      return Promise.resolve();
    });
  }

  /** Owners set for a selection of measures or one problem's (kept in the draft; ids checked, nothing else written). */
  editAssignments(id: string, body: EditAssignmentsDto) {
    return this.update(id, (content, tx) => this.owners.editAssignments(content, body, tx));
  }

  /** Names mapped to existing departments and people, or marked to be created at commit. */
  mapNames(id: string, body: MapNamesDto) {
    return this.update(id, (content, tx) => this.owners.mapNames(content, body, tx));
  }

  /** Changes an open document draft's content under a row lock (concurrent edits wait, none is lost). */
  private async update(id: string, change: (content: OwnersContent, tx: EntityManager) => Promise<void>) {
    const draft = await this.unitOfWork.run(async (tx) => {
      const locked = await this.drafts.lockById(id, tx);
      if (!locked) throw new DomainError(ErrorCode.NotFound, `no import draft with id ${id}`);
      this.checkOpen(locked, 'document');
      const content = { ...(locked.content as OwnersContent) };
      await change(content, tx);
      locked.content = content as Record<string, unknown>;
      await this.drafts.saveContent(id, locked.content, tx);
      return locked;
    });
    return this.view(draft);
  }

  /**
   * Creates the problems and measures with each measure's owners: the body's defaults only where a
   * measure has none; refused (400, details.missing) while any measure misses a lead department, a
   * leader or a deadline. Names marked "create" are created in the same transaction as the problems.
   */
  async commit(id: string, defaults: CommitDocumentDto) {
    const draft = await this.open(id, 'document');
    const { problems, planned } = await this.owners.commitPlan(draft.content as OwnersContent, defaults);
    if (problems.length === 0) throw new DomainError(ErrorCode.InvalidInput, 'the document has no problems to import');
    // Claim the draft first so two concurrent commits cannot both import it.
    if (!(await this.drafts.claim(id))) throw new DomainError(ErrorCode.Conflict, 'this import was already committed');
    const creates = planned.departments.length + planned.people.length > 0;
    try {
      const created = await this.problems.createProblems(
        draft.inspectionId,
        problems,
        creates ? { before: (tx) => this.newNames.create(planned, tx) } : {},
      );
      return {
        problems: created.length,
        measures: created.reduce((sum, problem) => sum + problem.measures.length, 0),
        createdDepartments: planned.departments,
        createdPeople: planned.people,
      };
    } catch (error) {
      if (!(error instanceof DomainError && error.code === ErrorCode.Unavailable)) {
        await this.drafts.release(id);
      }
      if ((error as { code?: unknown }).code === '23505')
        throw new DomainError(
          ErrorCode.Conflict,
          'a department of a name to create was created meanwhile; look at the preview again and commit',
        );
      throw error;
    }
  }

  private async open(id: string, kind: 'document' | 'ledger'): Promise<ImportDraftEntity> {
    const draft = await this.draft(id);
    this.checkOpen(draft, kind);
    return draft;
  }

  private checkOpen(draft: ImportDraftEntity, kind: 'document' | 'ledger'): void {
    if (draft.kind !== kind)
      throw new DomainError(ErrorCode.InvalidInput, `import ${draft.id} is a ${draft.kind} import`);
    if (draft.committedAt) throw new DomainError(ErrorCode.Conflict, 'this import was already committed');
  }
}

/** The text rule for each field of a corrected tree (the sections arrive as free JSON). */
const TREE_TEXT: Record<string, TextRule> = {
  number: { max: 10 },
  title: { max: 1000 },
  narrative: { max: 20000, multiline: true },
  preface: { max: 4000, multiline: true },
  text: { max: 4000, multiline: true },
};

/** Every text field of the tree under the text rule, named by its path (`sections[0].problems[2].title`). */
function treeTextErrors(node: unknown, path: string, errors: string[]): void {
  if (errors.length >= 10 || typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    node.forEach((item, index) => treeTextErrors(item, `${path}[${index}]`, errors));
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    const rule = TREE_TEXT[key];
    if (rule && typeof value === 'string') {
      const check = checkText(value, rule);
      if (!check.ok) errors.push(`${path}.${key} ${check.problem}`);
    } else if (typeof value === 'object') treeTextErrors(value, `${path}.${key}`, errors);
  }
}

/** Checks a corrected tree: every text under the text rule, every problem a positive number and a title, every measure text. */
export function validateSections(sections: unknown[]): string[] {
  const errors: string[] = [];
  treeTextErrors(sections, 'sections', errors);
  if (errors.length) return errors;
  const seen = new Set<number>();
  sections.forEach((raw, sectionIndex) => {
    if (typeof raw !== 'object' || raw === null) {
      errors.push(`sections[${sectionIndex}] must be an object`);
      return;
    }
    for (const { problem } of problemsOf(raw as ParsedSection)) {
      const number = Number(problem?.number);
      const where = `problem (${problem?.number})`;
      errors.push(...ownersErrors(problem?.owners, `${where}.owners`));
      if (!Number.isInteger(number) || number < 1) errors.push(`${where}: number must be a positive whole number`);
      else if (seen.has(number)) errors.push(`${where}: number used twice`);
      seen.add(number);
      if (typeof problem?.title !== 'string' || !problem.title.trim()) errors.push(`${where}: title is required`);
      if (!Array.isArray(problem?.measures)) errors.push(`${where}: measures must be a list`);
      else
        problem.measures.forEach((measure, index) => {
          if (typeof measure?.text !== 'string') errors.push(`${where}: measures[${index}].text is required`);
          if (!Number.isInteger(measure?.number) || measure.number < 1 || measure.number > 1000)
            errors.push(`${where}: measures[${index}].number must be a whole number from 1 to 1000`);
          errors.push(...ownersErrors(measure?.owners, `${where}.measures[${index}].owners`));
        });
    }
  });
  return errors;
}
