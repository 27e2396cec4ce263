/**
 * The web workbench in a real browser (Debian's Chromium through playwright-core) against the real
 * stack: staff uploads evidence → reviewer rejects with a reason → staff resubmits → reviewer approves
 * → leader signs off on a phone-sized screen → look-back holds → the dashboard counts change.
 * Also: another department does not see the measure; the language switch changes every visible
 * string; a refused action shows the server's reason. Screenshots go to test-results/screenshots.
 */
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS, signInPage } from './support/browser';
import { fastPolicy, waitFor } from './support/stack';
import {
  act,
  buildWorld,
  call,
  createInspection,
  createMeasure,
  measureAt,
  startStack,
  submitEvidence,
  World,
} from './support/world';

let world: World<
  'office' | 'reviewer' | 'leader' | 'supervisor' | 'staff' | 'other' | 'alice' | 'bob',
  'a' | 'fiscal' | 'finance'
>;
let origin: string;
let browser: Browser;
const tag = Date.now().toString(36);
let users: typeof world.users;
let inspectionId: string;
let englishInspectionId: string;
let departmentA: string;
let finance: string;

/** A measure of problem `number`, assigned (整改); the English inspection's headings are in English. */
const measure = (
  inspection: string,
  number: number,
  text: string,
  leadDepartmentId: string,
  responsibleLeaderId: string,
  office: string,
): Promise<string> =>
  measureAt(world, 'rectify', {
    inspection,
    number,
    text,
    leadDepartmentId,
    responsibleLeaderId,
    office,
    ...(inspection === englishInspectionId
      ? { sectionNumber: '2', sectionTitle: 'Findings', title: `Finding ${number}` }
      : { sectionNumber: '二', sectionTitle: '问题整改情况', title: `问题${number}` }),
  });

async function open(
  username: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const session = await signInPage(browser, origin, username, undefined, viewport);
  await session.page.getByTestId('nav').waitFor();
  return session;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function openMeasure(page: Page, id: string) {
  await page.goto(`${origin}/measures/${id}`);
  await page.getByTestId('measure-page').waitFor();
}

const stage = (page: Page) => page.getByTestId('measure-stage').innerText();

/**
 * Picks an option of a searchable select by typing its label, as a user with a long list does: the
 * list renders only the rows in view, so after other suites have added people an option may not be
 * in the page until the list is filtered.
 */
async function choose(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(label);
  await page.locator('.ant-select-dropdown:visible').getByTitle(label, { exact: true }).click();
}

beforeAll(async () => {
  world = await buildWorld(await startStack('web'), {
    departments: { a: `投资合作中心-${tag}`, fiscal: `财政局-${tag}`, finance: `Finance-${tag}` },
    people: {
      office: { name: '王整改', roles: 'office' },
      reviewer: { name: '李审核', roles: 'reviewer' },
      leader: '赵领导',
      supervisor: { name: '周督查', roles: 'supervisor' },
      staff: { name: '陈经办', department: 'a' },
      other: { name: '刘财政', department: 'fiscal' },
      alice: { name: 'Alice', department: 'finance' },
      bob: 'Bob',
    },
    inspection: { title: `巡察整改-${tag}`, policy: fastPolicy({ lookBackAfter: 'PT3S' }) },
  });
  ({ origin, users, inspection: inspectionId } = world);
  ({ a: departmentA, finance } = world.departments);
  englishInspectionId = await createInspection(
    world,
    {
      title: `Audit 2025 ${tag}`,
      kind: 'audit',
      inspectingBody: 'City audit office',
      inspectedUnit: 'Development zone',
    },
    { bob: 'office' },
  );
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

it('takes a measure from evidence to closed through the screens, with the leader on a phone', async () => {
  const measureId = await measure(
    inspectionId,
    1,
    '修订招商引资项目入园审查办法',
    departmentA,
    users.leader.id,
    users.office.id,
  );
  const dashboardBefore = (await call(world, 'GET', `/inspections/${inspectionId}/dashboard`, users.office.id)).body
    .totals.closed;

  // Staff: my work lists the measure; upload evidence by drag-and-drop input, submit.
  const staff = await open(users.staff.username);
  await staff.page.getByTestId('work-submit_evidence').waitFor();
  await shot(staff.page, '01-my-work-staff');
  await staff.page.getByTestId('work-item').first().click();
  await staff.page.getByTestId('measure-page').waitFor();
  await staff.page
    .locator('[data-testid=evidence-upload] input[type=file]')
    .setInputFiles({ name: '会议纪要.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 会议纪要') });
  await staff.page.getByTestId('evidence-list').getByText('会议纪要.pdf').waitFor();
  await staff.page
    .locator('[data-testid=evidence-upload] input[type=file]')
    .setInputFiles({ name: 'virus.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await staff.page.getByText('virus.exe:不支持的文件类型').waitFor();
  await staff.page.getByTestId('field-summary').fill('已修订审查办法并印发');
  await staff.page.getByTestId('submit-submit_evidence').click();
  await waitFor(async () => (await stage(staff.page)) === '审核', 'the review stage');
  await shot(staff.page, '02-measure-submitted');

  // Reviewer: reject with a reason (the reason is required first).
  const reviewer = await open(users.reviewer.username);
  await openMeasure(reviewer.page, measureId);
  await reviewer.page.getByTestId('action-review').getByText('退回').click();
  await reviewer.page.getByTestId('submit-review').click();
  await reviewer.page.getByTestId('action-review').getByText('必填').waitFor();
  await reviewer.page.getByTestId('field-reason').fill('缺少印发文件');
  await reviewer.page.getByTestId('submit-review').click();
  await waitFor(async () => (await stage(reviewer.page)) === '整改', 'back to rectify');
  await reviewer.page.getByTestId('timeline').getByText('缺少印发文件').waitFor();
  await shot(reviewer.page, '03-review-rejected');

  // Staff sees the rejection in the inbox and resubmits.
  await staff.page.reload();
  await waitFor(
    async () => Number((await staff.page.getByTestId('inbox-count').innerText()) || 0) > 0,
    'an unread notification',
  );
  await staff.page
    .locator('[data-testid=evidence-upload] input[type=file]')
    .setInputFiles({ name: '印发文件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 印发') });
  await staff.page.getByTestId('evidence-list').getByText('印发文件.pdf').waitFor();
  await staff.page.getByTestId('field-summary').fill('已补充印发文件');
  await staff.page.getByTestId('submit-submit_evidence').click();
  await waitFor(async () => (await stage(staff.page)) === '审核', 'the second review');

  // Reviewer approves.
  await reviewer.page.reload();
  await reviewer.page.getByTestId('submit-review').click();
  await waitFor(async () => (await stage(reviewer.page)) === '销号', 'sign-off');

  // Leader signs off on a phone-sized screen.
  const leader = await open(users.leader.username, { width: 390, height: 844 });
  await leader.page.getByTestId('work-sign_off').waitFor();
  await leader.page.getByTestId('work-item').first().click();
  await leader.page.getByTestId('action-sign_off').scrollIntoViewIfNeeded();
  await shot(leader.page, '04-leader-phone-sign-off');
  await leader.page.getByTestId('submit-sign_off').click();
  await waitFor(async () => (await stage(leader.page)) === '回头看', 'the look-back stage');

  // Supervisor records the look-back once it falls due.
  const supervisor = await open(users.supervisor.username);
  await waitFor(
    async () => (await call(world, 'GET', `/measures/${measureId}`, users.supervisor.id)).body.lookBackDue,
    'the look-back to fall due',
  );
  await openMeasure(supervisor.page, measureId);
  await supervisor.page.getByTestId('submit-record_look_back').click();
  await waitFor(async () => (await stage(supervisor.page)) === '办结', 'closed');
  await shot(supervisor.page, '05-closed');

  // The dashboard counts the closure.
  const office = await open(users.office.username);
  await office.page.goto(`${origin}/dashboard`);
  await office.page.getByTestId('stat-closed').waitFor();
  expect(await office.page.getByTestId('stat-closed').innerText()).toContain(String(dashboardBefore + 1));
  await office.page.waitForTimeout(500);
  await shot(office.page, '06-dashboard');
  await office.page.getByTestId('stat-closed').click();
  await office.page.getByTestId('ledger-table').getByText('修订招商引资项目入园审查办法').waitFor();
  await shot(office.page, '07-ledger-closed');
  for (const session of [staff, reviewer, leader, supervisor, office]) await session.context.close();
});

it('does not show one department the measures of another', async () => {
  const measureId = await measure(inspectionId, 2, '清理闲置低效用地', departmentA, users.leader.id, users.office.id);
  const other = await open(users.other.username);
  await other.page.goto(`${origin}/ledger`);
  await other.page.getByTestId('ledger-table').waitFor();
  expect(await other.page.getByTestId('ledger-table').innerText()).not.toContain('清理闲置低效用地');
  await openMeasureExpectingError(other.page, measureId);
  await shot(other.page, '08-other-department');
  await other.context.close();
});

async function openMeasureExpectingError(page: Page, id: string) {
  await page.goto(`${origin}/measures/${id}`);
  // Said in Chinese from the refusal's reason, not the server's English words.
  await page.getByText('措施不存在或无权查看').waitFor();
  expect(await page.getByText('no measure with id').count()).toBe(0);
}

it('shows the server’s reason when an action is refused', async () => {
  const measureId = await measure(inspectionId, 3, '完善项目帮扶机制', departmentA, users.leader.id, users.office.id);
  await submitEvidence(world, measureId, { who: users.staff.id, summary: '完成' });
  const reviewer = await open(users.reviewer.username);
  await openMeasure(reviewer.page, measureId);
  // Meanwhile the office reviews it first.
  await act(world, measureId, 'review', users.office.id, { decision: 'approve' });
  await reviewer.page.getByTestId('submit-review').click();
  // The form was stale: the page reloads what may be done now and keeps the refusal on top, a
  // headline chosen by the server's error code, then its reason code said in Chinese (not the server's English).
  const result = reviewer.page.getByTestId('action-result');
  await result.getByText('当前阶段不能进行此操作').waitFor();
  const refusal = await result.innerText();
  expect(refusal).toContain('操作未成功');
  expect(refusal).toContain('当前处于销号阶段，不能审核');
  expect(refusal).toContain('页面已刷新为最新状态');
  expect(refusal).not.toContain('is not allowed in stage');
  await shot(reviewer.page, '09-refused');
  await reviewer.context.close();
});

it('says in Chinese why a sign-in failed', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.getByTestId('username').fill(`nobody-${tag}`);
  await page.getByTestId('password').fill('Wrong-password-9');
  await page.getByTestId('sign-in').click();
  const error = page.getByTestId('sign-in-error');
  await error.waitFor();
  const text = await error.innerText();
  expect(text).toContain('登录失败');
  expect(text).toContain('用户名或密码不正确');
  expect(text).not.toContain('wrong username or password');
  await context.close();
});

it('lets the office import a plan, correct it, commit it, and publish the notice, all on screen', async () => {
  const office = await open(users.office.username);
  await office.page.goto(`${origin}/documents`);
  await office.page.getByTestId('documents').waitFor();
  const plan = [
    '二、问题整改情况',
    '(一)党的建设方面',
    '1.基层组织',
    '(11)组织生活不规范。一是制定组织生活清单。二是开展专项督导。',
    '(12)临时问题。一是措施。',
    '(13)党员发展不严格。一是全面自查。',
  ].join('\n');
  await office.page
    .locator('[data-testid=document-upload]')
    .locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]')
    .setInputFiles({ name: '整改方案.md', mimeType: 'text/markdown', buffer: Buffer.from(plan) });
  await office.page.getByText('识别结果:3 个问题,4 项措施').waitFor();
  await shot(office.page, '11-import-preview');
  await office.page
    .getByRole('row', { name: /临时问题/ })
    .getByText('删除')
    .click();
  await office.page.getByText('识别结果:2 个问题,3 项措施').waitFor();
  await choose(office.page, 'commit-department', `投资合作中心-${tag}`);
  await choose(office.page, 'commit-leader', '赵领导');
  await office.page.getByTestId('commit-due').click();
  await office.page.keyboard.type('2099-06-30');
  // Enter confirms the date and, as in any form, may already submit it; click only if it has not.
  await office.page.keyboard.press('Enter');
  await office.page.waitForTimeout(300);
  if (await office.page.getByTestId('commit-import').isVisible())
    await office.page
      .getByTestId('commit-import')
      .click({ timeout: 5000 })
      .catch(() => undefined);
  await office.page.getByTestId('import-result').getByText('已导入 2 个问题、3 项措施').waitFor();
  const [{ n }] = await world.dataSource.query(
    'SELECT count(*)::int AS n FROM problem WHERE inspection_id = $1 AND number IN (11, 12, 13)',
    [inspectionId],
  );
  expect(n).toBe(2);

  await office.page.getByRole('tab', { name: '整改进展通报' }).click();
  await office.page.getByTestId('notice-phone').fill('0563-2626101');
  await office.page.getByTestId('notice-save').click();
  await office.page
    .getByTestId('notice-preview')
    .getByText(/联系电话:0563-2626101/)
    .waitFor();
  expect(await office.page.getByTestId('notice-preview').innerText()).toContain(
    '(11)组织生活不规范。一是制定组织生活清单。二是开展专项督导。',
  );
  await shot(office.page, '12-notice');
  await office.page.getByTestId('notice-publish').click();
  await office.page.getByTestId('notice-publish-confirm').click();
  const link = await office.page.getByTestId('public-link').getAttribute('href');
  const visitor = await browser.newPage();
  await visitor.goto(`${origin}${link}`);
  await visitor.getByText('组织生活不规范').first().waitFor();
  await visitor.locator('#content').fill('建议公开整改时间表');
  await visitor.getByRole('button', { name: '提交' }).click();
  await visitor.getByText('已收到您的意见建议,谢谢!').waitFor();
  await visitor.screenshot({ path: join(SCREENSHOTS, '13-public-notice.png'), fullPage: true });
  await visitor.close();
  await office.page.getByRole('tab', { name: '群众意见' }).click();
  await office.page.getByText('建议公开整改时间表').waitFor();
  await office.context.close();
});

/** The page's text, less the language switch (which names each language in that language, as switches do). */
const visibleText = (page: Page): Promise<string> =>
  page.evaluate(`(() => {
    const clone = document.body.cloneNode(true);
    clone.querySelectorAll('[data-testid=language-switch]').forEach((element) => element.remove());
    clone.style.position = 'absolute';
    document.body.appendChild(clone);
    const text = clone.innerText;
    clone.remove();
    return text;
  })()`);

it('switches every visible string to English', async () => {
  await measure(englishInspectionId, 1, 'Publish the budget', finance, users.alice.id, users.bob.id);
  const bob = await open(users.bob.username);
  await bob.page.getByTestId('language-switch').getByText('EN').click();
  const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;
  for (const path of ['/work', '/ledger', '/dashboard']) {
    await bob.page.goto(`${origin}${path}`);
    await bob.page
      .getByTestId(path === '/work' ? 'my-work' : path === '/ledger' ? 'ledger-table' : 'dashboard')
      .waitFor();
    await bob.page.waitForLoadState('networkidle');
    const text = await visibleText(bob.page);
    expect({ path, chinese: text.split('\n').filter((line) => CJK.test(line)) }).toEqual({ path, chinese: [] });
  }
  await bob.page.goto(`${origin}/ledger`);
  await bob.page.getByTestId('ledger-table').getByText('Publish the budget').click();
  await bob.page.getByTestId('measure-page').waitFor();
  await bob.page.waitForLoadState('networkidle');
  const text = await visibleText(bob.page);
  expect(text.split('\n').filter((line) => CJK.test(line))).toEqual([]);
  await shot(bob.page, '10-english');
  await bob.page.getByTestId('language-switch').getByText('中文').click();
  await bob.page.getByText('办理记录').waitFor();
  await bob.context.close();
});

it('warns the office in Chinese when the responsible leader works in the lead department', async () => {
  const measureId = await createMeasure(world, {
    number: 40,
    text: '健全项目监管台账',
    leadDepartmentId: departmentA,
    responsibleLeaderId: users.staff.id,
    by: users.office.id,
  });
  const office = await open(users.office.username);
  await openMeasure(office.page, measureId);
  await office.page.getByTestId('submit-assign').click();
  const warning = office.page.locator('.ant-message-warning');
  await warning.waitFor();
  expect(await warning.innerText()).toMatch(
    /^已交办。请注意：责任领导陈经办是牵头部门投资合作中心-.+的人员，不能对本人提交的材料销号/,
  );
  await waitFor(async () => (await stage(office.page)) === '整改', 'the rectify stage');
  await office.context.close();
});

it('lets the supervisor send a second 督办 from the same page (a new request, not a repeat of the first)', async () => {
  const measureId = await measure(
    inspectionId,
    41,
    '规范国有资产出租管理',
    departmentA,
    users.leader.id,
    users.office.id,
  );
  const supervisor = await open(users.supervisor.username);
  await openMeasure(supervisor.page, measureId);
  for (const reason of ['进度滞后，请于三日内报告', '仍未整改，再次督办']) {
    await supervisor.page.getByTestId('action-supervise').locator('textarea').fill(reason);
    await supervisor.page.getByTestId('submit-supervise').click();
    await supervisor.page.locator('.ant-message-success').getByText('已发出督办单').last().waitFor();
    // The form starts empty for the next request.
    await waitFor(
      async () => (await supervisor.page.getByTestId('action-supervise').locator('textarea').inputValue()) === '',
      'an empty form',
    );
  }
  const timeline = await call(world, 'GET', `/measures/${measureId}/timeline`, users.office.id);
  expect(timeline.body.filter((row: { action: string }) => row.action === 'supervise')).toHaveLength(2);
  await supervisor.context.close();
});

it('says why a hand-edited ledger link is refused instead of showing the last result', async () => {
  const office = await open(users.office.username);
  await office.page.goto(`${origin}/ledger?stage=nope`);
  const error = office.page.getByTestId('ledger-error');
  await error.waitFor();
  expect(await error.innerText()).toContain('输入有误：阶段的内容不正确');
  expect(await error.innerText()).not.toContain('stage must be one of');
  expect(await office.page.getByTestId('ledger-search').getAttribute('maxlength')).toBe('100');
  await office.context.close();
});

it('tells a clerk who opens 设置 or 文件与通报 by URL that the page is not theirs, without showing its forms', async () => {
  const staff = await open(users.staff.username);
  for (const path of ['/setup', '/documents']) {
    await staff.page.goto(`${origin}${path}`);
    await staff.page.getByTestId('access-denied').waitFor();
    expect(await staff.page.getByTestId('access-denied').innerText()).toContain('没有权限');
    expect(await staff.page.getByText('新建整改事项').count()).toBe(0);
  }
  await staff.context.close();
});

it('opens the escalated measures from the dashboard’s 升级未办 card', async () => {
  const measureId = await measure(inspectionId, 42, '清理违规兼职取酬', departmentA, users.leader.id, users.office.id);
  expect((await act(world, measureId, 'supervise', users.supervisor.id, { reason: '逾期未报' })).status).toBe(200);
  const office = await open(users.office.username);
  await office.page.goto(`${origin}/dashboard`);
  await office.page.getByTestId('stat-escalated').click();
  await office.page.waitForURL(/\/ledger\?escalated=true/);
  await office.page.getByText('清理违规兼职取酬').waitFor();
  await office.context.close();
});
