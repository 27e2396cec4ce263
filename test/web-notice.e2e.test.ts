/**
 * Issue 15 items 4, 9, 10 in a real browser (Debian's Chromium through playwright-core) against the
 * real stack: 发布 shows what the public will see with its warnings before anything is published,
 * and only 确认发布 publishes; the bell groups per measure with 待办 first and counts, and 全部已读
 * empties it; on the public page the thank-you is in view, in place of the form, after sending; a
 * record in 会议与制度 corrected (kind, measures) and deleted (issue 14 item 7).
 * Screenshots go to test-results/screenshots.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS, signInPage } from './support/browser';
import { buildWorld, call, createProblem, startStack, World } from './support/world';

let world: World<'office' | 'staff' | 'leader', 'department'>;
let browser: Browser;
/** What the page's own functions use of the browser's globals (the tests compile without the DOM library). */
type Window = {
  localStorage: { setItem(key: string, value: string): void };
  document: { getElementById(id: string): { getBoundingClientRect(): { top: number; bottom: number } } | null };
  innerHeight: number;
  scrollY: number;
};
const tag = Date.now().toString(36);

beforeAll(async () => {
  world = await buildWorld(await startStack('web-notice'), {
    departments: { department: `通报部门-${tag}` },
    people: {
      office: { name: `通报整改办-${tag}`, roles: 'office' },
      staff: { name: `通报经办-${tag}`, department: 'department' },
      leader: `通报领导-${tag}`,
    },
    inspection: { title: `通报巡察-${tag}` },
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

/**
 * No transition running (a screenshot mid-transition shows half a dialog). Endless animations (a
 * spinner, a badge's pulse) never settle, so only animations that end are waited for.
 */
const settled = (page: Page) =>
  page.waitForFunction(() =>
    (
      globalThis as unknown as {
        document: {
          getAnimations(): { playState: string; effect: { getComputedTiming(): { iterations: number } } | null }[];
        };
      }
    ).document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity,
      ),
  );

/** Signed in as `who`, with the world's inspection chosen. */
async function open(who: 'office' | 'staff', viewport?: { width: number; height: number }): Promise<Page> {
  const { page } = await signInPage(browser, world.origin, world.users[who].username, undefined, viewport);
  await page.getByTestId('nav').waitFor();
  await page.evaluate(
    (id) => (globalThis as unknown as Window).localStorage.setItem('rectiflow.inspection', id),
    world.inspection,
  );
  await page.reload();
  await page.getByTestId('nav').waitFor();
  return page;
}

it('shows what the public will see, with warnings, before publishing; only 确认发布 publishes', async () => {
  const problem = await createProblem(world, {
    title: `公开问题-${tag}`,
    measures: [{ text: '已完成整改,佐证材料详见附件' }],
  });
  expect(problem.measures).toHaveLength(1);
  const page = await open('office');
  await page.goto(`${world.origin}/documents`);
  await page.getByRole('tab', { name: '整改进展通报' }).click();
  await page.getByTestId('notice-publish').click();
  const confirmation = page.getByTestId('publish-confirmation');
  await confirmation.waitFor();
  expect(await page.getByTestId('publish-rendered').innerText()).toContain(`公开问题-${tag}`);
  const warnings = await page.getByTestId('publish-warning').allInnerTexts();
  expect(warnings.some((text) => text.includes('附件') && text.includes('佐证材料详见附件'))).toBe(true);
  expect(warnings.some((text) => /0\s*次/.test(text))).toBe(true);
  await settled(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'notice-publish-confirmation.png') });
  const notice = (await call(world, 'POST', `/inspections/${world.inspection}/notice`, 'office')).body;
  expect((await call(world, 'GET', `/notices/${notice.id}/versions`, 'office')).body).toEqual([]);

  await page.getByTestId('notice-publish-confirm').click();
  const link = await page.getByTestId('public-link').getAttribute('href');
  expect(link).toMatch(/^\/gongkai\/[a-z2-9]{6}\/1$/);
  await page.getByTestId('notice-versions').getByText('第1版').waitFor();
  expect((await call(world, 'GET', `/notices/${notice.id}/versions`, 'office')).body).toHaveLength(1);
  await page.context().close();
});

it('groups the bell per measure with 待办 first and counts, and 全部已读 empties it', async () => {
  const problem = await createProblem(world, {
    measures: [{ text: `只需知悉-${tag}` }, { text: `需要办理-${tag}` }],
  });
  const [informed, pressing] = problem.measures.map((measure) => measure.id);
  await call(world, 'POST', '/notifications/read-all', 'staff');
  const notify = (kind: string, title: string, measureId: string) =>
    world.dataSource.query(
      `INSERT INTO notification (recipient_id, inspection_id, measure_id, kind, title, body, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, '正文', $6)`,
      [world.people.staff, world.inspection, measureId, kind, title, `web-notice:${randomUUID()}`],
    );
  await notify('claimed', `【领办】知悉一-${tag}`, informed);
  await notify('extension_decided', `【延期】知悉二-${tag}`, informed);
  await notify('review_requested', `【待审核】办理一-${tag}`, pressing);
  await notify('urge', `【催办】办理二-${tag}`, pressing);

  const page = await open('staff');
  await page.getByTestId('inbox').click();
  const panel = page.getByTestId('inbox-panel');
  await panel.waitFor();
  await panel.getByTestId('inbox-summary').getByText('待办 2 条 · 未读 4 条').waitFor();
  const groups = panel.getByTestId('inbox-group');
  expect(await groups.first().innerText()).toContain(`需要办理-${tag}`);
  expect(await groups.first().getByTestId('inbox-group-action').innerText()).toBe('待办 2');
  expect(await groups.nth(1).innerText()).toContain(`只需知悉-${tag}`);
  expect(await groups.nth(1).getByTestId('inbox-group-action').count()).toBe(0);
  const first = panel.getByTestId('inbox-item').first();
  expect(await first.getAttribute('data-action-needed')).toBe('true');
  expect(await first.innerText()).toContain('待办');
  await settled(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'notification-bell.png') });

  await panel.getByTestId('inbox-read-all').click();
  await panel.getByTestId('inbox-summary').getByText('待办 0 条 · 未读 0 条').waitFor();
  expect((await call(world, 'GET', '/notifications', 'staff')).body.unread).toBe(0);
  await page.context().close();
});

it('shows the thank-you in view, in place of the form, after the public sends a message', async () => {
  const notice = (await call(world, 'POST', `/inspections/${world.inspection}/notice`, 'office')).body;
  const published = await call(world, 'POST', `/notices/${notice.id}/publish`, 'office');
  const visitor = await browser.newPage({ viewport: { width: 390, height: 640 } });
  await visitor.goto(`${world.origin}${published.body.publicUrl}`);
  await visitor.locator('#content').fill('建议公开整改时间表');
  await visitor.getByRole('button', { name: '提交' }).click();
  const thanks = visitor.locator('#thanks');
  await thanks.waitFor();
  expect(await thanks.innerText()).toContain('已收到您的意见建议');
  await visitor.waitForFunction(() => {
    const element = (globalThis as unknown as Window).document.getElementById('thanks');
    const box = element?.getBoundingClientRect();
    return !!box && box.top >= 0 && box.bottom <= (globalThis as unknown as Window).innerHeight;
  });
  expect(await visitor.locator('form').count()).toBe(0);
  expect(await visitor.evaluate(() => (globalThis as unknown as Window).scrollY)).toBeGreaterThan(0);
  await visitor.screenshot({ path: join(SCREENSHOTS, 'public-notice-thanks.png') });
  await visitor.close();
});

it('corrects a record in 会议与制度 (its kind and its measures), and deletes one entered by mistake', async () => {
  const problem = await createProblem(world, { title: `记录问题-${tag}`, measures: [{ text: `落实调度机制-${tag}` }] });
  const created = await call(world, 'POST', `/inspections/${world.inspection}/records`, 'office', {
    kind: 'meeting',
    title: `第一次调度会-${tag}`,
  });
  const page = await open('office');
  await page.goto(`${world.origin}/documents`);
  await page.getByRole('tab', { name: '会议与制度' }).click();
  // Added from the form: it says so and clears, and a double click adds one record.
  await page.locator('#record-new_kind').click();
  await page.locator('.ant-select-dropdown:visible').getByText('专项整治', { exact: true }).click();
  await page.locator('#record-new_title').fill(`表单专项整治-${tag}`);
  await page.getByTestId('record-new-save').dblclick();
  await page.getByText('记录已添加').waitFor();
  expect(await page.locator('#record-new_title').inputValue()).toBe('');
  await page.locator('tr', { hasText: `表单专项整治-${tag}` }).waitFor();
  const added = (await call(world, 'GET', `/inspections/${world.inspection}/records`, 'office')).body.filter(
    (item: { title: string }) => item.title === `表单专项整治-${tag}`,
  );
  expect(added).toHaveLength(1);
  const row = page.locator('tr', { hasText: `第一次调度会-${tag}` });
  await row.getByTestId('record-edit').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('record-edit-title').fill(`第一次内部督查-${tag}`);
  await dialog.locator('.ant-form-item', { hasText: '类型' }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible').getByText('内部督查', { exact: true }).click();
  await dialog.locator('.ant-form-item', { hasText: '关联措施' }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible').getByText(`落实调度机制-${tag}`, { exact: false }).click();
  // A multiple select keeps its list open after a choice: a click elsewhere in the dialog closes it.
  await dialog.getByTestId('record-edit-title').click();
  await page
    .locator('.ant-select-dropdown:visible')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await page.getByText('记录已保存').waitFor();
  const edited = page.locator('tr', { hasText: `第一次内部督查-${tag}` });
  expect(await edited.innerText()).toContain('内部督查');
  expect(await edited.innerText()).toContain('1项');
  const [record] = (await call(world, 'GET', `/inspections/${world.inspection}/records`, 'office')).body.filter(
    (item: { id: string }) => item.id === created.body.id,
  );
  expect(record).toMatchObject({ kind: 'supervision', measureIds: [problem.measures[0].id] });

  await edited.getByTestId('record-delete').click();
  await page.locator('.ant-popconfirm .ant-btn-dangerous, .ant-popconfirm .ant-btn-primary').first().click();
  await page.getByText('记录已删除').waitFor();
  expect(await page.locator('tr', { hasText: `第一次内部督查-${tag}` }).count()).toBe(0);
  const left = (await call(world, 'GET', `/inspections/${world.inspection}/records`, 'office')).body;
  expect(left.some((item: { id: string }) => item.id === created.body.id)).toBe(false);
  await page.context().close();
});
