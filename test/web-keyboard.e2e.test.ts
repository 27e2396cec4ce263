/**
 * Every control of the main screens is reachable by keyboard, in Chromium in zh-CN: Tab, pressed
 * until the focus comes round, lands on every visible button, link, field and select and on everything
 * drawn as clickable (sign-in, 我的待办, the ledger, a measure as its clerk with the upload and the
 * evidence list, the dashboard); 退出登录 opens from the keyboard; and the clerk submits evidence
 * with the keyboard alone. No element is left out of the count.
 */
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { focusedTestId, tabRound, tabTo, unreachedControls } from './support/keyboard';
import { openAs, openMeasure, shot, useWebDirUnderTest, waitForStage } from './support/web-pages';
import { buildWorld, measureAt, startStack, uploadEvidence, World } from './support/world';

useWebDirUnderTest();

let world: World<'office' | 'leader' | 'staff', 'a'>;
let browser: Browser;
let measure: string;
const sessions: BrowserContext[] = [];
const tag = Date.now().toString(36);

beforeAll(async () => {
  world = await buildWorld(await startStack('web-keyboard'), {
    departments: { a: `键盘局-${tag}` },
    people: {
      office: { name: '键盘整改办', roles: 'office' },
      leader: '键盘领导',
      staff: { name: '键盘经办', department: 'a' },
    },
    inspection: { title: `键盘检查-${tag}` },
  });
  // A measure in 整改 with a file uploaded: the clerk's form, the upload and the evidence list's 下载 and 删除.
  measure = await measureAt(world, 'rectify', { text: '规范公务用车管理并建立台账' });
  await uploadEvidence(world, measure);
  await measureAt(world, 'assign', { text: '清理超标准办公用房' });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  for (const context of sessions) await context.close().catch(() => undefined);
  await browser?.close();
  await world?.stop();
});

async function open(who: 'office' | 'staff' | null): Promise<Page> {
  if (who === null) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    sessions.push(context);
    const page = await context.newPage();
    await page.goto(`${world.origin}/`);
    return page;
  }
  const { context, page } = await openAs(browser, world.origin, world.users[who].username);
  sessions.push(context);
  return page;
}

/** Screen, who (null: nobody signed in), its path, a test id that is there once it has loaded. */
const SCREENS: [string, 'office' | 'staff' | null, () => string, string][] = [
  ['sign-in', null, () => '/', 'sign-in'],
  ['my-work', 'staff', () => '/work', 'work-item'],
  ['ledger', 'office', () => '/ledger', 'ledger-table'],
  ['measure-clerk', 'staff', () => `/measures/${measure}`, 'evidence-item'],
  ['dashboard', 'office', () => '/dashboard', 'dashboard-figures'],
];

it.each(SCREENS)('reaches every control of %s with Tab', async (screen, who, path, ready) => {
  const page = await open(who);
  if (who) await page.goto(`${world.origin}${path()}`);
  await page.getByTestId(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  await tabRound(page);
  const unreached = await unreachedControls(page);
  await shot(page, `keyboard-${screen}`);
  expect({ screen, unreached }).toEqual({ screen, unreached: [] });
});

it('opens 退出登录 from the keyboard', async () => {
  const page = await open('staff');
  await tabTo(page, 'current-person');
  await page.keyboard.press('Enter');
  const signOut = page.getByRole('menuitem', { name: '退出登录' });
  await signOut.waitFor();
  // The menu takes the focus when it opens (waited for: under load it comes a moment later), the
  // arrow goes onto 退出登录, Enter signs out.
  // A function, not a string: the workbench's CSP refuses eval, which a string predicate needs.
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as {
      document: { activeElement: { closest(selector: string): unknown } | null };
    };
    return !!document.activeElement?.closest('.ant-dropdown');
  });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByTestId('sign-in').waitFor();
});

it('lets the clerk submit evidence with the keyboard alone', async () => {
  const id = await measureAt(world, 'rectify', { text: '完善公务接待审批流程' });
  await uploadEvidence(world, id, 'staff', '接待审批单.pdf');
  const page = await open('staff');
  await openMeasure(page, world.origin, id);
  await page.getByTestId('evidence-choice').getByText('接待审批单.pdf').waitFor();
  // From the top of the page to the summary, as a person without a mouse gets there.
  await tabTo(page, 'field-summary');
  await page.keyboard.type('已修订接待审批流程并上传审批单');
  await page.keyboard.press('Tab');
  expect(await focusedTestId(page)).toBe('submit-submit_evidence');
  await page.keyboard.press('Enter');
  await page.getByTestId('action-result').getByText('已提交，待审核').waitFor();
  await waitForStage(page, '审核');
});
