/**
 * Writes docs/samples/task-list.docx, a task list (整改任务清单) as offices keep it in Word: one
 * table, a problem cell merged down over its measure rows, owners and 整改时限 per row.
 *
 *   node -r ts-node/register/transpile-only tools/sample-task-list.ts
 *
 * `taskListDocx` also builds the tables of the task-list unit tests.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType, WidthType } from 'docx';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A cell's text (\n between paragraphs); `null` continues the cell above (merged down). */
export type SampleCell = string | null;

/** A .docx with the title and one table; a cell followed by `null`s below it is merged down over them. */
export function taskListDocx(title: string, header: string[], rows: SampleCell[][]): Promise<Buffer> {
  const cell = (text: SampleCell, merged: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] | undefined) =>
    new TableCell({
      children: (text ?? '').split('\n').map((line) => new Paragraph(line)),
      ...(merged ? { verticalMerge: merged } : {}),
    });
  const mergedDown = (row: number, column: number) => rows[row + 1]?.[column] === null;
  const body = rows.map(
    (row, index) =>
      new TableRow({
        children: row.map((text, column) =>
          cell(
            text,
            text === null
              ? VerticalMergeType.CONTINUE
              : mergedDown(index, column)
                ? VerticalMergeType.RESTART
                : undefined,
          ),
        ),
      }),
  );
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((text) => cell(text, undefined)) }), ...body],
  });
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(title), table] }] }));
}

export const SAMPLE_HEADER = ['序号', '问题', '整改措施', '责任领导', '责任单位', '配合单位', '整改时限'];

export const SAMPLE_ROWS: SampleCell[][] = [
  [
    '1',
    '理论学习不够深入。学习贯彻习近平新时代中国特色社会主义思想不够系统，学用结合不紧。',
    '严格落实“第一议题”制度，及时传达学习重要讲话和指示批示精神',
    '张三',
    '党政办公室',
    '组织人事部',
    '立行立改，长期坚持',
  ],
  [
    null,
    null,
    '制定年度理论学习中心组学习计划，开展专题研讨不少于4次',
    '张三、李四',
    '党政办公室',
    '',
    '2024年12月31日前',
  ],
  [
    '2',
    '项目监管不到位。部分项目建设进度滞后，资金使用监管不严。',
    '建立重点项目推进台账，实行月调度、季通报',
    '王五',
    '经济发展局',
    '财政局，审计局',
    '2024年9月底前',
  ],
  [null, null, '开展项目资金使用专项检查，对发现问题建立清单', '王五', '财政局', '审计局', '2024年第三季度'],
  [null, null, '完善项目全过程监管制度', '王五 赵六', '经济发展局', '', '2024年底前'],
  [
    '3',
    '基层党组织建设薄弱。个别支部组织生活不规范。',
    '开展支部标准化规范化建设，逐一整改到位',
    '李四',
    '组织人事部',
    '各党支部',
    '2024年上半年',
  ],
];

if (require.main === module) {
  const target = join(__dirname, '..', 'docs', 'samples', 'task-list.docx');
  void taskListDocx('某开发区党工委巡察整改任务清单', SAMPLE_HEADER, SAMPLE_ROWS).then((bytes) => {
    writeFileSync(target, bytes);
    process.stdout.write(`wrote ${target}\n`);
  });
}
