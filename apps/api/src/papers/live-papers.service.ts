import { Injectable } from '@nestjs/common';
import {
  chinaDay,
  completionRateText,
  ListMeasure,
  ListProblem,
  ReportFigures,
  ReportProblem,
} from '@rectiflow/documents';
import { MEASURE_KIND_LABELS, MeasureKind, Progress, PROGRESS_LABELS } from '@rectiflow/domain';
import { PaperMeasureRow, PapersRepository } from '@rectiflow/persistence';

/** 整改时限 as the papers print it: the day, or 长期坚持 (as the ledger writes it). */
export function dueText(kind: MeasureKind, dueAt: Date | null): string {
  if (kind === 'ongoing') return MEASURE_KIND_LABELS.ongoing;
  return dueAt ? chinaDay(dueAt) : '';
}

/** A problem's 完成情况: 已完成 when every measure is (the done rule), else its state and how many are done. */
export function problemStatus(progresses: Progress[]): string {
  const done = progresses.filter((progress) => progress === 'done').length;
  if (progresses.length && done === progresses.length) return PROGRESS_LABELS.done;
  const label = progresses.length && !progresses.includes('open') ? PROGRESS_LABELS.ongoing : PROGRESS_LABELS.open;
  return `${label}(已完成${done}/${progresses.length}项)`;
}

type Grouped = { number: number; title: string; rows: (PaperMeasureRow & { measure_id: string })[] };

/** The live figures and rows every paper reads, each measure's status by the done rule. */
@Injectable()
export class LivePapersService {
  constructor(private readonly papers: PapersRepository) {}

  async figures(inspectionId: string): Promise<ReportFigures> {
    const counts = await this.papers.figures(inspectionId);
    return {
      problems: counts.problems,
      measures: counts.measures,
      doneMeasures: counts.done,
      ongoingMeasures: counts.ongoing,
      openMeasures: counts.open,
      closedProblems: counts.closedProblems,
      completionRate: completionRateText(counts.done, counts.measures),
    };
  }

  private async grouped(inspectionId: string): Promise<Grouped[]> {
    const problems: Grouped[] = [];
    for (const row of await this.papers.measureRows(inspectionId)) {
      let problem = problems.at(-1);
      if (problem?.number !== row.problem_number)
        problems.push((problem = { number: row.problem_number, title: row.problem_title, rows: [] }));
      if (row.measure_id) problem.rows.push(row as Grouped['rows'][number]);
    }
    return problems;
  }

  /** 逐条整改情况: each problem with its measures' status and evidence file names. */
  async reportProblems(inspectionId: string): Promise<ReportProblem[]> {
    return (await this.grouped(inspectionId)).map((problem) => ({
      number: problem.number,
      title: problem.title,
      measures: problem.rows.map((row) => ({
        number: row.measure_number!,
        text: row.text!,
        status: PROGRESS_LABELS[row.progress ?? 'open'],
        evidence: row.evidence,
      })),
    }));
  }

  /** The rows of the 三张清单. */
  async lists(inspectionId: string): Promise<{ problems: ListProblem[]; measures: ListMeasure[] }> {
    const grouped = await this.grouped(inspectionId);
    return {
      problems: grouped.map((problem) => ({
        number: problem.number,
        title: problem.title,
        measureCount: problem.rows.length,
        status: problemStatus(problem.rows.map((row) => row.progress ?? 'open')),
      })),
      measures: grouped.flatMap((problem) =>
        problem.rows.map((row) => ({
          problemNumber: problem.number,
          number: row.measure_number!,
          text: row.text!,
          kind: MEASURE_KIND_LABELS[row.kind!],
          due: dueText(row.kind!, row.due_at),
          originalDue: row.original_due_at && row.kind !== 'ongoing' ? chinaDay(row.original_due_at) : null,
          status: PROGRESS_LABELS[row.progress ?? 'open'],
          leader: row.leader ?? '',
          leadDepartment: row.lead_department ?? '',
          cooperating: row.cooperating,
          assignee: row.assignee,
        })),
      ),
    };
  }
}
