/**
 * Every main screen, as each role sees it, in Chromium in zh-CN: no serious or critical
 * accessibility violation (axe-core, injected into the page), the controls reachable by keyboard,
 * and no English words on the screen outside an allow-list (product, file and unit names) —
 * including a refused sign-in. Screenshots per role: a11y-<role>-<screen>.
 * No axe rule is disabled and no element excluded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS, signInPage } from './support/browser';
import { buildWorld, measureAt, startStack, Stack, World } from './support/world';

let stack: Stack;
let world: World<'office' | 'leader' | 'staff' | 'supervisor' | 'reviewer', 'a'>;
let browser: Browser;
let measure: string;
const tag = Date.now().toString(36);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Words allowed on a Chinese screen: the product, file types, units and the like. */
const ALLOWED = new Set([
  'excel',
  'word',
  'rectiflow',
  'pdf',
  'docx',
  'xlsx',
  'csv',
  'txt',
  'md',
  'png',
  'jpg',
  'jpeg',
  'sha',
  'url',
  'id',
  'mb',
  'kb',
  'gb',
  'temporal',
  'web',
  'ui',
  'api',
  'json',
  'english',
  'en',
  'cn',
  'zh',
]);

beforeAll(async () => {
  stack = await startStack('web-a11y');
  world = await buildWorld(stack, {
    departments: { a: `无障碍-${tag}` },
    people: {
      office: { name: '整改办', roles: 'office' },
      reviewer: { name: '审核人', roles: 'reviewer' },
      leader: '责任领导',
      staff: { name: '经办人', department: 'a' },
      supervisor: { name: '督查', roles: 'supervisor' },
    },
    inspection: { title: `无障碍检查-${tag}` },
  });
  measure = await measureAt(world, 'review', { text: '完善项目审批制度并公开办事指南' });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the workbench's CSP (script-src 'self') rightly refuses an inline script.
  await page.evaluate(AXE);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0] && v.nodes[0].target.join(' ') })))`,
  )) as { id: string; impact: string; nodes: number; target: string }[];
  return violations
    .filter((item) => item.impact === 'serious' || item.impact === 'critical')
    .map((item) => `${item.id} (${item.impact}, ${item.nodes}×, e.g. ${item.target})`);
}

async function englishWords(page: Page): Promise<string[]> {
  const text = (await page.evaluate('document.body.innerText')) as string;
  // Ids, hashes, dates and file names are not words a person reads as English.
  // A word is letters between non-alphanumerics: a test tag (mim4pvwv) or a hash is not English.
  const words =
    text.replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/gi, ' ').match(/(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])/g) ?? [];
  return [...new Set(words.filter((word) => !ALLOWED.has(word.toLowerCase())))];
}

const SCREENS: Record<string, (string | (() => string))[]> = {
  office: ['/work', '/ledger', '/dashboard', () => `/measures/${measure}`, '/documents'],
  staff: ['/work', '/ledger', () => `/measures/${measure}`],
  reviewer: ['/work', () => `/measures/${measure}`],
  leader: ['/work', () => `/measures/${measure}`],
  supervisor: ['/desk', '/ledger', () => `/measures/${measure}`],
};

describe.each(Object.entries(SCREENS))('%s', (role, screens) => {
  it('has no serious accessibility violation and no English on any main screen', async () => {
    const { context, page } = await signInPage(browser, world.origin, world.users[role as 'office'].username);
    const problems: string[] = [];
    try {
      await page.waitForURL((url) => !url.pathname.endsWith('/'), { timeout: 15_000 }).catch(() => undefined);
      for (const entry of screens) {
        const path = typeof entry === 'function' ? entry() : entry;
        await page.goto(`${world.origin}${path}`);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: join(SCREENSHOTS, `a11y-${role}-${path.split('/')[1]}.png`), fullPage: true });
        for (const problem of await axeProblems(page)) problems.push(`${path}: ${problem}`);
        const english = await englishWords(page);
        if (english.length) problems.push(`${path}: English words ${english.join(', ')}`);
        // Every control can be reached with the keyboard: Tab moves the focus onto something.
        await page.keyboard.press('Tab');
        const focused = (await page.evaluate('document.activeElement && document.activeElement.tagName')) as string;
        if (!focused || focused === 'BODY') problems.push(`${path}: Tab reaches no control`);
        // The ledger's filters behind 展开 are controls too (after the Tab check, which starts from the page).
        const more = page.getByTestId('ledger-filters-toggle');
        if (await more.isVisible()) {
          await more.click();
          for (const problem of await axeProblems(page)) problems.push(`${path} 展开: ${problem}`);
        }
      }
    } finally {
      await context.close();
    }
    expect({ role, problems }).toEqual({ role, problems: [] });
  });
});

it('says a refused sign-in in Chinese', async () => {
  const wrong = await signInPage(browser, world.origin, world.users.staff.username, 'not-the-password');
  try {
    await wrong.page.waitForLoadState('networkidle');
    await wrong.page.waitForTimeout(1000);
    expect(await englishWords(wrong.page)).toEqual([]);
  } finally {
    await wrong.context.close();
  }
});
