import { documentText } from './document-text';
import { docxTables } from './docx-tables';
import { addDaysToDay, addMonthsToDay, chinaDay, chineseDay } from './papers-dates';
import { renderPaperHtml } from './papers-html';
import { taskListsBlocks, renderTaskListsDocx, TaskListsContent } from './papers-lists';
import {
  completionRateText,
  filledNarrative,
  renderReportDocx,
  ReportContent,
  ReportFigures,
  ReportNarrative,
} from './papers-report';
import { renderSignoffDocx, SignoffFormContent } from './papers-signoff';
import { renderSupervisionDocx, renderSupervisionHtml, SupervisionNoticeContent } from './papers-supervision';

const figures: ReportFigures = {
  problems: 2,
  measures: 3,
  doneMeasures: 1,
  ongoingMeasures: 1,
  openMeasures: 1,
  closedProblems: 1,
  completionRate: completionRateText(1, 3),
};

const narrative: ReportNarrative = {
  title: '关于巡察整改情况的报告',
  addressee: '市委第一巡察组',
  opening: '现将整改情况报告如下。',
  overall: {
    title: '总体情况',
    paragraphs: [
      '对{problems}个问题制定{measures}项措施,已完成{doneMeasures}项,完成率{completionRate},{unknown}不动。',
    ],
  },
  nextSteps: { title: '下一步打算', paragraphs: ['持续推进{openMeasures}项未完成措施。'] },
  signer: '经开区党工委',
  date: '',
};

describe('the 整改报告', () => {
  it('fills the placeholders, leaves unknown ones, and dates an empty date today', () => {
    const filled = filledNarrative(narrative, figures, '2026年3月1日');
    expect(filled.overall.paragraphs[0]).toBe('对2个问题制定3项措施,已完成1项,完成率33.3%,{unknown}不动。');
    expect(filled.nextSteps.paragraphs[0]).toBe('持续推进1项未完成措施。');
    expect(filled.date).toBe('2026年3月1日');
    expect(completionRateText(0, 0)).toBe('0%');
  });

  it('reads back its version, due day, figures, problems with statuses and evidence, and attachment', async () => {
    const content: ReportContent = {
      ...filledNarrative(narrative, figures, '2026年3月1日'),
      version: 2,
      dueOn: '2026-04-30',
      figures,
      attachment: '整改台账.xlsx',
      problems: [
        {
          number: 1,
          title: '问题甲',
          measures: [
            { number: 1, text: '措施一', status: '已完成', evidence: ['纪要.pdf', '照片.jpg'] },
            { number: 2, text: '措施二。', status: '持续推进', evidence: [] },
          ],
        },
        { number: 2, title: '问题乙', measures: [{ number: 1, text: '措施三', status: '未完成', evidence: [] }] },
      ],
    };
    const docx = await renderReportDocx(content);
    const text = await documentText('report.docx', docx);
    expect(text).toContain('第2版 报送时限:2026年4月30日');
    expect(text).toContain('市委第一巡察组:');
    expect(text).toContain('一、总体情况');
    expect(text).toContain('二、逐条整改情况');
    expect(text).toContain('(1)措施一。完成情况:已完成。佐证材料:纪要.pdf、照片.jpg。');
    expect(text).toContain('(2)措施二。完成情况:持续推进。佐证材料:暂无。');
    expect(text).toContain('三、下一步打算');
    expect(text).toContain('附件:整改台账.xlsx');
    const [table] = await docxTables(docx);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['问题数', '整改措施数', '已完成', '持续推进', '未完成', '完成率', '已整改销号问题'],
      ['2', '3', '1', '1', '1', '33.3%', '1'],
    ]);
  });
});

describe('the 销号审批表', () => {
  it('reads back the measure, the evidence with hashes, both opinions and the signature lines', async () => {
    const content: SignoffFormContent = {
      inspectedUnit: '经开区党工委',
      inspectionTitle: '巡察整改',
      problem: { number: 3, title: '问题丙' },
      measure: {
        number: 1,
        text: '建立制度',
        kind: '限期整改',
        due: '2026-06-30',
        leadDepartment: '办公室',
        cooperating: '',
        leader: '赵领导',
        round: 1,
      },
      summary: '已印发制度',
      evidence: [{ fileName: '制度.pdf', sha256: 'a'.repeat(64), sizeBytes: 2048 }],
      handler: '陈经办',
      review: { by: '李审核', text: '材料齐全', on: '2026-03-02' },
      signOff: { by: '赵领导', text: '同意销号', on: '2026-03-03' },
    };
    const [main, evidence, signatures] = await docxTables(await renderSignoffDocx(content));
    const field = (label: string) => main.rows.find((row) => row.cells[0] === label)?.cells[1];
    expect(field('所属问题')).toBe('3.问题丙');
    expect(field('配合单位')).toBe('无');
    expect(field('审核意见')).toBe('材料齐全\n审核人:李审核    日期:2026年3月2日');
    expect(field('责任领导意见')).toBe('同意销号\n责任领导:赵领导    日期:2026年3月3日');
    expect(evidence.rows[1].cells).toEqual(['1', '制度.pdf', 'a'.repeat(64), '2 KB']);
    expect(signatures.rows.map((row) => row.cells.slice(0, 3))).toEqual([
      ['', '姓名', '签字'],
      ['经办人', '陈经办', ''],
      ['审核人', '李审核', ''],
      ['责任领导', '赵领导', ''],
    ]);
  });
});

describe('三张清单', () => {
  const content: TaskListsContent = {
    title: '三张清单',
    problems: [{ number: 1, title: '问题甲', measureCount: 1, status: '未完成' }],
    measures: [
      {
        problemNumber: 1,
        number: 1,
        text: '措施一',
        kind: '限期整改',
        due: '2026-07-31',
        originalDue: '2026-06-30',
        status: '未完成',
        leader: '赵领导',
        leadDepartment: '办公室',
        cooperating: '财务科、人事科',
        assignee: '陈经办',
      },
    ],
  };

  it('writes three tables under their headings with the live rows', async () => {
    const tables = await docxTables(await renderTaskListsDocx(content));
    expect(tables.map((table) => table.before.at(-1))).toEqual(['一、问题清单', '二、任务清单', '三、责任清单']);
    expect(tables[0].rows[1].cells).toEqual(['1', '问题甲', '1', '未完成']);
    expect(tables[1].rows[1].cells).toEqual(['1', '1-1 措施一', '限期整改', '2026-07-31', '未完成']);
    expect(tables[2].rows[1].cells).toEqual([
      '1-1 措施一',
      '赵领导',
      '办公室',
      '财务科、人事科',
      '陈经办',
      '2026-07-31(原定2026-06-30)',
    ]);
  });

  it('prints as a web page with every text escaped', () => {
    const page = renderPaperHtml('x', [
      ...taskListsBlocks(content),
      { kind: 'paragraph', text: '<script>alert(1)</script>' },
    ]);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;');
  });
});

describe('the 督办单', () => {
  const content: SupervisionNoticeContent = {
    issuingBody: '市委第一巡察组',
    year: 2026,
    number: 7,
    inspectedUnit: '经开区党工委',
    leadDepartment: '办公室',
    responsibleLeader: '赵领导',
    problem: { number: 2, title: '问题乙' },
    measure: { number: 1, text: '措施一' },
    reason: '进度滞后',
    issuedBy: '周督查',
    issuedOn: '2026-03-01',
    replyBy: addDaysToDay('2026-03-01', 3),
  };

  it('reads back its number, addressees, matter, requirement and reply day', async () => {
    const docx = await renderSupervisionDocx(content);
    const text = await documentText('notice.docx', docx);
    expect(text).toContain('〔2026〕第7号');
    expect(text).toContain('办公室、赵领导同志:');
    const [table] = await docxTables(docx);
    const field = (label: string) => table.rows.find((row) => row.cells[0] === label)?.cells[1];
    expect(field('督办事项')).toBe('问题2.问题乙\n措施(1)措施一');
    expect(field('督办要求')).toBe('进度滞后');
    expect(field('反馈时限')).toBe('请于2026年3月4日前将办理情况书面反馈');
    expect(renderSupervisionHtml(content)).toContain('〔2026〕第7号');
  });
});

describe('dates', () => {
  it('adds calendar months, clamping to the month’s end, and writes days in Chinese', () => {
    expect(addMonthsToDay('2024-04-19', 2)).toBe('2024-06-19');
    expect(addMonthsToDay('2023-12-31', 2)).toBe('2024-02-29');
    expect(addMonthsToDay('2025-12-31', 2)).toBe('2026-02-28');
    expect(addDaysToDay('2026-02-27', 3)).toBe('2026-03-02');
    expect(chinaDay(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(chineseDay('2026-03-02')).toBe('2026年3月2日');
  });
});
