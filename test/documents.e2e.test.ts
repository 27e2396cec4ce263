/**
 * Documents in and out, through the HTTP API against real PostgreSQL, Temporal and a worker:
 * document import (preview, correct, commit), the Excel ledger (template, validated import,
 * idempotent re-import, export), the progress notice (generate, edit, publish, public page,
 * feedback) and the round trip seed → live measures → notice → parser.
 */
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { documentText, parseNotice, problemsOf, renderNoticeDocx } from '@rectiflow/documents';
import { fastPolicy, waitFor } from './support/stack';
import { actOk, bringTo, buildWorld, call, createInspection, startStack, upload, World } from './support/world';

const SEED = readFileSync(
  join(__dirname, '..', '..', 'shared', 'seed', 'xuancheng-edz-rectification-progress-2025-07-25.txt'),
);
/** The inspection of the seed notice: the notice's opening is written from these. */
const SEED_INSPECTION = {
  kind: 'xuncha',
  inspectingBody: '五届市委第六轮第一巡察组',
  inspectedUnit: '宣城经开区党工委',
  startedOn: '2023-11-28',
  endedOn: '2024-01-19',
  feedbackOn: '2024-04-19',
};
let world: World<'office' | 'reviewer' | 'leader' | 'supervisor' | 'staff' | 'outsider', 'department' | 'other'>;
let api: { url: string };
let dataSource: DataSource;
let people: typeof world.people;
let department: string;
const tag = Date.now().toString(36);
const departmentName = `投资合作中心-${tag}`;
const leaderName = `赵领导-${tag}`;

const newInspection = (title: string, policy = fastPolicy()) =>
  createInspection(world, { ...SEED_INSPECTION, title, policy });

beforeAll(async () => {
  world = await buildWorld(await startStack('documents', { api: { evidenceMaxBytes: 5 * 1024 * 1024 } }), {
    departments: { department: departmentName, other: `其他部门-${tag}` },
    people: {
      office: { name: `王整改-${tag}`, roles: 'office' },
      reviewer: { name: `李审核-${tag}`, roles: 'reviewer' },
      leader: leaderName,
      supervisor: { name: `周督查-${tag}`, roles: 'supervisor' },
      staff: { name: `陈经办-${tag}`, department: 'department' },
      outsider: { name: `外人-${tag}`, department: 'other' },
    },
  });
  ({ api, dataSource, people } = world);
  department = world.departments.department;
});

afterAll(async () => {
  await world?.stop();
});

describe('document import', () => {
  it('previews the seed with its counts and creates nothing before the commit; the commit creates it once', async () => {
    const inspectionId = await newInspection(`文档导入-${tag}`);
    const preview = await upload(
      world,
      `/inspections/${inspectionId}/imports/document`,
      people.office,
      '巡察整改进展情况.txt',
      SEED,
      'text/plain',
    );
    expect(preview.status).toBe(201);
    expect(preview.body.counts).toEqual({ sections: 3, categories: 4, groups: 16, problems: 41, measures: 138 });
    expect(preview.body.warnings).toEqual([]);
    expect(
      (await dataSource.query('SELECT count(*)::int AS n FROM problem WHERE inspection_id = $1', [inspectionId]))[0].n,
    ).toBe(0);

    const forbidden = await call(world, 'POST', `/imports/documents/${preview.body.id}/commit`, people.staff, {
      leadDepartmentId: department,
      responsibleLeaderId: people.leader,
      dueAt: '2099-06-30',
    });
    expect(forbidden.status).toBe(403);
    const missing = await call(world, 'POST', `/imports/documents/${preview.body.id}/commit`, people.office, {
      responsibleLeaderId: people.leader,
      dueAt: '2099-06-30',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/leadDepartmentId/);

    const committed = await call(world, 'POST', `/imports/documents/${preview.body.id}/commit`, people.office, {
      leadDepartmentId: department,
      responsibleLeaderId: people.leader,
      dueAt: '2099-06-30',
    });
    expect(committed).toMatchObject({ status: 201, body: { problems: 41, measures: 138 } });
    const again = await call(world, 'POST', `/imports/documents/${preview.body.id}/commit`, people.office, {
      leadDepartmentId: department,
      responsibleLeaderId: people.leader,
      dueAt: '2099-06-30',
    });
    expect(again.status).toBe(409);
    const [{ problems, measures }] = await dataSource.query(
      'SELECT (SELECT count(*) FROM problem WHERE inspection_id = $1)::int AS problems, (SELECT count(*) FROM measure WHERE inspection_id = $1)::int AS measures',
      [inspectionId],
    );
    expect({ problems, measures }).toEqual({ problems: 41, measures: 138 });
    const [problem9] = await dataSource.query(
      'SELECT p.title, p.group_number, count(m.id)::int AS measures FROM problem p JOIN measure m ON m.problem_id = p.id WHERE p.inspection_id = $1 AND p.number = 9 GROUP BY p.id',
      [inspectionId],
    );
    expect(problem9).toEqual({
      title: '优化招引机制,加强项目监管,实现投资、税收双提升',
      group_number: '3',
      measures: 4,
    });
  });

  it('lets the office correct the tree before committing', async () => {
    const inspectionId = await newInspection(`文档更正-${tag}`);
    const text = Buffer.from('二、整改情况\n(1)问题甲。一是措施一。二是措施二。\n(2)问题乙。一是措施三。');
    const preview = await upload(
      world,
      `/inspections/${inspectionId}/imports/document`,
      people.office,
      'plan.md',
      text,
    );
    const sections = preview.body.content.sections;
    sections[0].problems[0].title = '问题甲(更正)';
    sections[0].problems[0].measures.pop();
    const corrected = await call(world, 'PUT', `/imports/documents/${preview.body.id}/structure`, people.office, {
      sections,
    });
    expect(corrected.body.counts).toMatchObject({ problems: 2, measures: 2 });
    sections[0].problems[1].number = '1';
    const bad = await call(world, 'PUT', `/imports/documents/${preview.body.id}/structure`, people.office, {
      sections,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/problem \(1\): number used twice/);
    await call(world, 'POST', `/imports/documents/${preview.body.id}/commit`, people.office, {
      leadDepartmentId: department,
      responsibleLeaderId: people.leader,
      dueAt: '2099-06-30',
    });
    const rows = await dataSource.query(
      'SELECT p.title, count(m.id)::int AS measures FROM problem p JOIN measure m ON m.problem_id = p.id WHERE p.inspection_id = $1 GROUP BY p.id ORDER BY p.number',
      [inspectionId],
    );
    expect(rows).toEqual([
      { title: '问题甲(更正)', measures: 1 },
      { title: '问题乙', measures: 1 },
    ]);
  });

  it('reads .docx and Markdown, warns about a malformed document, and refuses other formats', async () => {
    const inspectionId = await newInspection(`文档格式-${tag}`);
    const seed = parseNotice(SEED.toString('utf8'));
    const docx = await renderNoticeDocx({
      title: '通报',
      opening: seed.preamble!,
      part1: { title: seed.sections[0].title, paragraphs: [seed.sections[0].narrative!] },
      sections: [seed.sections[1]],
      part3: { title: seed.sections[2].title, paragraphs: [seed.sections[2].narrative!] },
      closingCall: '',
      contact: {},
      signer: '',
      date: '',
    });
    const fromDocx = await upload(
      world,
      `/inspections/${inspectionId}/imports/document`,
      people.office,
      '进展情况.docx',
      docx,
    );
    expect(fromDocx.body.counts).toEqual({ sections: 3, categories: 4, groups: 16, problems: 41, measures: 138 });
    const markdown = Buffer.from(
      '## 二、问题整改\n### （一）党建方面\n**（1）学习不够。** 一是建立制度。二是开展研讨。',
    );
    expect(
      (await upload(world, `/inspections/${inspectionId}/imports/document`, people.office, 'plan.md', markdown)).body
        .counts,
    ).toMatchObject({ problems: 1, measures: 2 });
    const malformed = await upload(
      world,
      `/inspections/${inspectionId}/imports/document`,
      people.office,
      'bad.txt',
      Buffer.from('(3)没有部分的问题。一是措施。\n一、\n二、整改\n(7)问题。'),
    );
    expect(malformed.status).toBe(201);
    expect(malformed.body.warnings.length).toBeGreaterThanOrEqual(3);
    const pdf = await upload(
      world,
      `/inspections/${inspectionId}/imports/document`,
      people.office,
      'plan.pdf',
      Buffer.from('%PDF-1.4'),
    );
    expect(pdf.status).toBe(415);
    const fakeDocx = await upload(
      world,
      `/inspections/${inspectionId}/imports/document`,
      people.office,
      'plan.docx',
      Buffer.from('not a zip'),
    );
    expect(fakeDocx.status).toBe(415);
    const notOffice = await upload(
      world,
      `/inspections/${inspectionId}/imports/document`,
      people.staff,
      'plan.md',
      markdown,
    );
    expect(notOffice.status).toBe(403);
  });
});

async function ledgerFile(rows: (string | number | Date)[][]): Promise<Buffer> {
  const template = await call(world, 'GET', '/imports/ledger-template.xlsx', people.office);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.raw as never);
  const sheet = workbook.getWorksheet('整改台账')!;
  // Typed into the rows under the header, as a person does in Excel.
  rows.forEach((row, index) => (sheet.getRow(2 + index).values = row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('the import-doc CLI', () => {
  const SEED_PATH = join(
    __dirname,
    '..',
    '..',
    'shared',
    'seed',
    'xuancheng-edz-rectification-progress-2025-07-25.txt',
  );
  const cli = (...args: string[]) =>
    promisify(execFile)(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(__dirname, '..', 'tools', 'cli.ts'), ...args],
      { maxBuffer: 10 * 1024 * 1024 },
    );

  it('prints the parsed structure as JSON with --dry-run --json', async () => {
    const { stdout } = await cli('import-doc', SEED_PATH, '--dry-run', '--json');
    const parsed = JSON.parse(stdout);
    expect(parsed.sections.map((section: { number: string }) => section.number)).toEqual(['一', '二', '三']);
    const problem = parsed.sections[1].categories[0].groups[2].problems[2];
    expect(problem).toMatchObject({ number: '9', title: '优化招引机制,加强项目监管,实现投资、税收双提升' });
    expect(problem.measures).toHaveLength(4);
    expect(problem.measures[0]).toEqual({
      number: 1,
      text: '强化项目入园审查,严格执行拿地门槛,全面提升项目质量,增加项目资金到位率。',
    });
    expect(parsed.counts).toEqual({ sections: 3, categories: 4, groups: 16, problems: 41, measures: 138 });
  });

  it('imports into an inspection through the API, and names what is missing', async () => {
    const inspectionId = await newInspection(`命令行-${tag}`);
    await expect(cli('import-doc', SEED_PATH, '--inspection', inspectionId)).rejects.toMatchObject({
      stderr: expect.stringMatching(/--lead-department, --leader, --due/),
    });
    const { stdout, stderr } = await cli(
      'import-doc',
      SEED_PATH,
      '--inspection',
      inspectionId,
      '--lead-department',
      department,
      '--leader',
      people.leader,
      '--due',
      '2099-06-30',
      '--api',
      api.url,
      '--token',
      world.client.tokens.get(people.office)!,
    );
    expect(stdout).toContain('imported 41 problems and 138 measures');
    expect(stderr).toContain('41/41 problems');
    expect(
      (await dataSource.query('SELECT count(*)::int AS n FROM measure WHERE inspection_id = $1', [inspectionId]))[0].n,
    ).toBe(138);
  });
});

describe('Excel ledger', () => {
  let inspectionId: string;
  const good = (
    problem: number,
    measure: number,
    text: string,
    due: string | Date = '2099-06-30',
    leadDepartment = () => departmentName,
  ) => [
    problem,
    '二、问题整改情况',
    '(一)党建方面',
    '1.组织建设',
    `问题${problem}`,
    measure,
    text,
    '限期整改',
    leaderName,
    leadDepartment(),
    '',
    due,
  ];

  beforeAll(async () => {
    inspectionId = await newInspection(`台账-${tag}`);
  });

  it('offers a template with the Chinese headers', async () => {
    const template = await call(world, 'GET', '/imports/ledger-template.xlsx', people.office);
    expect(template.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.raw as never);
    const headers = (workbook.getWorksheet('整改台账')!.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual([
      '问题序号',
      '所属部分',
      '所属类别',
      '所属组别',
      '问题',
      '措施序号',
      '整改措施',
      '措施类型',
      '责任领导',
      '牵头部门',
      '配合部门',
      '整改时限',
    ]);
  });

  it('reports every bad row with its row number and reason, and saves nothing', async () => {
    const file = await ledgerFile([
      good(1, 1, '措施甲'),
      [1, '', '', '', '问题1', 2, '', '限期整改', leaderName, departmentName, '', '2099-06-30'],
      ['x', '', '', '', '问题2', 1, '措施乙', '马上改', leaderName, departmentName, '', '2099-02-30'],
      good(3, 1, '措施丙'),
    ]);
    const preview = await upload(
      world,
      `/inspections/${inspectionId}/imports/ledger`,
      people.office,
      '台账.xlsx',
      file,
    );
    expect(preview.status).toBe(201);
    expect(preview.body.errors).toEqual([
      { row: 3, reason: '整改措施 is empty' },
      {
        row: 4,
        reason: expect.stringMatching(
          /^问题序号 "x" is not a positive whole number; 措施类型 "马上改" must be one of 立行立改, 限期整改, 长期坚持; 整改时限 "2099-02-30" is not a date/,
        ),
      },
    ]);
    const commit = await call(world, 'POST', `/imports/ledgers/${preview.body.id}/commit`, people.office, {});
    expect(commit.status).toBe(400);
    expect(commit.body.message).toMatch(/2 bad row/);
    expect(
      (await dataSource.query('SELECT count(*)::int AS n FROM problem WHERE inspection_id = $1', [inspectionId]))[0].n,
    ).toBe(0);
  });

  it('lists unknown departments and leaders, creates them on request, and re-imports without duplicating', async () => {
    const newDepartment = `新部门-${tag}`;
    const rows = [
      good(1, 1, '措施甲', new Date('2099-06-30T00:00:00Z')),
      good(1, 2, '措施乙', '2099年7月1日'),
      good(2, 1, '措施丙', '2099/8/1', () => newDepartment),
    ];
    const first = await upload(
      world,
      `/inspections/${inspectionId}/imports/ledger`,
      people.office,
      '台账.xlsx',
      await ledgerFile(rows),
    );
    expect(first.body.errors).toEqual([]);
    expect(first.body.unknownDepartments).toEqual([newDepartment]);
    expect(first.body.unknownLeaders).toEqual([]);
    const refused = await call(world, 'POST', `/imports/ledgers/${first.body.id}/commit`, people.office, {});
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain(newDepartment);
    const applied = await call(world, 'POST', `/imports/ledgers/${first.body.id}/commit`, people.office, {
      createUnknown: true,
    });
    expect(applied.body).toMatchObject({ problemsCreated: 2, measuresCreated: 3 });
    const [due] = await dataSource.query(
      `SELECT due_at FROM measure m JOIN problem p ON p.id = m.problem_id WHERE p.inspection_id = $1 AND p.number = 1 AND m.number = 2`,
      [inspectionId],
    );
    expect(new Date(due.due_at).toISOString()).toBe('2099-07-01T15:59:59.000Z');

    rows[1][6] = '措施乙(修订)';
    rows.push(good(2, 2, '措施丁'));
    const second = await upload(
      world,
      `/inspections/${inspectionId}/imports/ledger`,
      people.office,
      '台账.xlsx',
      await ledgerFile(rows),
    );
    const reapplied = await call(world, 'POST', `/imports/ledgers/${second.body.id}/commit`, people.office, {});
    expect(reapplied.body).toMatchObject({ problemsCreated: 0, measuresCreated: 1, measuresUpdated: 1, unchanged: 2 });
    const measures = await dataSource.query(
      'SELECT p.number AS problem, m.number, m.text FROM measure m JOIN problem p ON p.id = m.problem_id WHERE m.inspection_id = $1 ORDER BY 1, 2',
      [inspectionId],
    );
    expect(measures).toEqual([
      { problem: 1, number: 1, text: '措施甲' },
      { problem: 1, number: 2, text: '措施乙(修订)' },
      { problem: 2, number: 1, text: '措施丙' },
      { problem: 2, number: 2, text: '措施丁' },
    ]);
  });

  it("applies a running measure's owner and deadline changes through its workflow, and reports each", async () => {
    const ownInspection = await newInspection(`台账调整-${tag}`);
    const otherName = `其他部门-${tag}`;
    const rows = [good(1, 1, '措施甲'), good(1, 2, '措施乙')];
    const importLedger = async (body: Record<string, unknown>) => {
      const draft = await upload(
        world,
        `/inspections/${ownInspection}/imports/ledger`,
        people.office,
        '台账.xlsx',
        await ledgerFile(rows),
      );
      expect(draft.body.errors).toEqual([]);
      return call(world, 'POST', `/imports/ledgers/${draft.body.id}/commit`, people.office, body);
    };
    expect((await importLedger({})).body).toMatchObject({ problemsCreated: 1, measuresCreated: 2 });
    const [first, second] = (
      await call(world, 'GET', `/measures?inspectionId=${ownInspection}&sort=problemNumber`, people.office)
    ).body.items as { id: string }[];
    await call(
      world,
      'POST',
      `/measures/${first.id}/actions/assign`,
      people.office,
      {},
      { 'Idempotency-Key': `a-${tag}` },
    );

    rows[0][9] = otherName; // 牵头部门 of 措施甲, now under way
    rows[1][11] = '2099-09-30'; // 整改时限 of 措施乙, not yet handed out
    const refused = await importLedger({});
    expect(refused.body.changes).toEqual([
      { row: 2, action: 'reassign', fields: ['牵头部门'], applied: true },
      expect.objectContaining({ row: 3, action: 'change_deadline', applied: false }),
    ]);
    expect(refused.body.notApplied[0].reason).toMatch(/整改时限: approvedById must name the responsible leader/);
    const moved = (await call(world, 'GET', `/measures/${first.id}`, people.office)).body;
    expect(moved.leadDepartmentName).toBe(otherName);
    const timeline = (await call(world, 'GET', `/measures/${first.id}/timeline`, people.office)).body as {
      action: string;
      actorId: string;
      detail: { reason?: string };
    }[];
    const reassigned = timeline.find((row) => row.action === 'reassign')!;
    expect(reassigned.actorId).toBe(people.office);
    expect(reassigned.detail.reason).toMatch(/^台账导入\(台账.xlsx，第2行\)$/);

    rows[0][7] = '长期坚持'; // 措施类型 of 措施甲, under way
    const agreed = await importLedger({ leadersAgreed: true });
    expect(agreed.body.changes).toEqual([
      { row: 2, action: 'change_deadline', fields: ['措施类型(长期坚持)'], applied: true },
      { row: 3, action: 'change_deadline', fields: ['整改时限'], applied: true },
    ]);
    expect((await call(world, 'GET', `/measures/${second.id}`, people.office)).body.dueAt).toBe(
      '2099-09-30T15:59:59.000Z',
    );
    // The kind the workflow now holds is the read model's too: the measure, the ledger and its export.
    expect((await call(world, 'GET', `/measures/${first.id}`, people.office)).body.kind).toBe('ongoing');
    const listed = (await call(world, 'GET', `/measures?inspectionId=${ownInspection}`, people.office)).body.items;
    expect(listed.find((item: { id: string }) => item.id === first.id).kind).toBe('ongoing');
    const exported = (await call(world, 'GET', `/inspections/${ownInspection}/ledger.csv`, people.office))
      .body as string;
    expect(exported.split('\r\n').find((line) => line.includes('措施甲'))).toContain(',长期坚持,');
    // Imported again as it is now, nothing changes.
    expect((await importLedger({ leadersAgreed: true })).body).toMatchObject({ changes: [], unchanged: 2 });
  });

  it('exports the live ledger as .xlsx (a sheet per section, filters on) and as CSV, and the export re-imports as a no-op', async () => {
    // A 立行立改 measure handed out without a date (due an instant counted from 交办, the export
    // writes its day) and a voided one re-import as they are too.
    const extra = await call(world, 'POST', `/inspections/${inspectionId}/problems`, people.office, {
      number: 3,
      title: '问题3',
      sectionNumber: '二',
      sectionTitle: '问题整改情况',
      categoryNumber: '一',
      categoryTitle: '党建方面',
      groupNumber: '1',
      groupTitle: '组织建设',
      measures: [
        { text: '立行立改的措施', kind: 'immediate', leadDepartmentId: department, responsibleLeaderId: people.leader },
        {
          text: '作废的措施',
          kind: 'deadline',
          leadDepartmentId: department,
          responsibleLeaderId: people.leader,
          dueAt: '2099-06-30',
        },
      ],
    });
    expect(extra.status).toBe(201);
    const [immediate, voided] = extra.body.measures.map((measure: { id: string }) => measure.id);
    await actOk(world, immediate, 'assign', people.office);
    await actOk(world, voided, 'assign', people.office);
    await actOk(world, voided, 'void', people.office, { reason: '与措施甲重复' });
    const due = (await call(world, 'GET', `/measures/${immediate}`, people.office)).body;
    expect(due.dueAt).not.toMatch(/T15:59:59/);
    const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

    const xlsx = await call(world, 'GET', `/inspections/${inspectionId}/ledger.xlsx`, people.office);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['、问题整改情况'.replace(/^、/, '二、')]);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(
      expect.arrayContaining(['问题序号', '整改措施', '阶段', '红黄绿灯', '轮次', '佐证材料数', '最新进展']),
    );
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(7);
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    // 原定时限 beside 整改时限, 完成情况 beside 阶段.
    expect(headers.slice(11, 15)).toEqual(['整改时限', '原定时限', '阶段', '完成情况']);
    expect(sheet.getRow(2).getCell(14).value).toBe('交办');
    const cells = (row: number, columns: number[]) => columns.map((column) => sheet.getRow(row).getCell(column).value);
    expect(cells(6, [7, 8, 12, 13, 14, 15])).toEqual([
      '立行立改的措施',
      '立行立改',
      chinaDay(due.dueAt),
      chinaDay(due.originalDueAt),
      '整改',
      '未完成',
    ]);
    expect(cells(7, [7, 14, 15])).toEqual(['作废的措施', '已作废', '已作废']);
    const csv = await call(world, 'GET', `/inspections/${inspectionId}/ledger.csv`, people.office);
    expect(csv.raw.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(csv.body.split('\r\n')[0]).toMatch(/^\ufeff?问题序号,所属部分/);
    expect((await call(world, 'GET', `/inspections/${inspectionId}/ledger.csv`, people.staff)).status).toBe(403);
    // With the ledger's filters, the export holds what the screen shows; a wrong filter is refused by name.
    const all = csv.body.trim().split('\r\n').length - 1;
    const measures = (await call(world, 'GET', `/measures?inspectionId=${inspectionId}&limit=200`, people.office)).body
      .items as { text: string; stage: string }[];
    const first = measures[0];
    const stageRows = measures.filter((measure) => measure.stage === first.stage).length;
    const byStage = await call(
      world,
      'GET',
      `/inspections/${inspectionId}/ledger.csv?stage=${first.stage}`,
      people.office,
    );
    expect(byStage.body.trim().split('\r\n').length - 1).toBe(stageRows);
    const byText = await call(
      world,
      'GET',
      `/inspections/${inspectionId}/ledger.xlsx?q=${encodeURIComponent(first.text.slice(0, 12))}`,
      people.office,
    );
    const narrowed = new ExcelJS.Workbook();
    await narrowed.xlsx.load(byText.raw as never);
    const narrowedRows = narrowed.worksheets.reduce((count, one) => count + one.rowCount - 1, 0);
    expect(narrowedRows).toBeGreaterThanOrEqual(1);
    expect(narrowedRows).toBeLessThan(all);
    const wrong = await call(world, 'GET', `/inspections/${inspectionId}/ledger.csv?stage=finished`, people.office);
    expect(wrong.status).toBe(400);
    // The refusal is JSON, not a download: a route's own Content-Type and file name do not stick to it.
    expect(wrong.type).toMatch(/^application\/json/);
    const raw = await fetch(`${world.api.url}/inspections/${inspectionId}/ledger.xlsx?stage=finished`, {
      headers: { Authorization: `Bearer ${world.client.tokens.get(people.office)}` },
    });
    expect([raw.status, raw.headers.get('content-disposition')]).toEqual([400, null]);
    expect(wrong.body.reason).toMatchObject({ code: 'FIELD_INVALID', params: { field: 'stage' } });

    const reimport = await upload(
      world,
      `/inspections/${inspectionId}/imports/ledger`,
      people.office,
      '导出.xlsx',
      xlsx.raw,
    );
    expect(reimport.body.errors).toEqual([]);
    const result = await call(world, 'POST', `/imports/ledgers/${reimport.body.id}/commit`, people.office, {});
    expect(result.body).toMatchObject({
      problemsCreated: 0,
      measuresCreated: 0,
      measuresUpdated: 0,
      unchanged: 6,
      changes: [],
      notApplied: [],
    });
  });
});

describe('the progress notice', () => {
  it('round trip: seed → measures closed with progress summaries → notice → parser gives the same structure and counts', async () => {
    const inspectionId = await newInspection(`通报-${tag}`, fastPolicy({ lookBackAfter: 'PT1S' }));
    const preview = await upload(
      world,
      `/inspections/${inspectionId}/imports/document`,
      people.office,
      'seed.txt',
      SEED,
    );
    await call(world, 'POST', `/imports/documents/${preview.body.id}/commit`, people.office, {
      leadDepartmentId: department,
      responsibleLeaderId: people.leader,
      dueAt: '2099-06-30',
    });
    const measures: { id: string; text: string }[] = await dataSource.query(
      'SELECT id, text FROM measure WHERE inspection_id = $1 ORDER BY id',
      [inspectionId],
    );
    const queue = [...measures];
    const drive = async () => {
      for (let measure = queue.shift(); measure; measure = queue.shift()) {
        await bringTo(world, measure.id, 'lookback', {
          summary: `已完成:${measure.text}`,
          file: { name: '佐证.txt', bytes: Buffer.from(measure.text), type: 'text/plain' },
        });
      }
    };
    await Promise.all(Array.from({ length: 6 }, drive));
    await waitFor(
      async () =>
        (
          await dataSource.query('SELECT count(*)::int AS n FROM measure WHERE inspection_id = $1 AND look_back_due', [
            inspectionId,
          ])
        )[0].n === 138,
      'every look-back to fall due',
      60_000,
    );
    const closeQueue = [...measures];
    const close = async () => {
      for (let measure = closeQueue.shift(); measure; measure = closeQueue.shift())
        await actOk(world, measure.id, 'record_look_back', people.supervisor, { result: 'holds' });
    };
    await Promise.all(Array.from({ length: 6 }, close));
    for (const kind of ['meeting', 'meeting', 'supervision', 'rule', 'campaign']) {
      expect(
        (
          await call(world, 'POST', `/inspections/${inspectionId}/records`, people.office, {
            kind,
            title: `${kind} 记录`,
            heldOn: '2024-05-10',
            measureIds: [measures[0].id],
          })
        ).status,
      ).toBe(201);
    }

    const draft = await call(world, 'POST', `/inspections/${inspectionId}/notice`, people.office);
    expect(draft.status).toBe(201);
    const edited = await call(world, 'PUT', `/notices/${draft.body.id}`, people.office, {
      contact: {
        phone: '0563-2626101',
        address: '安徽省宣城市宣酒大道66号',
        postcode: '242000',
        email: 'dangqb123@163.com',
      },
      date: '2025年7月25日',
    });
    expect(edited.status).toBe(200);
    const json = await call(world, 'GET', `/notices/${draft.body.id}/preview`, people.office);
    expect(json.body.part1.paragraphs.join('')).toContain('共召开整改工作专题会议、调度会议2次,开展内部督查1次');
    expect(json.body.part1.paragraphs.join('')).toContain(
      '对反馈的41个具体问题制定138项整改措施并实行整改销号闭环管理,目前已完成整改措施138项,41个问题已整改销号',
    );
    expect(json.body.part1.paragraphs.join('')).toContain('已建立和完善相关制度1个,开展专项整治1个');
    expect(json.body.opening).toBe(
      '2023年11月28日至2024年1月19日,五届市委第六轮第一巡察组对宣城经开区党工委进行了巡察。2024年4月19日,五届市委第六轮第一巡察组向宣城经开区党工委反馈了巡察意见。按照巡察工作有关要求,现将巡察整改进展情况予以公布。',
    );

    const text = await call(world, 'GET', `/notices/${draft.body.id}/preview?format=txt`, people.office);
    const reparsed = parseNotice(text.body);
    const seed = parseNotice(SEED.toString('utf8'));
    expect(reparsed.counts).toEqual(seed.counts);
    const outline = (sections: typeof seed.sections) =>
      sections.flatMap((section) =>
        problemsOf(section).map(({ category, group, problem }) => [
          category?.number,
          category?.title,
          group?.number,
          group?.title,
          problem.number,
          problem.title,
          problem.measures.length,
        ]),
      );
    expect(outline(reparsed.sections)).toEqual(outline(seed.sections));
    expect(problemsOf(reparsed.sections[1])[0].problem.measures[0].text).toMatch(/^已完成:坚持“第一议题”制度/);
    expect(reparsed.contact).toEqual(seed.contact);
    expect(reparsed.date).toBe('2025年7月25日');

    const docx = await call(world, 'GET', `/notices/${draft.body.id}/preview?format=docx`, people.office);
    const docxText = await documentText('notice.docx', docx.raw);
    for (const { problem } of problemsOf(seed.sections[1])) expect(docxText).toContain(problem.title);
    expect(parseNotice(docxText).counts).toEqual(seed.counts);
    const markdown = await call(world, 'GET', `/notices/${draft.body.id}/preview?format=md`, people.office);
    expect(parseNotice(markdown.body).counts).toEqual(seed.counts);
  });

  it('publishes to a public page that leaks nothing private, escapes text, and takes throttled feedback into the office inbox', async () => {
    const inspectionId = await newInspection(`公开-${tag}`);
    await call(world, 'POST', `/inspections/${inspectionId}/problems`, people.office, {
      sectionNumber: '二',
      sectionTitle: '问题整改情况',
      number: 1,
      title: '测试<script>alert(1)</script>问题',
      measures: [
        {
          text: '秘密措施说明',
          kind: 'deadline',
          leadDepartmentId: department,
          responsibleLeaderId: people.leader,
          dueAt: '2099-06-30',
        },
      ],
    });
    const draft = await call(world, 'POST', `/inspections/${inspectionId}/notice`, people.office);
    expect((await call(world, 'GET', `/public/notices/${draft.body.id}`, null)).status).toBe(404);
    expect((await call(world, 'POST', `/notices/${draft.body.id}/publish`, people.staff)).status).toBe(403);
    const published = await call(world, 'POST', `/notices/${draft.body.id}/publish`, people.office);
    expect(published.status).toBe(200);

    const page = await call(world, 'GET', `/public/notices/${draft.body.id}`, null);
    expect(page.status).toBe(200);
    expect(page.body).toContain('测试&lt;script&gt;alert(1)&lt;/script&gt;问题');
    expect(page.body).not.toContain('<script>alert(1)');
    const json = await call(world, 'GET', `/public/notices/${draft.body.id}/content.json`, null);
    const serialised = JSON.stringify(json.body);
    expect(serialised).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    for (const secret of [
      leaderName,
      departmentName,
      `陈经办-${tag}`,
      'leadDepartment',
      'responsibleLeader',
      'actor',
      'evidence',
    ])
      expect(serialised).not.toContain(secret);
    expect(Object.keys(json.body).sort()).toEqual([
      'closingCall',
      'contact',
      'date',
      'opening',
      'part1',
      'part3',
      'sections',
      'signer',
      'title',
    ]);

    const sent = await call(world, 'POST', `/public/notices/${draft.body.id}/feedback`, null, {
      name: '群众',
      content: '建议加快整改进度',
    });
    expect(sent.status).toBe(201);
    expect(
      (await call(world, 'POST', `/public/notices/${draft.body.id}/feedback`, null, { content: '   ' })).status,
    ).toBe(400);
    expect(
      (await call(world, 'POST', `/public/notices/${draft.body.id}/feedback`, null, { content: '长'.repeat(2001) }))
        .status,
    ).toBe(400);
    const form = await fetch(`${api.url}/public/notices/${draft.body.id}/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ content: '表单提交<b>' }).toString(),
    });
    expect(form.status).toBe(201);
    expect(await form.text()).toContain('已收到您的意见建议');
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1)
      statuses.push(
        (await call(world, 'POST', `/public/notices/${draft.body.id}/feedback`, null, { content: `第${index}条` }))
          .status,
      );
    expect(statuses).toContain(429);

    const notifications = await call(world, 'GET', '/notifications', people.office);
    expect(
      notifications.body.items.some(
        (item: { kind: string; body: string }) => item.kind === 'public_feedback' && item.body === '建议加快整改进度',
      ),
    ).toBe(true);
    const inbox = await call(world, 'GET', `/inspections/${inspectionId}/feedback`, people.office);
    expect(inbox.body.items.map((item: { content: string }) => item.content)).toEqual(
      expect.arrayContaining(['建议加快整改进度', '表单提交<b>']),
    );
    expect(inbox.body.unread).toBe(inbox.body.items.length);
    await call(world, 'POST', `/feedback/${inbox.body.items[0].id}/read`, people.office);
    expect((await call(world, 'GET', `/inspections/${inspectionId}/feedback`, people.office)).body.unread).toBe(
      inbox.body.items.length - 1,
    );
    expect((await call(world, 'GET', `/inspections/${inspectionId}/feedback`, people.staff)).status).toBe(403);
  });
});
