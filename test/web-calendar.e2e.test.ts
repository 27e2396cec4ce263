/**
 * 工作日历 in 设置, in a real browser (Debian's Chromium through playwright-core) against the real
 * API: the month view marks 国庆 2025 (休) and its 调休 Saturday (班); the administrator adds an
 * office closure on a day and removes it again, the calendar's version changing each time; a year
 * the data does not cover yet shows the warning, and the administrator counts it as entered by hand
 * and takes that back. Screenshots go to test-results/screenshots.
 */
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS, signInPage } from './support/browser';
import { buildWorld, call, startStack, World } from './support/world';

let world: World;
let browser: Browser;
const DAY = '2025-10-15';

beforeAll(async () => {
  world = await buildWorld(await startStack('web-calendar', { worker: false }));
  await world.dataSource.query('DELETE FROM calendar_day WHERE day = $1', [DAY]);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await world?.dataSource.query('DELETE FROM calendar_day WHERE day = $1', [DAY]);
  await world?.dataSource.query('DELETE FROM calendar_year WHERE year = 2027');
  await browser?.close();
  await world?.stop();
});

async function shot(page: Page, name: string) {
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): { playState: string }[] } }).document
      .getAnimations()
      .every((animation) => animation.playState !== 'running'),
  );
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Picks a value in one of the calendar header's selects (year or month). */
async function pick(page: Page, which: 'year' | 'month', label: string) {
  await page.getByTestId('calendar-setup').locator(`.ant-picker-calendar-${which}-select`).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${label}年?$`) })
    .click();
}

it('marks 国庆 and 调休, and lets the administrator add and remove a closure', async () => {
  const { page } = await signInPage(browser, world.origin, world.adminUsername);
  await page.getByTestId('nav').waitFor();
  await page.goto(`${world.origin}/setup`);
  const panel = page.getByTestId('calendar-setup');
  await panel.waitFor();
  await pick(page, 'year', '2025');
  await pick(page, 'month', '10月');
  await panel.getByTestId('calendar-mark-2025-10-01').getByText('休').waitFor();
  await panel.getByTestId('calendar-mark-2025-10-11').getByText('班').waitFor();
  expect(await panel.getByTestId('calendar-mark-2025-10-09').count()).toBe(0);

  const version = async () => (await page.getByTestId('calendar-version').innerText()).trim();
  const before = await version();
  await panel.locator(`td[title="${DAY}"]`).click();
  await page.getByTestId('calendar-day').getByText('工作日').waitFor();
  await panel.getByPlaceholder('名称（如：办公楼停电检修）').fill('办公楼停电检修');
  await page.getByTestId('calendar-add').click();
  await panel.getByTestId(`calendar-mark-${DAY}`).getByText('停办').waitFor();
  await page.getByTestId('calendar-day').getByText('休息日').waitFor();
  await page.getByTestId('calendar-day').getByText('本单位停止办公：办公楼停电检修').waitFor();
  expect(await version()).not.toBe(before);
  await shot(page, 'calendar-01-closure');
  const year = (await call(world, 'GET', '/calendar?year=2025', 'admin')).body;
  expect(year.localDays).toContainEqual(expect.objectContaining({ day: DAY, kind: 'closure', name: '办公楼停电检修' }));

  const added = await version();
  await page.getByTestId('calendar-remove').click();
  await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
  await panel.getByTestId(`calendar-mark-${DAY}`).waitFor({ state: 'detached' });
  await page.getByTestId('calendar-add').waitFor();
  expect(await version()).not.toBe(added);

  await pick(page, 'year', '2027');
  await page
    .getByTestId('calendar-not-covered')
    .getByText(/2027 年的国务院节假日安排尚未收录/)
    .waitFor();
  await shot(page, 'calendar-02-not-covered');
  // The administrator has entered 2027's days by hand and counts the year as covered, then takes it back.
  await page.getByTestId('calendar-enter-note').fill('按国务院2027年节假日安排通知录入');
  await page.getByTestId('calendar-enter').click();
  await page
    .getByTestId('calendar-entered')
    .getByText(/2027 年的安排由系统管理员手工录入/)
    .waitFor();
  expect((await call(world, 'GET', '/calendar?year=2027', 'admin')).body).toMatchObject({ coveredBy: 'office' });
  await shot(page, 'calendar-03-entered');
  await page.getByTestId('calendar-take-back').click();
  await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
  await page.getByTestId('calendar-not-covered').waitFor();
  expect((await call(world, 'GET', '/calendar?year=2027', 'admin')).body).toMatchObject({ covered: false });
  await page.context().close();
});
