/** The structure of a rectification plan or progress notice (整改方案 / 整改进展情况), as JSON. */
export interface ParsedMeasure {
  number: number;
  text: string;
  /**
   * Owners and deadline in force for this measure as the document names them: the problem's owner
   * lines merged with the measure's own bracket or lines (the measure's own win, field by field).
   */
  owners?: ParsedOwners;
}

/** The 整改时限 as written, and what it means. */
export interface ParsedDeadline {
  /** The phrase as written, e.g. `2024年9月底前`, `立行立改`, `长期坚持`. */
  phrase: string;
  /** The last day it allows (YYYY-MM-DD), when the phrase names one. */
  dueDate?: string;
  /** 立行立改 → immediate, 长期坚持/持续推进 → ongoing, a date → deadline. */
  kind?: 'immediate' | 'deadline' | 'ongoing';
}

/** Owner names as the document writes them (matched to people and departments by the import). */
export interface ParsedOwners {
  /** 责任领导 / 牵头领导 / 分管领导: the first is the responsible leader, the rest co-leaders. */
  leaders?: string[];
  /** 牵头单位 / 牵头部门 / 责任单位 / 责任部门: the first leads; any further ones cooperate. */
  leadDepartments?: string[];
  /** 配合单位 / 配合部门. */
  cooperatingDepartments?: string[];
  deadline?: ParsedDeadline;
}

export interface ParsedProblem {
  number: string;
  title: string;
  measures: ParsedMeasure[];
  /** Text after the title that precedes the first measure marker, if any. */
  preface?: string;
  /** Owner lines written after the problem (they apply to all its measures; each measure carries the merge). */
  owners?: ParsedOwners;
}

export interface ParsedGroup {
  number: string;
  title: string;
  problems: ParsedProblem[];
}

export interface ParsedCategory {
  number: string;
  title: string;
  groups?: ParsedGroup[];
  problems?: ParsedProblem[];
}

export interface ParsedSection {
  number: string;
  title: string;
  categories?: ParsedCategory[];
  groups?: ParsedGroup[];
  problems?: ParsedProblem[];
  /** Sections without problems (the seed's parts 一 and 三) keep their text. */
  narrative?: string;
}

export interface ContactBlock {
  phone?: string;
  address?: string;
  postcode?: string;
  email?: string;
}

export interface ParsedDocument {
  title: string | null;
  /** The opening paragraph(s) before the first section (page clutter removed). */
  preamble: string | null;
  sections: ParsedSection[];
  /** Text after the last section's content: the call for public supervision, contacts, signature, date. */
  closing: string | null;
  contact: ContactBlock;
  signer: string | null;
  date: string | null;
  warnings: string[];
  counts: DocumentCounts;
}

export interface DocumentCounts {
  sections: number;
  categories: number;
  groups: number;
  problems: number;
  measures: number;
}

/** Every problem of a section, wherever it hangs, with its place in the heading ladder. */
export interface PlacedProblem {
  section: ParsedSection;
  category: ParsedCategory | null;
  group: ParsedGroup | null;
  problem: ParsedProblem;
}

export function problemsOf(section: ParsedSection): PlacedProblem[] {
  const placed: PlacedProblem[] = [];
  for (const problem of section.problems ?? []) placed.push({ section, category: null, group: null, problem });
  for (const group of section.groups ?? [])
    for (const problem of group.problems) placed.push({ section, category: null, group, problem });
  for (const category of section.categories ?? []) {
    for (const problem of category.problems ?? []) placed.push({ section, category, group: null, problem });
    for (const group of category.groups ?? [])
      for (const problem of group.problems) placed.push({ section, category, group, problem });
  }
  return placed;
}

export function countDocument(sections: ParsedSection[]): DocumentCounts {
  let categories = 0;
  let groups = 0;
  let problems = 0;
  let measures = 0;
  for (const section of sections) {
    categories += section.categories?.length ?? 0;
    groups +=
      (section.groups?.length ?? 0) +
      (section.categories ?? []).reduce((sum, category) => sum + (category.groups?.length ?? 0), 0);
    for (const placed of problemsOf(section)) {
      problems += 1;
      measures += placed.problem.measures.length;
    }
  }
  return { sections: sections.length, categories, groups, problems, measures };
}

/** The owners and deadline every imported measure starts with (the office re-assigns each later). */
export interface ImportDefaults {
  kind: string;
  leadDepartmentId: string;
  responsibleLeaderId: string;
  dueAt: string;
}

/** A parsed document as the API's bulk problem input: the ladder on each problem, one entry per measure. */
export function problemsForImport(sections: ParsedSection[], defaults: ImportDefaults) {
  return sections.flatMap((section) =>
    problemsOf(section).map(({ category, group, problem }) => ({
      sectionNumber: section.number || undefined,
      sectionTitle: section.title || undefined,
      categoryNumber: category?.number,
      categoryTitle: category?.title,
      groupNumber: group?.number,
      groupTitle: group?.title,
      number: Number(problem.number),
      title: problem.title || `问题${problem.number}`,
      measures: problem.measures
        .filter((measure) => measure.text.trim())
        .map((measure) => ({ number: measure.number, text: measure.text, ...defaults })),
    })),
  );
}
