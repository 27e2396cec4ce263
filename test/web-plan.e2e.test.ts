/**
 * The plan's upkeep on screen, in Chromium against the real stack: 交办 with 承办人 and 交办要求 (the
 * 承办人 then reads them on the measure), 调整责任 in a dialog (the old department's clerk no longer
 * sees the measure, the new one's does), 调整时限 with the leader's consent showing 原定时限 and
 * 调整后时限, 作废 struck through, and 批量交办 from the ledger with each measure's result.
 * Screenshots: 30-assign-form … 35-batch-result.
 */
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS, signInPage } from './support/browser';
import { waitFor } from './support/stack';
import { actOk, buildWorld, call, createMeasure, createProblem, measureAt, startStack, World } from './support/world';

const tag = Date.now().toString(36);
let world: World<'office' | 'leader' | 'coLeader' | 'clerkA' | 'doerA' | 'clerkB', 'a' | 'b'>;
let browser: Browser;
const sessions: BrowserContext[] = [];

beforeAll(async () => {
  world = await buildWorld(await startStack('web-plan'), {
    departments: { a: `规划甲局-${tag}`, b: `规划乙局-${tag}` },
    people: {
      office: { name: `方案办-${tag}`, roles: 'office' },
      leader: `方案领导-${tag}`,
      coLeader: `方案副领导-${tag}`,
      clerkA: { name: `甲局经办-${tag}`, department: 'a' },
      doerA: { name: `甲局承办-${tag}`, department: 'a' },
      clerkB: { name: `乙局经办-${tag}`, department: 'b' },
    },
    inspection: { title: `方案调整-${tag}` },
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const context of sessions) await context.close().catch(() => undefined);
  await browser?.close();
  await world?.stop();
});

async function open(who: keyof typeof world.users): Promise<Page> {
  const { context, page } = await signInPage(browser, world.origin, world.users[who].username);
  sessions.push(context);
  await page.getByTestId('nav').waitFor();
  return page;
}

async function openMeasure(page: Page, id: string) {
  await page.goto(`${world.origin}/measures/${id}`);
  await page.getByTestId('measure-page').waitFor();
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/**
 * Picks an option of a searchable select by typing its label, as a person with a long list does; a
 * multiple select's list stays open, and Escape closes it (not in a dialog, which Escape would close).
 */
async function choose(page: Page, testId: string, label: string, { multiple = false } = {}) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(label);
  await page.locator('.ant-select-dropdown:visible').getByTitle(label, { exact: true }).click();
  if (multiple) await page.keyboard.press('Escape');
}

/** Types a day into a date picker, replacing what it holds, and leaves the field (a click on the dialog's title). */
async function typeDate(page: Page, testId: string, day: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(day);
  await page.keyboard.press('Tab');
  await waitFor(async () => (await input.inputValue()) === day, `the date ${day} in ${testId}`);
}

const stageOf = (page: Page) => page.getByTestId('measure-stage').innerText();

it('hands a measure out with its 承办人, co-leader and 交办要求, which the 承办人 then reads on the measure', async () => {
  const id = await createMeasure(world, { text: `编制用地规划-${tag}`, dueAt: '2099-06-30' });
  const office = await open('office');
  await openMeasure(office, id);
  const form = office.getByTestId('action-assign');
  // The plan's deadline is there to confirm.
  expect(await office.getByTestId('assign-due').inputValue()).toBe('2099-06-30');
  await choose(office, 'assign-assignee', world.users.doerA.name);
  await choose(office, 'assign-coleaders', world.users.coLeader.name, { multiple: true });
  await office.getByTestId('assign-instructions').fill('请于每月底前报送进展，并附会议纪要');
  await shot(office, '30-assign-form');
  await form.getByTestId('submit-assign').click();
  await waitFor(async () => (await stageOf(office)) === '整改', 'the measure in 整改');
  expect(await office.getByTestId('measure-instructions').innerText()).toBe('请于每月底前报送进展，并附会议纪要');

  const stored = (await call(world, 'GET', `/measures/${id}`, 'office')).body;
  expect(stored).toMatchObject({
    assigneeId: world.people.doerA,
    coLeaderIds: [world.people.coLeader],
    instructions: '请于每月底前报送进展，并附会议纪要',
    originalDueAt: expect.stringMatching(/^2099-06-30/),
  });

  const doer = await open('doerA');
  await openMeasure(doer, id);
  expect(await doer.getByTestId('measure-instructions').innerText()).toBe('请于每月底前报送进展，并附会议纪要');
  expect(await doer.getByTestId('measure-assignee').innerText()).toBe(world.users.doerA.name);
  expect(await doer.getByTestId('measure-details').innerText()).toContain(world.users.coLeader.name);
  await doer.getByTestId('action-submit_evidence').waitFor();
  await shot(doer, '31-assignee-reads-instructions');
});

it('offers as 承办人 only people of the lead department (the server refuses another)', async () => {
  const id = await createMeasure(world, { text: `核查闲置土地-${tag}` });
  const office = await open('office');
  await openMeasure(office, id);
  // The picker offers only the lead department's people; the server is asked directly here.
  const reply = await call(
    world,
    'POST',
    `/measures/${id}/actions/assign`,
    'office',
    { assigneeId: world.people.clerkB },
    { 'Idempotency-Key': `outside-${tag}` },
  );
  expect(reply.status).toBe(400);
  await office.getByTestId('assign-assignee').click();
  await office.keyboard.type(world.users.clerkB.name);
  expect(await office.locator('.ant-select-dropdown:visible').getByTitle(world.users.clerkB.name).count()).toBe(0);
  await office.keyboard.press('Escape');
});

it('moves a measure to another department in the 调整责任 dialog: the old clerk loses it, the new one sees it', async () => {
  const id = await createMeasure(world, { text: `整治违规占地-${tag}` });
  await actOk(world, id, 'assign', 'office');
  expect((await call(world, 'GET', `/measures/${id}`, 'clerkA')).status).toBe(200);
  expect((await call(world, 'GET', `/measures/${id}`, 'clerkB')).status).toBe(404);

  const office = await open('office');
  await openMeasure(office, id);
  await office.getByTestId('open-reassign').click();
  const dialog = office.getByTestId('dialog-reassign');
  await dialog.waitFor();
  await choose(office, 'reassign-lead', `规划乙局-${tag}`);
  // The reason is required.
  await office.getByTestId('submit-reassign').click();
  await dialog.getByText('请填写理由').waitFor();
  await office.getByTestId('reassign-reason').fill('职能划转至乙局');
  await shot(office, '32-reassign-dialog');
  await office.getByTestId('submit-reassign').click();
  await dialog.waitFor({ state: 'detached' });
  await office.getByText('已调整责任').first().waitFor();
  const history = office.getByTestId('owner-history');
  await history.getByText(`牵头部门：规划甲局-${tag} → 规划乙局-${tag}`).waitFor();
  expect(await history.innerText()).toContain('理由：职能划转至乙局');
  expect(await history.innerText()).toContain(world.users.office.name);

  const oldClerk = await open('clerkA');
  await oldClerk.goto(`${world.origin}/ledger`);
  await oldClerk.getByTestId('ledger-table').waitFor();
  await oldClerk.waitForTimeout(300);
  expect(await oldClerk.getByTestId('ledger-table').innerText()).not.toContain(`整治违规占地-${tag}`);
  expect((await call(world, 'GET', `/measures/${id}`, 'clerkA')).status).toBe(404);

  const newClerk = await open('clerkB');
  await newClerk.goto(`${world.origin}/ledger`);
  await newClerk.getByTestId('ledger-table').getByText(`整治违规占地-${tag}`).click();
  await newClerk.getByTestId('measure-page').waitFor();
  expect(await newClerk.getByTestId('measure-details').innerText()).toContain(`规划乙局-${tag}`);
  await newClerk.getByTestId('action-submit_evidence').waitFor();
});

it('changes the deadline with the leader’s consent and shows 原定时限 and 调整后时限', async () => {
  const id = await createMeasure(world, { text: `完善审批流程-${tag}`, dueAt: '2099-06-30' });
  await actOk(world, id, 'assign', 'office');
  const office = await open('office');
  await openMeasure(office, id);
  await office.getByTestId('open-change_deadline').click();
  const dialog = office.getByTestId('dialog-change_deadline');
  await dialog.getByText('需经责任领导同意').waitFor();
  await typeDate(office, 'change_deadline-due', '2099-12-31');
  await office.getByTestId('change_deadline-reason').fill('涉及跨部门协调，需延至年底');
  // Without the leader's consent ticked the office may not send it.
  await office.getByTestId('submit-change_deadline').click();
  await dialog.getByText('须经责任领导同意后才能调整时限').waitFor();
  await office.getByTestId('change_deadline-agreed').check();
  await shot(office, '33-change-deadline');
  await office.getByTestId('submit-change_deadline').click();
  await dialog.waitFor({ state: 'detached' });
  await office.getByTestId('measure-original-due').waitFor();
  expect(await office.getByTestId('measure-original-due').innerText()).toBe('2099-06-30');
  expect(await office.getByTestId('measure-due').innerText()).toBe('2099-12-31');
  const details = await office.getByTestId('measure-details').innerText();
  expect(details).toContain('原定时限');
  expect(details).toContain('调整后时限');
  const history = await office.getByTestId('owner-history').innerText();
  expect(history).toContain('整改时限：2099-06-30 → 2099-12-31');
  expect(history).toContain(`经${world.users.leader.name}同意`);
  const stored = (await call(world, 'GET', `/measures/${id}`, 'office')).body;
  expect(stored.originalDueAt).toMatch(/^2099-06-30/);
  expect(stored.dueAt).toMatch(/^2099-12-31/);
});

it('rewords a measure in the 修改措施 dialog: the new text on its page, the earlier one in its timeline', async () => {
  const id = await measureAt(world, 'rectify', { text: `建立台账-${tag}` });
  const office = await open('office');
  await openMeasure(office, id);
  await office.getByTestId('open-edit_text').click();
  await office.getByTestId('edit_text-text').fill(`建立并按月更新整改台账-${tag}`);
  await office.getByTestId('edit_text-reason').fill('按巡察组意见细化');
  await office.getByTestId('submit-edit_text').click();
  await office.getByTestId('dialog-edit_text').waitFor({ state: 'detached' });
  await office.getByTestId('measure-text').getByText(`建立并按月更新整改台账-${tag}`).waitFor();
  await office.getByText(`原为：建立台账-${tag}`).waitFor();
  expect((await call(world, 'GET', `/measures/${id}`, 'office')).body.text).toBe(`建立并按月更新整改台账-${tag}`);
});

it('voids a measure: struck through on its page and in the ledger, labelled 已作废', async () => {
  const id = await createMeasure(world, { text: `撤销重复措施-${tag}` });
  const office = await open('office');
  await openMeasure(office, id);
  await office.getByTestId('open-void').click();
  await office.getByTestId('void-reason').fill('与第一项措施重复');
  await office.getByTestId('submit-void').click();
  await office.getByTestId('dialog-void').waitFor({ state: 'detached' });
  await waitFor(async () => (await stageOf(office)) === '已作废', 'the voided stage');
  expect(await office.getByTestId('measure-text').locator('del').count()).toBe(1);
  await office.getByTestId('voided').waitFor();
  expect(await office.getByTestId('plan-actions').count()).toBe(0);
  await shot(office, '34-voided');

  await office.goto(`${world.origin}/ledger?q=${encodeURIComponent(`撤销重复措施-${tag}`)}`);
  const cell = office.getByTestId('ledger-table').getByTestId('voided-measure');
  await cell.waitFor();
  expect(await cell.innerText()).toBe(`撤销重复措施-${tag}`);
  expect(await cell.locator('del').count()).toBe(1);
  expect(await office.getByTestId('ledger-table').innerText()).toContain('已作废');
});

it('hands several measures out at once from the ledger and shows each one’s result', async () => {
  const problem = await createProblem(world, {
    title: `批量问题-${tag}`,
    measures: [1, 2, 3, 4].map((n) => ({ text: `批量措施${n}-${tag}`, dueAt: '2099-08-31' })),
  });
  const ids = problem.measures.map((measure) => measure.id);
  // One of them was handed out already: the batch refuses it and hands out the others.
  await actOk(world, ids[3], 'assign', 'office');

  const office = await open('office');
  await office.goto(`${world.origin}/ledger?q=${encodeURIComponent(`-${tag}`)}&sort=problemNumber`);
  const table = office.getByTestId('ledger-table');
  await table.getByText(`批量措施4-${tag}`).waitFor();
  await office.getByTestId('batch-select').click();
  for (const n of [1, 2, 3, 4])
    await table
      .locator('tr', { hasText: `批量措施${n}-${tag}` })
      .locator('input[type=checkbox]')
      .check();
  await office.getByTestId('batch-assign-open').click();
  const batch = office.getByTestId('batch-assign');
  await batch.waitFor();
  await choose(office, 'assign-assignee', world.users.doerA.name);
  await office.getByTestId('assign-instructions').fill('统一交办，月底前报送方案');
  await batch.getByTestId('submit-assign').click();
  const result = office.getByTestId('batch-result');
  await result.getByText('3 项成功，1 项未成功').waitFor();
  const failure = await result.getByTestId('batch-failure').innerText();
  expect(failure).toContain(`批量措施4-${tag}`);
  expect(failure).toContain('当前阶段不能进行此操作');
  expect(failure).toContain('当前处于整改阶段，不能交办');
  await shot(office, '35-batch-result');

  for (const id of ids.slice(0, 3)) {
    const stored = (await call(world, 'GET', `/measures/${id}`, 'office')).body;
    expect(stored).toMatchObject({
      stage: 'rectify',
      assigneeId: world.people.doerA,
      instructions: '统一交办，月底前报送方案',
    });
  }
  expect((await call(world, 'GET', `/measures/${ids[3]}`, 'office')).body.instructions).toBeNull();
});

it('filters the ledger by 完成情况', async () => {
  const office = await open('office');
  await office.goto(`${world.origin}/ledger?progress=open&q=${encodeURIComponent(`-${tag}`)}`);
  const table = office.getByTestId('ledger-table');
  await table.getByText(`批量措施1-${tag}`).waitFor();
  expect(await table.innerText()).not.toContain(`撤销重复措施-${tag}`);
  await choose(office, 'filter-progress', '已完成');
  await waitFor(async () => new URL(office.url()).searchParams.get('progress') === 'done', 'the filter in the URL');
  await table.locator('.ant-empty').waitFor();
});

it('edits the owners of a plan import before the commit: per problem, names mapped or created, the refusal listed', async () => {
  const [deptA, deptB] = [`规划甲局-${tag}`, `规划乙局-${tag}`];
  const [unknownDept, newLeader] = [`县未知局${tag}`, `新任领导${tag}`];
  const plan = [
    '二、整改措施',
    `（41）问题甲-${tag}`,
    `责任领导：${world.users.leader.name} 牵头单位：${deptA} 整改时限：2099年9月底前`,
    `一是措施甲一-${tag}。二是措施甲二-${tag}（牵头单位：${unknownDept}）。`,
    `（42）问题乙-${tag}`,
    `责任领导：${newLeader}`,
    `一是措施乙一-${tag}。`,
  ].join('\n');
  const office = await open('office');
  await office.goto(`${world.origin}/documents`);
  await office
    .locator('[data-testid=document-upload]')
    .locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]')
    .setInputFiles({ name: '整改方案.md', mimeType: 'text/markdown', buffer: Buffer.from(plan) });
  const owners = office.getByTestId('import-owners');
  await owners.waitFor();
  const row = (key: string) => owners.locator('tr', { has: office.getByTestId(`owners-edit-${key}`) });
  // The owners the plan names, resolved; the unknown name marked, what each measure lacks listed.
  expect(await row('41-1').innerText()).toContain(deptA);
  expect(await row('41-1').innerText()).toContain('2099-09-30');
  expect(await row('41-1').innerText()).toContain('齐全');
  expect(await row('41-2').innerText()).toContain(`${unknownDept}（未匹配）`);
  expect(await office.getByTestId('owners-missing-41-2').innerText()).toContain('牵头部门');
  expect(await office.getByTestId('owners-missing-42-1').innerText()).toMatch(/牵头部门[\s\S]*责任领导[\s\S]*整改时限/);
  const names = office.getByTestId('unknown-names');
  expect(await names.innerText()).toContain(unknownDept);
  expect(await names.innerText()).toContain(newLeader);
  await shot(office, '36-import-owners');

  // A commit now is refused, and the refusal lists the measures.
  await office.getByTestId('commit-import').click();
  const refusal = office.getByTestId('commit-missing');
  await refusal.waitFor();
  expect(await refusal.innerText()).toContain('问题41措施2：缺牵头部门');
  expect(await refusal.innerText()).toContain('问题42措施1：缺');

  // The unknown department means 乙局; the new leader is created at the commit.
  await choose(office, `map-${unknownDept}`, deptB);
  await waitFor(async () => (await row('41-2').innerText()).includes(deptB), 'the mapped department');
  await office.getByTestId(`create-${newLeader}`).click();
  await names.getByText('导入时新建').waitFor();
  await waitFor(
    async () => (await row('42-1').innerText()).includes(`${newLeader}（导入时新建）`),
    'the leader marked',
  );

  // Problem 42 gets its lead department and deadline for all its measures.
  await office.getByTestId('owners-problem-42-1').click();
  await office.getByTestId('owners-dialog').waitFor();
  await choose(office, 'owners-lead', deptA);
  await typeDate(office, 'owners-due', '2099-12-31');
  await office.getByTestId('owners-save').click();
  await office.getByTestId('owners-dialog').waitFor({ state: 'detached' });
  await waitFor(async () => (await row('42-1').innerText()).includes('齐全'), 'problem 42 complete');
  expect(await row('42-1').innerText()).toContain('2099-12-31');

  await office.getByTestId('commit-import').click();
  await office.getByTestId('import-result').getByText('已导入 2 个问题、3 项措施').waitFor();
  const listed = (
    await call(
      world,
      'GET',
      `/measures?inspectionId=${world.inspection}&q=${encodeURIComponent(tag)}&limit=100`,
      'office',
    )
  ).body.items as { text: string; leadDepartmentId: string; responsibleLeaderId: string; dueAt: string }[];
  const measure = (text: string) => listed.find((item) => item.text.startsWith(text))!;
  expect(measure(`措施甲二-${tag}`).leadDepartmentId).toBe(world.departments.b);
  expect(measure(`措施乙一-${tag}`)).toMatchObject({
    leadDepartmentId: world.departments.a,
    dueAt: expect.stringMatching(/^2099-12-31/),
  });
  const leaders = (await call(world, 'GET', '/people', 'office')).body as { id: string; name: string }[];
  expect(measure(`措施乙一-${tag}`).responsibleLeaderId).toBe(leaders.find((person) => person.name === newLeader)?.id);
});

it('lets the office retitle the problem from a measure and delete a measure entered by mistake before 交办', async () => {
  const problem = await createProblem(world, { title: `原问题标题-${tag}`, measures: [{ text: `误录措施-${tag}` }] });
  const id = problem.measures[0].id;
  const office = await open('office');
  await openMeasure(office, id);
  await office.getByTestId('open-retitle').click();
  await office.getByTestId('retitle-title').fill(`新问题标题-${tag}`);
  await office.getByTestId('retitle-reason').fill('按巡察反馈意见原文更正');
  await office.getByTestId('retitle-save').click();
  await office.getByText('已修改问题').waitFor();
  await waitFor(
    async () => (await call(world, 'GET', `/measures/${id}`, 'office')).body.problem.title === `新问题标题-${tag}`,
    'the new title',
  );
  const changes = (await call(world, 'GET', `/inspections/${world.inspection}/plan-changes`, 'office')).body as {
    detail?: unknown;
  }[];
  expect(JSON.stringify(changes)).toContain(`原问题标题-${tag}`);

  await office.getByTestId('delete-measure').click();
  await office.getByTestId('delete-measure-confirm').click();
  await office.waitForURL((url) => url.pathname === '/ledger');
  await office.getByText('已删除措施').waitFor();
  expect((await call(world, 'GET', `/measures/${id}`, 'office')).status).toBe(404);

  // After 交办 there is no delete, only 作废.
  const handedOut = await createMeasure(world, { text: `已交办措施-${tag}` });
  await actOk(world, handedOut, 'assign', 'office');
  await openMeasure(office, handedOut);
  await office.getByTestId('open-retitle').waitFor();
  expect(await office.getByTestId('delete-measure').count()).toBe(0);
});
