import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_HEADER, SAMPLE_ROWS, taskListDocx } from '../../../tools/sample-task-list';
import { problemsOf } from './document-model';
import { parseDocument } from './parse-document';

const HEADER = ['序号', '问题', '整改措施', '责任领导', '牵头单位', '配合单位', '整改时限'];

describe('a task list as a Word table', () => {
  it('reads a problem cell merged down over its measure rows, with owners per row', async () => {
    const parsed = await parseDocument(
      '清单.docx',
      await taskListDocx('某县巡察整改任务清单', SAMPLE_HEADER, SAMPLE_ROWS),
    );
    expect(parsed.title).toBe('某县巡察整改任务清单');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.counts).toEqual({ sections: 1, categories: 0, groups: 0, problems: 3, measures: 6 });
    const problems = problemsOf(parsed.sections[0]).map((placed) => placed.problem);
    expect(problems.map((problem) => [problem.number, problem.title, problem.measures.length])).toEqual([
      ['1', '理论学习不够深入', 2],
      ['2', '项目监管不到位', 3],
      ['3', '基层党组织建设薄弱', 1],
    ]);
    expect(problems[0].preface).toBe('学习贯彻习近平新时代中国特色社会主义思想不够系统，学用结合不紧。');
    expect(problems[0].measures[1]).toEqual({
      number: 2,
      text: '制定年度理论学习中心组学习计划，开展专题研讨不少于4次',
      owners: {
        leaders: ['张三', '李四'],
        leadDepartments: ['党政办公室'],
        deadline: { phrase: '2024年12月31日前', dueDate: '2024-12-31', kind: 'deadline' },
      },
    });
    expect(problems[1].measures.map((measure) => measure.owners)).toEqual([
      {
        leaders: ['王五'],
        leadDepartments: ['经济发展局'],
        cooperatingDepartments: ['财政局', '审计局'],
        deadline: { phrase: '2024年9月底前', dueDate: '2024-09-30', kind: 'deadline' },
      },
      {
        leaders: ['王五'],
        leadDepartments: ['财政局'],
        cooperatingDepartments: ['审计局'],
        deadline: { phrase: '2024年第三季度', dueDate: '2024-09-30', kind: 'deadline' },
      },
      {
        leaders: ['王五', '赵六'],
        leadDepartments: ['经济发展局'],
        deadline: { phrase: '2024年底前', dueDate: '2024-12-31', kind: 'deadline' },
      },
    ]);
    expect(problems[0].measures[0].owners?.deadline).toEqual({ phrase: '立行立改，长期坚持', kind: 'ongoing' });
  });

  it('reads the problem text repeated on each row; a 序号 per row numbers measures, so problems go in order', async () => {
    const rows = [
      ['1', '(5)学习不深入。', '建立学习制度', '张三', '办公室', '', '2024年9月30日'],
      ['2', '(5)学习不深入。', '开展专题研讨', '张三', '办公室、宣传部', '', '长期坚持'],
      ['3', '(6)作风不实。', '精简会议文件', '李四', '办公室', '', '尽快'],
    ];
    const parsed = await parseDocument('清单.docx', await taskListDocx('整改任务清单', HEADER, rows));
    const problems = problemsOf(parsed.sections[0]).map((placed) => placed.problem);
    // The numbers written before the problems, as 序号 changes within a problem.
    expect(problems.map((problem) => [problem.number, problem.title, problem.measures.length])).toEqual([
      ['5', '学习不深入', 2],
      ['6', '作风不实', 1],
    ]);
    expect(problems[0].measures[1].owners).toEqual({
      leaders: ['张三'],
      leadDepartments: ['办公室', '宣传部'],
      deadline: { phrase: '长期坚持', kind: 'ongoing' },
    });
    expect(parsed.warnings).toEqual([
      'problem (6) measure 1: 整改时限 "尽快" is not a date or a known phrase (立行立改, 长期坚持…); kept as written',
    ]);
  });

  it('numbers problems in order when neither 序号 nor the text numbers them', async () => {
    const rows = [
      ['1', '学习不深入', '建立学习制度', '', '', '', ''],
      ['2', '学习不深入', '开展专题研讨', '', '', '', ''],
      ['3', '作风不实', '精简会议文件', '', '', '', ''],
    ];
    const parsed = await parseDocument('清单.docx', await taskListDocx('整改任务清单', HEADER, rows));
    const problems = problemsOf(parsed.sections[0]).map((placed) => placed.problem);
    expect(problems.map((problem) => [problem.number, problem.measures.map((measure) => measure.text)])).toEqual([
      ['1', ['建立学习制度', '开展专题研讨']],
      ['2', ['精简会议文件']],
    ]);
    expect(problems[0].measures[0]).not.toHaveProperty('owners');
  });

  it('finds the columns under a title row and a two-row header (责任主体 over 责任领导 and 责任单位)', async () => {
    const cell = (text: string, options: { columnSpan?: number; merge?: 'restart' | 'continue' } = {}) =>
      new TableCell({
        children: [new Paragraph(text)],
        columnSpan: options.columnSpan,
        ...(options.merge
          ? { verticalMerge: options.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
          : {}),
      });
    const merged = (text: string) => cell(text, { merge: 'restart' });
    const below = () => cell('', { merge: 'continue' });
    const table = new Table({
      rows: [
        new TableRow({ children: [cell('整改任务清单', { columnSpan: 6 })] }),
        new TableRow({
          children: [
            merged('序号'),
            merged('问题'),
            merged('整改措施'),
            cell('责任主体', { columnSpan: 2 }),
            merged('时限'),
          ],
        }),
        new TableRow({ children: [below(), below(), below(), cell('责任领导'), cell('责任单位'), below()] }),
        new TableRow({
          children: ['1', '问题甲', '措施一', '张三', '办公室', '2024年三季度'].map((text) => cell(text)),
        }),
      ],
    });
    const parsed = await parseDocument(
      'list.docx',
      await Packer.toBuffer(new Document({ sections: [{ children: [table] }] })),
    );
    expect(problemsOf(parsed.sections[0]).map((placed) => placed.problem)).toEqual([
      {
        number: '1',
        title: '问题甲',
        measures: [
          {
            number: 1,
            text: '措施一',
            owners: {
              leaders: ['张三'],
              leadDepartments: ['办公室'],
              deadline: { phrase: '2024年三季度', dueDate: '2024-09-30', kind: 'deadline' },
            },
          },
        ],
      },
    ]);
  });

  it('reads a .docx without a task-list table as a plan, as before', async () => {
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          { children: ['二、整改', '(1)问题甲。一是措施一。', '责任领导：张三'].map((text) => new Paragraph(text)) },
        ],
      }),
    );
    const parsed = await parseDocument('plan.docx', docx);
    expect(problemsOf(parsed.sections[0])[0].problem.measures).toEqual([
      { number: 1, text: '措施一。', owners: { leaders: ['张三'] } },
    ]);
  });

  it('the sample task list (docs/samples/task-list.docx) is the one the script writes', async () => {
    const file = join(__dirname, '..', '..', '..', 'docs', 'samples', 'task-list.docx');
    const parsed = await parseDocument('task-list.docx', readFileSync(file));
    expect(parsed.counts).toMatchObject({ problems: 3, measures: 6 });
    expect(parsed.warnings).toEqual([]);
  });
});
