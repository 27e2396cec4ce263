import { Inject, Injectable } from '@nestjs/common';
import { countDocument, ParsedDocument, ParsedSection, problemsForImport, problemsOf } from '@rectiflow/documents';
import { checkText, TextRule } from '@rectiflow/domain';
import { ImportDraftEntity, ImportDraftRepository } from '@rectiflow/persistence';
import type { ApiConfig } from '@rectiflow/platform';
import type { RequestActor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/domain-error';
import { cleanFileName } from '../common/file-name';
import { ProblemsService } from '../problems/problems.service';
import type { CreateProblemDto } from '../problems/problem.dto';
import { API_CONFIG } from '../temporal/temporal-client.service';
import type { CommitDocumentDto } from './import.dto';
import { readDocumentUpload, uploadRefusal } from './upload-reader';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Plan or notice document → preview (stored as a draft) → corrections → commit into problems and measures. */
@Injectable()
export class DocumentImportService {
  constructor(
    private readonly drafts: ImportDraftRepository,
    private readonly problems: ProblemsService,
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

  view(draft: ImportDraftEntity) {
    const content = draft.content as { sections?: ParsedSection[] };
    return {
      id: draft.id,
      inspectionId: draft.inspectionId,
      kind: draft.kind,
      fileName: draft.fileName,
      committedAt: draft.committedAt,
      warnings: draft.warnings,
      counts: countDocument(content.sections ?? []),
      content: draft.content,
    };
  }

  /** The office corrects the tree (titles, numbers, measures moved or removed) before committing. */
  async correct(id: string, sections: unknown[]) {
    const draft = await this.open(id, 'document');
    const errors = validateSections(sections);
    if (errors.length) throw new DomainError(ErrorCode.InvalidInput, errors.slice(0, 10).join('; '), { errors });
    draft.content = { ...draft.content, sections };
    await this.drafts.saveContent(id, draft.content);
    return this.view(draft);
  }

  async commit(id: string, defaults: CommitDocumentDto) {
    const draft = await this.open(id, 'document');
    const sections = ((draft.content as { sections?: ParsedSection[] }).sections ?? []) as ParsedSection[];
    const problems = problemsForImport(sections, {
      kind: defaults.kind ?? 'deadline',
      leadDepartmentId: defaults.leadDepartmentId,
      responsibleLeaderId: defaults.responsibleLeaderId,
      dueAt: defaults.dueAt,
    }) as CreateProblemDto[];
    if (problems.length === 0) throw new DomainError(ErrorCode.InvalidInput, 'the document has no problems to import');
    // Claim the draft first so two concurrent commits cannot both import it.
    if (!(await this.drafts.claim(id))) throw new DomainError(ErrorCode.Conflict, 'this import was already committed');
    try {
      const created = await this.problems.createProblems(draft.inspectionId, problems);
      return { problems: created.length, measures: created.reduce((sum, problem) => sum + problem.measures.length, 0) };
    } catch (error) {
      if (!(error instanceof DomainError && error.code === ErrorCode.Unavailable)) {
        await this.drafts.release(id);
      }
      throw error;
    }
  }

  private async open(id: string, kind: 'document' | 'ledger'): Promise<ImportDraftEntity> {
    const draft = await this.draft(id);
    if (draft.kind !== kind) throw new DomainError(ErrorCode.InvalidInput, `import ${id} is a ${draft.kind} import`);
    if (draft.committedAt) throw new DomainError(ErrorCode.Conflict, 'this import was already committed');
    return draft;
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
      if (!Number.isInteger(number) || number < 1) errors.push(`${where}: number must be a positive whole number`);
      else if (seen.has(number)) errors.push(`${where}: number used twice`);
      seen.add(number);
      if (typeof problem?.title !== 'string' || !problem.title.trim()) errors.push(`${where}: title is required`);
      if (!Array.isArray(problem?.measures)) errors.push(`${where}: measures must be a list`);
      else
        problem.measures.forEach(
          (measure, index) =>
            typeof measure?.text !== 'string' && errors.push(`${where}: measures[${index}].text is required`),
        );
    }
  });
  return errors;
}
