/**
 * Every main screen, as each role sees it, in Chromium in zh-CN: no serious or critical
 * accessibility violation (axe-core, injected into the page), the controls reachable by keyboard,
 * and no English words on the screen outside an allow-list (product, file and unit names) —
 * including a refused sign-in; then the screens in a state that walk leaves closed (会议与制度, 群众意见
 * with its 转办与答复, the bell with its e-mail setting, a plan's import preview with a name to map, the
 * administrator's 工作日历). Screenshots: a11y-<role>-<screen or state>.
 * No axe rule is disabled and no element excluded.
 */
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS, signInPage } from './support/browser';
import { axeProblems, englishWords } from './support/screen-checks';
import type { Reply } from './support/http';
import { useWebDirUnderTest } from './support/web-pages';
import { buildWorld, call, measureAt, startStack, Stack, World } from './support/world';

useWebDirUnderTest();

let stack: Stack;
let world: World<'office' | 'leader' | 'staff' | 'supervisor' | 'reviewer', 'a'>;
let browser: Browser;
let measure: string;
const tag = Date.now().toString(36);

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
  // 会议与制度 and 群众意见 with something in them: a record, and a message from the published notice.
  await expectOk(
    call(world, 'POST', `/inspections/${world.inspection}/records`, 'office', {
      kind: 'meeting',
      title: '整改工作调度会',
      heldOn: '2025-03-01',
    }),
  );
  const notice = (await expectOk(call(world, 'POST', `/inspections/${world.inspection}/notice`, 'office'))).id;
  await expectOk(call(world, 'PUT', `/notices/${notice}`, 'office', { contact: { phone: '0563-1234567' } }));
  await expectOk(call(world, 'POST', `/notices/${notice}/publish`, 'office'));
  await expectOk(
    call(world, 'POST', `/public/notices/${notice}/feedback`, null, { name: '群众', content: '建议公开进度' }),
  );
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The body of a set-up call, which must have succeeded. */
async function expectOk(reply: Promise<Reply>): Promise<Reply['body']> {
  const { status, body } = await reply;
  if (status >= 300) throw new Error(`${status} ${JSON.stringify(body)}`);
  return body;
}

/** The 整改报告's placeholders ({doneMeasures} …), which the office types as the server names them. */
async function placeholderWords(): Promise<Set<string>> {
  const draft = await expectOk(call(world, 'GET', `/inspections/${world.inspection}/report`, 'office'));
  return new Set((draft.placeholders as string[]).map((name) => name.replace(/[{}]/g, '').toLowerCase()));
}

/** The fields that hold what people typed in (not codes the workbench must translate). */
const TYPED_FIELDS = new Set([
  'name',
  'title',
  'username',
  'email',
  'inspectingBody',
  'inspectedUnit',
  'reason',
  'note',
]);

/** The typed-in texts anywhere in an answer (a person's account, a calendar day's name …). */
function typedTexts(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return TYPED_FIELDS.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => typedTexts(item, key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([field, item]) => typedTexts(item, field));
  return [];
}

/**
 * Words in what people typed in — names of people, accounts, departments, inspections and calendar
 * days, here also other suites' data in the shared database (Alice, Finance, hostile-…) — are data on
 * the screen, not the workbench's words.
 */
async function dataWords(): Promise<Set<string>> {
  const paths = ['/people', '/departments', '/inspections', `/calendar?year=${new Date().getFullYear()}`];
  const answers = await Promise.all(paths.map((path) => expectOk(call(world, 'GET', path, 'admin'))));
  const words =
    answers
      .flatMap((answer) => typedTexts(answer))
      .join(' ')
      .match(/[A-Za-z]{2,}/g) ?? [];
  return new Set(words.map((word) => word.toLowerCase()));
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

/** A plan that names a department nobody knows: the import preview lists it to be mapped. */
const PLAN = [
  '二、整改措施',
  '（1）公务接待管理不规范',
  `牵头单位：无障碍未知局 整改时限：2099年9月底前`,
  '一是修订公务接待办法。二是建立接待台账。',
].join('\n');

/** Screens in a state the walk above leaves closed: who, where, and what opens it. */
const STATES: [string, 'office' | 'admin', string, (page: Page) => Promise<void>][] = [
  [
    'records',
    'office',
    '/documents',
    async (page) => {
      await page.getByRole('tab', { name: '会议与制度' }).click();
      await page.getByText('整改工作调度会').waitFor();
    },
  ],
  [
    'feedback',
    'office',
    '/documents',
    async (page) => {
      await page.getByRole('tab', { name: '群众意见' }).click();
      await page.getByTestId('feedback-item').getByText('转办与答复').click();
      await page.getByTestId('feedback-handling').waitFor();
    },
  ],
  [
    'papers',
    'office',
    '/documents',
    async (page) => {
      await page.getByRole('tab', { name: '正式文件' }).click();
      await page.getByTestId('report-figures').waitFor();
      await page.getByTestId('supervision-notices').waitFor();
    },
  ],
  [
    'bell',
    'office',
    '/work',
    async (page) => {
      await page.getByTestId('inbox').click();
      await page.getByTestId('inbox-digest').waitFor();
    },
  ],
  [
    'import',
    'office',
    '/documents',
    async (page) => {
      await page
        .locator('[data-testid=document-upload]')
        .locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]')
        .setInputFiles({ name: '整改方案.md', mimeType: 'text/markdown', buffer: Buffer.from(PLAN) });
      await page.getByTestId('unknown-names').getByText('无障碍未知局').waitFor();
    },
  ],
  [
    'calendar',
    'admin',
    '/setup',
    async (page) => {
      await page.getByTestId('calendar-version').waitFor();
      await page.getByTestId('calendar-add').waitFor();
    },
  ],
];

it.each(STATES)(
  'has no serious accessibility violation and no English with %s open',
  async (state, who, path, opening) => {
    const username = who === 'admin' ? world.adminUsername : world.users[who].username;
    const { context, page } = await signInPage(browser, world.origin, username);
    try {
      await page.getByTestId('nav').waitFor();
      await page.goto(`${world.origin}${path}`);
      await page.waitForLoadState('networkidle');
      await opening(page);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(SCREENSHOTS, `a11y-${who}-${state}.png`), fullPage: true });
      const problems = await axeProblems(page);
      // The administrator's 设置 lists the whole organisation, whoever entered it.
      const english = await englishWords(
        page,
        who === 'admin' ? await dataWords() : state === 'papers' ? await placeholderWords() : undefined,
      );
      if (english.length) problems.push(`English words ${english.join(', ')}`);
      expect({ state, problems }).toEqual({ state, problems: [] });
    } finally {
      await context.close();
    }
  },
);

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

it('says refused actions, validation errors and a measure out of reach in Chinese', async () => {
  const id = await measureAt(world, 'review', { text: '规范公务用车管理并建立台账' });
  const { context, page } = await signInPage(browser, world.origin, world.users.reviewer.username);
  const problems: string[] = [];
  const check = async (state: string) => {
    const english = await englishWords(page);
    if (english.length) problems.push(`${state}: English words ${english.join(', ')}`);
  };
  try {
    await page.getByTestId('nav').waitFor();
    await page.goto(`${world.origin}/measures/${id}`);
    await page.getByTestId('action-review').waitFor();
    // A required reason left empty: the form's own message.
    await page.getByTestId('action-review').getByText('退回').click();
    await page.getByTestId('submit-review').click();
    await page.getByTestId('action-review').getByText('必填').waitFor();
    await check('validation');
    // A stale form: the review was taken meanwhile, the server refuses, the page says why.
    await page.getByTestId('action-review').getByText('通过').click();
    await expectOk(
      call(
        world,
        'POST',
        `/measures/${id}/actions/review`,
        'reviewer',
        { decision: 'approve' },
        {
          'Idempotency-Key': `a11y-stale-${tag}`,
        },
      ),
    );
    await page.getByTestId('submit-review').click();
    await page.getByTestId('action-result').getByText('当前阶段不能进行此操作').waitFor();
    await check('refused action');
    // A filter the server refuses (a hand-edited link), and a measure that does not exist.
    await page.goto(`${world.origin}/ledger?stage=finished`);
    await page.getByTestId('ledger-error').waitFor();
    await check('refused filter');
    await page.goto(`${world.origin}/measures/00000000-0000-4000-8000-000000000000`);
    await page.getByText('措施不存在或无权查看').waitFor();
    await check('missing measure');
  } finally {
    await context.close();
  }
  expect(problems).toEqual([]);
});
