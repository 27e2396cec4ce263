import { Injectable } from '@nestjs/common';
import type { ParsedCategory, ParsedGroup, ParsedProblem, ParsedSection } from '@rectiflow/documents';
import { NoticeFiguresRepository, RecordRepository } from '@rectiflow/persistence';

/** The {placeholders} of a notice's narrative. */
export interface NoticeFigures {
  problems: number;
  measures: number;
  closedProblems: number;
  closedMeasures: number;
  ongoingMeasures: number;
  claimedMeasures: number;
  /** 督办单 issued (each supervise action). */
  supervisionNotices: number;
  meetings: number;
  supervisions: number;
  rules: number;
  campaigns: number;
}

/** What a notice reads live: the figures its narrative quotes and the problem sections as they stand. */
@Injectable()
export class NoticeFiguresService {
  constructor(
    private readonly live: NoticeFiguresRepository,
    private readonly records: RecordRepository,
  ) {}

  async figures(inspectionId: string): Promise<NoticeFigures> {
    const [progress, records] = await Promise.all([
      this.live.progress(inspectionId),
      this.records.counts(inspectionId),
    ]);
    return { ...progress, ...records };
  }

  /** The problem sections as they stand now: each measure's latest progress, or its text if none yet. */
  async liveSections(inspectionId: string): Promise<ParsedSection[]> {
    const rows = await this.live.sectionRows(inspectionId);
    const sections: ParsedSection[] = [];
    const find = <T extends { number: string; title: string }>(
      list: T[],
      number: string,
      title: string,
      make: () => T,
    ) => {
      let item = list.find((entry) => entry.number === number && entry.title === title);
      if (!item) list.push((item = make()));
      return item;
    };
    for (const row of rows) {
      const section: ParsedSection = find(
        sections,
        row.section_number ?? '',
        row.section_title ?? '问题整改情况',
        (): ParsedSection => ({ number: row.section_number ?? '', title: row.section_title ?? '问题整改情况' }),
      );
      let holder: { problems?: ParsedProblem[] } = section;
      if (row.category_number || row.category_title) {
        holder = find(
          (section.categories ??= []),
          row.category_number ?? '',
          row.category_title ?? '',
          (): ParsedCategory => ({ number: row.category_number ?? '', title: row.category_title ?? '' }),
        );
      }
      if (row.group_number || row.group_title) {
        const groups = ((holder as ParsedCategory).groups ??= []);
        holder = find(groups, row.group_number ?? '', row.group_title ?? '', (): ParsedGroup => ({
          number: row.group_number ?? '',
          title: row.group_title ?? '',
          problems: [],
        }));
      }
      const problems = (holder.problems ??= []);
      let problem = problems.find((item) => item.number === String(row.problem_number));
      if (!problem)
        problems.push((problem = { number: String(row.problem_number), title: row.problem_title, measures: [] }));
      if (row.text) problem.measures.push({ number: problem.measures.length + 1, text: row.text });
    }
    return sections;
  }
}
