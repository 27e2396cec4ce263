/**
 * 三张清单 — 问题清单, 任务清单, 责任清单 — as the three tables of one Word document, each under
 * its heading. Rows come from live data; statuses and deadlines arrive written out.
 */
import { PaperBlock, renderPaperDocx } from './papers-docx';

export interface ListProblem {
  number: number;
  title: string;
  measureCount: number;
  /** 完成情况 of the problem as printed. */
  status: string;
}

export interface ListMeasure {
  problemNumber: number;
  number: number;
  text: string;
  kind: string;
  /** 整改时限 as printed (a day, or 长期坚持). */
  due: string;
  /** 原定时限 when the deadline was changed after 交办, else null. */
  originalDue: string | null;
  status: string;
  leader: string;
  leadDepartment: string;
  cooperating: string;
  assignee: string | null;
}

export interface TaskListsContent {
  title: string;
  problems: ListProblem[];
  measures: ListMeasure[];
}

export const PROBLEM_LIST_HEADER = ['序号', '问题', '措施数', '完成情况'];
export const TASK_LIST_HEADER = ['问题序号', '措施', '措施类型', '整改时限', '完成情况'];
export const RESPONSIBILITY_LIST_HEADER = ['措施', '责任领导', '牵头单位', '配合单位', '承办人', '整改时限/原定时限'];

export function taskListsBlocks(content: TaskListsContent): PaperBlock[] {
  const measureText = (measure: ListMeasure) => `${measure.problemNumber}-${measure.number} ${measure.text}`;
  return [
    { kind: 'title', text: content.title },
    { kind: 'section', text: '一、问题清单' },
    {
      kind: 'table',
      header: PROBLEM_LIST_HEADER,
      widths: [1, 8, 1.5, 3],
      rows: content.problems.map((problem) => [
        String(problem.number),
        problem.title,
        String(problem.measureCount),
        problem.status,
      ]),
    },
    { kind: 'section', text: '二、任务清单' },
    {
      kind: 'table',
      header: TASK_LIST_HEADER,
      widths: [1.5, 8, 2, 2.5, 2],
      rows: content.measures.map((measure) => [
        String(measure.problemNumber),
        measureText(measure),
        measure.kind,
        measure.due,
        measure.status,
      ]),
    },
    { kind: 'section', text: '三、责任清单' },
    {
      kind: 'table',
      header: RESPONSIBILITY_LIST_HEADER,
      widths: [6, 2, 2.5, 2.5, 2, 3],
      rows: content.measures.map((measure) => [
        measureText(measure),
        measure.leader,
        measure.leadDepartment,
        measure.cooperating,
        measure.assignee ?? '',
        measure.originalDue && measure.originalDue !== measure.due
          ? `${measure.due}(原定${measure.originalDue})`
          : measure.due,
      ]),
    },
  ];
}

export function renderTaskListsDocx(content: TaskListsContent): Promise<Buffer> {
  return renderPaperDocx(content.title, taskListsBlocks(content));
}
