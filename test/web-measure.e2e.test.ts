/**
 * The measure page (issues 14 and 15) in Chromium against the real stack: the clerk's one form at a
 * time, a wrong unsubmitted file taken out, no SHA-256 and no Temporal link for clerks, a result
 * message after each action; 配合反馈 and the lead's view of the parts given and missing; 领办 (a
 * measure, a whole problem); the records linked to a measure (added, an existing one linked,
 * corrected, unlinked); 重新整改 of a closed measure; the 退回 banner (page and my work); the review
 * and 销号 forms repeating what is decided on; a stale form refused in words and refreshed.
 */
import { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { fastPolicy, waitFor } from './support/stack';
import {
  act,
  actOk,
  buildWorld,
  call,
  createMeasure,
  createProblem,
  measureAt,
  startStack,
  submitEvidence,
  World,
} from './support/world';
import {
  DESKTOP,
  openAs,
  openMeasure,
  PHONE,
  shot,
  typeDate,
  useWebDirUnderTest,
  waitForStage,
} from './support/web-pages';

useWebDirUnderTest();

let world: World<'office' | 'reviewer' | 'leader' | 'supervisor' | 'staff' | 'helper', 'a' | 'coop' | 'coop2'>;
let browser: Browser;
const tag = Date.now().toString(36);

/** A measure in 整改 with two cooperating departments. */
async function cooperated(text: string): Promise<string> {
  const id = await createMeasure(world, { text });
  await actOk(world, id, 'assign', 'office', {
    cooperatingDepartmentIds: [world.departments.coop, world.departments.coop2],
  });
  return id;
}

const timeline = async (id: string) =>
  (await call(world, 'GET', `/measures/${id}/timeline`, 'office')).body as {
    action: string;
    detail: Record<string, unknown>;
  }[];

beforeAll(async () => {
  world = await buildWorld(await startStack('web-measure', { api: { temporalUiUrl: 'http://127.0.0.1:8233' } }), {
    departments: { a: `牵头部门-${tag}`, coop: `配合部门-${tag}`, coop2: `第二配合部门-${tag}` },
    people: {
      office: { name: '吴整改', roles: 'office' },
      reviewer: { name: '郑审核', roles: 'reviewer' },
      leader: '孙领导',
      supervisor: { name: '钱督查', roles: 'supervisor' },
      staff: { name: '冯经办', department: 'a' },
      helper: { name: '褚配合', department: 'coop' },
    },
    inspection: { title: `措施页-${tag}`, policy: fastPolicy({ reopenableFor: 'PT10M' }) },
  });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

it('gives the clerk one form at a time, withdraws a wrong unsubmitted file, hides SHA-256 and Temporal, and says what happened', async () => {
  const id = await cooperated(`清理违规占用资产-${tag}`);
  const { page } = await openAs(browser, world.origin, world.users.staff.username);
  await openMeasure(page, world.origin, id);
  // No file yet: the form says so instead of an empty gap.
  await page.getByTestId('evidence-none-yet').waitFor();
  // One form at a time: 提交佐证材料 / 申请延期.
  await page.getByTestId('clerk-switch').getByText('申请延期').click();
  await page.getByTestId('action-request_extension').waitFor();
  expect(await page.getByTestId('action-submit_evidence').count()).toBe(0);
  await page.getByTestId('clerk-switch').getByText('提交佐证材料').click();
  const input = page.locator('[data-testid=evidence-upload] input[type=file]');
  await input.setInputFiles({
    name: '传错的文件.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 错'),
  });
  await page.getByTestId('evidence-choice').getByText('传错的文件.pdf').waitFor();
  // A wrong upload is withdrawn after a confirmation: gone from the list and from the choice.
  await page.getByTestId('evidence-remove').first().click();
  await page.getByTestId('evidence-remove-confirm').click();
  await page.getByText('已删除“传错的文件.pdf”').waitFor();
  await page.getByTestId('evidence-none-yet').waitFor();
  expect(await page.getByTestId('evidence-list').getByText('传错的文件.pdf').count()).toBe(0);
  await input.setInputFiles({
    name: '整改报告.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 报告'),
  });
  await page.getByTestId('evidence-choice').getByText('整改报告.pdf').waitFor();
  expect(await page.getByTestId('evidence-choice').getByText('传错的文件.pdf').count()).toBe(0);
  // Clerks see neither the files' SHA-256 nor the Temporal link.
  expect(await page.getByText('SHA-256').count()).toBe(0);
  expect(await page.getByText('在 Temporal 中查看').count()).toBe(0);
  await shot(page, 'measure-clerk-desktop');
  await page.getByTestId('field-summary').fill('已清理并登记');
  await page.getByTestId('submit-submit_evidence').click();
  await page.getByTestId('action-result').getByText('已提交，待审核').waitFor();
  await waitForStage(page, '审核');
  const submitted = (await timeline(id)).find((row) => row.action === 'submit_evidence')!;
  const files = (await call(world, 'GET', `/measures/${id}/evidence`, 'office')).body as {
    id: string;
    fileName: string;
  }[];
  expect(submitted.detail.evidenceIds).toEqual([files.find((file) => file.fileName === '整改报告.pdf')!.id]);
  // The office sees both.
  const office = await openAs(browser, world.origin, world.users.office.username);
  await openMeasure(office.page, world.origin, id);
  await office.page.getByText('在 Temporal 中查看').waitFor();
  expect(await office.page.getByText(/SHA-256/).count()).toBeGreaterThan(0);
});

it("takes a cooperating department's part, shows the lead which parts are given and missing, and lets the leader claim the measure", async () => {
  const id = await cooperated(`规范公务接待-${tag}`);
  const helper = await openAs(browser, world.origin, world.users.helper.username);
  await openMeasure(helper.page, world.origin, id);
  await helper.page.getByTestId('action-contribute').waitFor();
  await helper.page.getByTestId('field-summary').fill('已提供本部门接待台账');
  await helper.page.getByTestId('submit-contribute').click();
  await helper.page.getByTestId('action-result').getByText('已反馈给牵头部门').waitFor();

  const staff = await openAs(browser, world.origin, world.users.staff.username, PHONE);
  await openMeasure(staff.page, world.origin, id);
  const parts = staff.page.getByTestId('cooperation');
  await parts.getByText('已提供本部门接待台账').waitFor();
  expect(await parts.getByTestId('coop-given').count()).toBe(1);
  expect(await parts.getByTestId('coop-missing').innerText()).toContain(`第二配合部门-${tag}`);
  await shot(staff.page, 'measure-lead-cooperation-phone');

  const leader = await openAs(browser, world.origin, world.users.leader.username);
  await openMeasure(leader.page, world.origin, id);
  await leader.page.getByTestId('open-claim').click();
  await leader.page.locator('.ant-popconfirm .ant-btn-primary').click();
  await leader.page.getByTestId('measure-claimed').getByText('孙领导', { exact: false }).waitFor();
  expect((await call(world, 'GET', `/measures/${id}`, 'office')).body.claimedBy).toBe(world.users.leader.id);
});

it('claims a whole problem from one of its measures (领办整个问题): each of its measures is the leader’s', async () => {
  const problem = await createProblem(world, {
    measures: [{ text: `领办问题一-${tag}` }, { text: `领办问题二-${tag}` }],
  });
  const [first, second] = problem.measures.map((measure: { id: string }) => measure.id);
  const leader = await openAs(browser, world.origin, world.users.leader.username);
  await openMeasure(leader.page, world.origin, first);
  await leader.page.getByTestId('open-claim-problem').click();
  await leader.page.locator('.ant-popconfirm .ant-btn-primary').click();
  await leader.page.getByText('已领办本问题 2 项措施').first().waitFor();
  for (const id of [first, second])
    expect((await call(world, 'GET', `/measures/${id}`, 'office')).body.claimedBy).toBe(world.users.leader.id);
  // Nothing is left to claim there: the page no longer offers it.
  await openMeasure(leader.page, world.origin, second);
  await leader.page.getByTestId('measure-claimed').waitFor();
  expect(await leader.page.getByTestId('open-claim-problem').count()).toBe(0);
});

it('lists the records linked to a measure and adds one from its page', async () => {
  const id = await measureAt(world, 'rectify', { text: `召开专题调度会-${tag}` });
  const { page } = await openAs(browser, world.origin, world.users.office.username);
  await openMeasure(page, world.origin, id);
  await page.getByTestId('record-add').click();
  await page.getByTestId('record-title').fill(`专题调度会议-${tag}`);
  await page.getByTestId('record-save').click();
  await page.getByTestId('measure-record').getByText(`专题调度会议-${tag}`).waitFor();
  const records = (await call(world, 'GET', `/inspections/${world.inspection}/records`, 'office')).body as {
    title: string;
    measureIds: string[];
  }[];
  expect(records.find((record) => record.title === `专题调度会议-${tag}`)?.measureIds).toEqual([id]);

  // An existing record is linked from the list of the inspection's others, corrected in its dialog, and unlinked.
  const other = await measureAt(world, 'rectify');
  const existing = await call(world, 'POST', `/inspections/${world.inspection}/records`, 'office', {
    kind: 'rule',
    title: `信访接待制度-${tag}`,
    measureIds: [other],
  });
  // Made elsewhere after the page was read: the page learns of it on its next reading.
  await openMeasure(page, world.origin, id);
  await page.getByTestId('measure-record-link').click();
  await page.locator('.ant-select-dropdown').getByText(`信访接待制度-${tag}`, { exact: false }).click();
  await page.getByTestId('measure-record').getByText(`信访接待制度-${tag}`).waitFor();
  const linked = page.getByTestId('measure-record').filter({ hasText: `专题调度会议-${tag}` });
  await linked.getByTestId('measure-record-edit').click();
  await page.getByTestId('record-edit-title').fill(`第二次专题调度会议-${tag}`);
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await page.getByTestId('measure-record').getByText(`第二次专题调度会议-${tag}`).waitFor();
  const rule = page.getByTestId('measure-record').filter({ hasText: `信访接待制度-${tag}` });
  await rule.getByTestId('measure-record-unlink').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await page.getByText('已取消关联').waitFor();
  expect(
    await page
      .getByTestId('measure-record')
      .filter({ hasText: `信访接待制度-${tag}` })
      .count(),
  ).toBe(0);
  const after = (await call(world, 'GET', `/inspections/${world.inspection}/records`, 'office')).body as {
    id: string;
    title: string;
    measureIds: string[];
  }[];
  // Unlinking kept the record and its other measure; the edit kept the link.
  expect(after.find((record) => record.id === existing.body.id)?.measureIds).toEqual([other]);
  expect(after.find((record) => record.title === `第二次专题调度会议-${tag}`)?.measureIds).toEqual([id]);
});

it('reopens a closed measure with a reason and a new deadline (重新整改), and the page says why it is back', async () => {
  const id = await measureAt(world, 'closed', { text: `整治违规收费-${tag}` });
  const { page } = await openAs(browser, world.origin, world.users.supervisor.username);
  await openMeasure(page, world.origin, id);
  await page.getByTestId('open-reopen').click();
  await typeDate(page, 'reopen-dueAt', '2099-12-31');
  await page.getByTestId('reopen-reason').fill('群众反映问题反弹');
  await page.getByTestId('submit-reopen').click();
  await waitForStage(page, '整改');
  await page.getByTestId('returned-banner').getByText('群众反映问题反弹', { exact: false }).waitFor();
});

it('shows a returned measure with its reason on its page and in my work; review and 销号 repeat what is decided on', async () => {
  const text = `完善内控制度-${tag}`;
  const id = await measureAt(world, 'rectify', { text });
  expect((await submitEvidence(world, id, { summary: '已印发制度' })).status).toBe(200);
  await actOk(world, id, 'review', 'reviewer', { decision: 'reject', reason: '缺少会议纪要' });

  const staff = await openAs(browser, world.origin, world.users.staff.username);
  await staff.page
    .getByTestId('my-work')
    .getByTestId('returned-reason')
    .getByText('缺少会议纪要', { exact: false })
    .waitFor();
  await openMeasure(staff.page, world.origin, id);
  await staff.page.getByTestId('returned-banner').getByText('缺少会议纪要', { exact: false }).waitFor();
  await shot(staff.page, 'measure-returned-desktop');

  expect((await submitEvidence(world, id, { summary: '已补充会议纪要' })).status).toBe(200);
  const reviewer = await openAs(browser, world.origin, world.users.reviewer.username);
  await openMeasure(reviewer.page, world.origin, id);
  const review = reviewer.page.getByTestId('context-review');
  await review.getByText(text).waitFor();
  await review.getByText('已补充会议纪要').waitFor();
  await review.getByTestId('context-evidence').getByText('纪要.pdf', { exact: false }).waitFor();
  await actOk(world, id, 'review', 'reviewer', { decision: 'approve', reason: '材料齐全，同意销号' });

  const leader = await openAs(browser, world.origin, world.users.leader.username, PHONE);
  await openMeasure(leader.page, world.origin, id);
  const signOff = leader.page.getByTestId('context-sign_off');
  await signOff.getByText(text).waitFor();
  await signOff.getByTestId('context-opinion').getByText('材料齐全，同意销号').waitFor();
  await signOff.getByTestId('context-evidence').getByText('纪要.pdf', { exact: false }).waitFor();
  await shot(leader.page, 'measure-sign-off-phone');
  // Another measure opens at its top.
  const other = await measureAt(world, 'signoff', { text: `另一项措施-${tag}` });
  await leader.page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
  await leader.page.evaluate(
    `window.history.pushState({}, '', '/measures/${other}'); window.dispatchEvent(new PopStateEvent('popstate'))`,
  );
  await leader.page.getByTestId('measure-text').getByText(`另一项措施-${tag}`).waitFor();
  expect(await leader.page.evaluate('window.scrollY')).toBe(0);
});

it('says a stale refusal in words and refreshes what may be done', async () => {
  const id = await measureAt(world, 'review', { text: `过期表单-${tag}` });
  const { page } = await openAs(browser, world.origin, world.users.reviewer.username, DESKTOP);
  await openMeasure(page, world.origin, id);
  await page.getByTestId('action-review').waitFor();
  // Meanwhile someone else approves it.
  await actOk(world, id, 'review', 'office', { decision: 'approve' });
  await page.getByTestId('submit-review').click();
  const result = page.getByTestId('action-result');
  await result.getByText('当前处于销号阶段，不能审核', { exact: false }).waitFor();
  await waitFor(async () => (await page.getByTestId('action-review').count()) === 0, 'the stale form to go');
  await waitForStage(page, '销号');
  await shot(page, 'measure-stale-refusal');
  // The reason the server sent, for the record.
  const refused = await act(world, id, 'review', 'reviewer', { decision: 'approve' });
  expect(refused.body.reason?.code).toBe('STAGE_NOT_ALLOWED');
});
