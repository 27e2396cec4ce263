import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemsOf } from './document-model';
import { parseNotice, splitMeasures } from './notice-parser';

const SEED = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'seed',
  'xuancheng-edz-rectification-progress-2025-07-25.txt',
);

describe('the seed notice', () => {
  const parsed = parseNotice(readFileSync(SEED, 'utf8'));
  const section = parsed.sections[1];

  it('has 3 sections; in section 二 4 categories, 16 groups, 41 problems and 138 measures', () => {
    expect(parsed.sections.map((item) => item.number)).toEqual(['一', '二', '三']);
    expect(section.categories).toHaveLength(4);
    expect(section.categories!.reduce((sum, category) => sum + (category.groups?.length ?? 0), 0)).toBe(16);
    const problems = problemsOf(section);
    expect(problems).toHaveLength(41);
    expect(problems.reduce((sum, placed) => sum + placed.problem.measures.length, 0)).toBe(138);
    expect(parsed.counts).toEqual({ sections: 3, categories: 4, groups: 16, problems: 41, measures: 138 });
    expect(parsed.warnings).toEqual([]);
  });

  it('reads problem (9) with its title and 4 measures', () => {
    const placed = problemsOf(section).find((item) => item.problem.number === '9')!;
    expect(placed.problem.title).toBe('优化招引机制,加强项目监管,实现投资、税收双提升');
    expect(placed.problem.measures.map((measure) => measure.number)).toEqual([1, 2, 3, 4]);
    expect(placed.problem.measures[0].text).toBe(
      '强化项目入园审查,严格执行拿地门槛,全面提升项目质量,增加项目资金到位率。',
    );
    expect(placed.group).toMatchObject({ number: '3', title: '持续推进高质量发展' });
    expect(placed.category?.number).toBe('一');
  });

  it('keeps parts 一 and 三 as narrative, and reads the opening and the contact block', () => {
    expect(parsed.sections[0].narrative).toMatch(/^一是提高政治站位/);
    expect(parsed.sections[0].problems).toBeUndefined();
    expect(parsed.sections[2].narrative).toMatch(/进一步提高政治站位/);
    expect(parsed.preamble).toMatch(/^根据市委统一部署/);
    expect(parsed.contact).toEqual({
      phone: '0563-2626101',
      address: '安徽省宣城市宣酒大道66号',
      postcode: '242000',
      email: 'dangqb123@163.com',
    });
    expect(parsed.signer).toBe('宣城经开区党工委');
    expect(parsed.date).toBe('2025年7月25日');
  });
});

describe('heading styles', () => {
  it('reads Markdown with full-width parentheses and bold problem headings', () => {
    const parsed = parseNotice(
      [
        '# 关于巡察整改进展情况的通报',
        '## 二、整改落实情况',
        '### （一）关于党的建设方面',
        '#### 1. 基层党建',
        '**（1）组织生活不规范。** 一是制定组织生活清单。二是开展专项督导。',
        '**（2）党员发展不严格。** 一是全面自查。',
      ].join('\n'),
    );
    expect(parsed.title).toBe('关于巡察整改进展情况的通报');
    const problems = problemsOf(parsed.sections[0]);
    expect(problems.map((item) => [item.problem.number, item.problem.title, item.problem.measures.length])).toEqual([
      ['1', '组织生活不规范', 2],
      ['2', '党员发展不严格', 1],
    ]);
    expect(problems[0].category?.title).toBe('关于党的建设方面');
    expect(problems[0].group?.title).toBe('基层党建');
  });

  it('takes the 1. items as problems where there is no (1) level', () => {
    const parsed = parseNotice(
      '二、问题整改情况\n(一)政治建设方面\n1.学习不深入。一是建立学习制度。二是开展研讨。\n2、落实不到位。一是建立台账。\n(二)作风建设方面\n3.形式主义。一是精简会议。',
    );
    const section = parsed.sections[0];
    expect(section.categories!.map((category) => category.problems!.length)).toEqual([2, 1]);
    expect(section.categories![0].groups).toBeUndefined();
    expect(parsed.counts).toMatchObject({ problems: 3, measures: 4, groups: 0 });
  });

  it('hangs problems directly under the section where there is no 1. or (一) level', () => {
    const parsed = parseNotice('一、整改情况\n（ 1 ）问题一。一是措施甲。二是措施乙。\n(2)问题二。一是措施丙。');
    expect(parsed.sections[0].problems!.map((problem) => problem.title)).toEqual(['问题一', '问题二']);
    expect(parsed.sections[0].categories).toBeUndefined();
    expect(parsed.counts.measures).toBe(3);
  });

  it('reads ①②③ measures', () => {
    const parsed = parseNotice('一、整改情况\n(1)制度不健全。①修订制度;②组织培训;③开展检查。');
    expect(parsed.sections[0].problems![0].measures.map((measure) => measure.text)).toEqual([
      '修订制度;',
      '组织培训;',
      '开展检查。',
    ]);
  });

  it('reads measures written as a lower numbered level when the document has no 一是 markers', () => {
    const parsed = parseNotice(
      '二、整改措施\n1.资金管理不规范\n(1)建立专户管理制度\n(2)开展资金清查\n2.合同管理混乱\n(1)梳理合同台账',
    );
    const problems = problemsOf(parsed.sections[0]);
    expect(problems.map((item) => [item.problem.title, item.problem.measures.map((measure) => measure.text)])).toEqual([
      ['资金管理不规范', ['建立专户管理制度', '开展资金清查']],
      ['合同管理混乱', ['梳理合同台账']],
    ]);
  });

  it('puts measures spread over several paragraphs together', () => {
    const parsed = parseNotice('一、整改\n(1)标题。\n一是第一项。\n二是第二项。');
    expect(parsed.sections[0].problems![0].measures).toEqual([
      { number: 1, text: '第一项。' },
      { number: 2, text: '第二项。' },
    ]);
  });

  it('only accepts markers in sequence, so 统一是 inside a sentence is not a measure', () => {
    expect(splitMeasures('一是坚持统一是原则。二是落实。')!.measures.map((measure) => measure.text)).toEqual([
      '坚持统一是原则。',
      '落实。',
    ]);
    expect(splitMeasures('没有标记的文字')).toBeNull();
  });
});

describe('page clutter and statistics', () => {
  it('drops breadcrumbs, index lines and counters before the title', () => {
    const parsed = parseNotice(
      [
        '首页 > 信息公开 > 巡察整改',
        '索引号: 11341800/2025-01234',
        '发布机构: 市委巡察办',
        '浏览次数: 1024',
        '字号: 大 中 小',
        '中共某县委关于巡察整改进展情况的通报',
        '根据市委统一部署,市委第二巡察组对我县进行了巡察。共反馈问题12个,已完成整改10个。',
        '一、整改工作总体情况',
        '召开会议5次。',
        '二、问题整改情况',
        '(1)问题甲。一是措施。',
      ].join('\n'),
    );
    expect(parsed.title).toBe('中共某县委关于巡察整改进展情况的通报');
    expect(parsed.preamble).toBe('根据市委统一部署,市委第二巡察组对我县进行了巡察。共反馈问题12个,已完成整改10个。');
    expect(parsed.counts).toMatchObject({ sections: 2, problems: 1, measures: 1 });
    expect(parsed.sections[0].narrative).toBe('召开会议5次。');
  });
});

describe('malformed documents give warnings, never a crash', () => {
  it('warns about a problem before any section, a jump in numbers and an empty section', () => {
    const parsed = parseNotice(
      '(1)无家可归。一是措施。\n一、空的部分\n二、整改\n(2)问题二。一是措施。\n(5)问题五。一是措施。\n(6)没有措施的问题。',
    );
    expect(parsed.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/comes before any 一、 section/),
        'section 一、 is empty',
        'problem numbers jump from (2) to (5)',
        expect.stringMatching(/problem \(6\) has no measures/),
      ]),
    );
    expect(parsed.counts.problems).toBe(4);
  });

  it('survives empty, garbage and randomly cut documents', () => {
    const seed = readFileSync(SEED, 'utf8');
    const inputs = [
      '',
      '   \n\n',
      '。。。',
      '一、',
      '(一)',
      '1.',
      '(1)',
      '一是二是三是',
      '\u0000\u0001',
      seed.slice(0, 1000),
      seed.replace(/\n/g, ''),
    ];
    for (let index = 0; index < 50; index += 1) {
      const start = (index * 7919) % seed.length;
      inputs.push(seed.slice(start, start + ((index * 104729) % 4000)));
    }
    for (const input of inputs) {
      const parsed = parseNotice(input);
      expect(parsed.counts.problems).toBeGreaterThanOrEqual(0);
    }
    expect(parseNotice('').warnings).toEqual(['the document is empty']);
  });
});
