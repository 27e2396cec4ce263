import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemsOf } from './document-model';
import { parseNotice } from './notice-parser';

const problems = (text: string) => problemsOf(parseNotice(text).sections[0]).map((placed) => placed.problem);
const NINE = { phrase: '2024年9月底前', dueDate: '2024-09-30', kind: 'deadline' };

describe('owner lines after a problem', () => {
  it('apply to all its measures and leave the measure text', () => {
    const [problem] = problems(
      '二、整改\n(1)组织生活不规范。一是制定清单；二是开展督导。\n责任领导：张三 牵头单位：县委办公室 整改时限：2024年9月底前',
    );
    const owners = { leaders: ['张三'], leadDepartments: ['县委办公室'], deadline: NINE };
    expect(problem.owners).toEqual(owners);
    expect(problem.measures).toEqual([
      { number: 1, text: '制定清单；', owners },
      { number: 2, text: '开展督导。', owners },
    ]);
  });

  it('written before the measures, or one field a line, apply to the problem too', () => {
    const [problem] = problems(
      '二、整改\n(1)组织生活不规范。\n分管领导：赵六\n牵头部门：组织部、宣传部\n配合部门：各支部\n一是制定清单。\n二是开展督导。',
    );
    expect(problem.owners).toEqual({
      leaders: ['赵六'],
      leadDepartments: ['组织部', '宣传部'],
      cooperatingDepartments: ['各支部'],
    });
    expect(problem.measures.map((measure) => [measure.text, measure.owners?.leaders])).toEqual([
      ['制定清单。', ['赵六']],
      ['开展督导。', ['赵六']],
    ]);
  });
});

describe('names padded with spaces to align them', () => {
  it('are one name each, in owner lines and in a bracket', () => {
    const [problem] = problems(
      [
        '二、整改',
        '(1)组织生活不规范。',
        '责任领导：赵 六',
        '牵头部门：财政 局',
        '配合部门：人社 局、审 计 局',
        '一是制定清单（责任领导：王 五；牵头单位：发改 委）',
        '二是开展督导。',
      ].join('\n'),
    );
    expect(problem.owners).toEqual({
      leaders: ['赵六'],
      leadDepartments: ['财政局'],
      cooperatingDepartments: ['人社局', '审计局'],
    });
    expect(problem.measures.map((measure) => [measure.owners?.leaders, measure.owners?.leadDepartments])).toEqual([
      [['王五'], ['发改委']],
      [['赵六'], ['财政局']],
    ]);
  });
});

describe('owner lines after a single measure', () => {
  it('apply to that measure, over the problem’s own field by field', () => {
    const [problem] = problems(
      [
        '二、整改',
        '(1)组织生活不规范。',
        '责任领导：张三；牵头单位：办公室',
        '一是制定清单',
        '整改时限：2024年9月底前',
        '二是开展督导。',
        '责任领导:李四、王五;整改时限:立行立改',
      ].join('\n'),
    );
    expect(problem.owners).toEqual({ leaders: ['张三'], leadDepartments: ['办公室'] });
    expect(problem.measures).toEqual([
      { number: 1, text: '制定清单', owners: { leaders: ['张三'], leadDepartments: ['办公室'], deadline: NINE } },
      {
        number: 2,
        text: '开展督导。',
        owners: {
          leaders: ['李四', '王五'],
          leadDepartments: ['办公室'],
          deadline: { phrase: '立行立改', kind: 'immediate' },
        },
      },
    ]);
  });

  it('under numbered measure items apply to that item', () => {
    const [first, second] = problems(
      [
        '二、整改措施',
        '1.资金管理不规范',
        '责任领导：张三',
        '(1)建立专户管理制度',
        '牵头单位：财政局 整改时限：2024年底前',
        '(2)开展资金清查',
        '2.合同管理混乱',
        '(1)梳理合同台账',
      ].join('\n'),
    );
    expect(first.owners).toEqual({ leaders: ['张三'] });
    expect(first.measures).toEqual([
      {
        number: 1,
        text: '建立专户管理制度',
        owners: {
          leaders: ['张三'],
          leadDepartments: ['财政局'],
          deadline: { phrase: '2024年底前', dueDate: '2024-12-31', kind: 'deadline' },
        },
      },
      { number: 2, text: '开展资金清查', owners: { leaders: ['张三'] } },
    ]);
    expect(second.measures).toEqual([{ number: 1, text: '梳理合同台账' }]);
  });
});

describe('a bracket after a measure', () => {
  it('applies to that measure, and a 二是 after it is the next measure (full-width brackets)', () => {
    const [problem] = problems(
      '二、整改\n(1)项目滞后。一是建立台账（责任领导：王五；牵头单位：经发局；配合单位：财政局、审计局；整改时限：2024年10月31日前）二是限期整改（责任领导：王五；整改时限：2024年年底前）。三是完善制度。',
    );
    expect(problem.owners).toBeUndefined();
    expect(problem.measures).toEqual([
      {
        number: 1,
        text: '建立台账',
        owners: {
          leaders: ['王五'],
          leadDepartments: ['经发局'],
          cooperatingDepartments: ['财政局', '审计局'],
          deadline: { phrase: '2024年10月31日前', dueDate: '2024-10-31', kind: 'deadline' },
        },
      },
      {
        number: 2,
        text: '限期整改。',
        owners: { leaders: ['王五'], deadline: { phrase: '2024年年底前', dueDate: '2024-12-31', kind: 'deadline' } },
      },
      { number: 3, text: '完善制度。' },
    ]);
  });

  it('with half-width brackets, and in the problem title for the whole problem', () => {
    const [problem] = problems('二、整改\n(1)项目滞后(责任领导:王五)。一是建立台账(牵头单位:经发局)二是限期整改。');
    expect(problem.title).toBe('项目滞后');
    expect(problem.measures).toEqual([
      { number: 1, text: '建立台账', owners: { leaders: ['王五'], leadDepartments: ['经发局'] } },
      { number: 2, text: '限期整改。', owners: { leaders: ['王五'] } },
    ]);
  });
});

describe('a 时限 the parser does not know', () => {
  it('is kept as written and named in a warning', () => {
    const parsed = parseNotice('二、整改\n(3)问题。\n一是甲。\n整改时限：尽快完成\n二是乙。');
    const [problem] = problemsOf(parsed.sections[0]).map((placed) => placed.problem);
    expect(problem.measures[0].owners).toEqual({ deadline: { phrase: '尽快完成' } });
    expect(parsed.warnings).toEqual([
      'problem (3) measure 1: 整改时限 "尽快完成" is not a date or a known phrase (立行立改, 长期坚持…); kept as written',
    ]);
  });
});

describe('documents', () => {
  const root = join(__dirname, '..', '..', '..');

  it('the seed notice parses exactly as before owners were read (no owners, same tree)', () => {
    const seed = readFileSync(
      join(root, '..', 'shared', 'seed', 'xuancheng-edz-rectification-progress-2025-07-25.txt'),
      'utf8',
    );
    const parsed = parseNotice(seed);
    expect(JSON.stringify(parsed)).not.toMatch(/"owners"/);
    // The SHA-256 of the whole parse as it was before this reader existed.
    expect(createHash('sha256').update(JSON.stringify(parsed)).digest('hex')).toBe(
      '65f59ebc44488a0c98f159ba9bd6c78968ed3fde20fc3d4c8bce588154bddf0a',
    );
  });

  it('the sample plan (docs/samples/plan-with-owners.md) gives every measure its owners, without warnings', () => {
    const parsed = parseNotice(readFileSync(join(root, 'docs', 'samples', 'plan-with-owners.md'), 'utf8'));
    const measures = parsed.sections.flatMap((section) =>
      problemsOf(section).flatMap((placed) => placed.problem.measures),
    );
    expect(parsed.warnings).toEqual([]);
    expect(parsed.counts).toMatchObject({ problems: 4, measures: 9 });
    expect(measures.every((measure) => measure.owners?.leaders?.length && measure.owners.deadline?.kind)).toBe(true);
    expect(measures.map((measure) => measure.text).join('')).not.toMatch(/责任领导|牵头|时限|分管/);
  });
});
