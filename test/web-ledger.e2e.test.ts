/**
 * The ledger's columns from the Excel export (问题序号, 所属问题, 最新进展) and its order by 问题序号 or
 * 整改时限, sorted by the server: GET /api/measures?sort=…&order=… over HTTP, then the ledger screen
 * in Chromium, whose column headers set the order in the URL. Screenshot: 14-ledger-sorted.
 */
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS, signInPage } from './support/browser';
import { waitFor } from './support/stack';
import { actOk, buildWorld, call, createProblem, startStack, Stack, submitEvidence, World } from './support/world';

let stack: Stack;
let world: World<'office' | 'leader' | 'staff', 'a'>;
let browser: Browser;
const measures: Record<string, string> = {};

beforeAll(async () => {
  stack = await startStack('web-ledger');
  const tag = Date.now().toString(36);
  world = await buildWorld(stack, {
    departments: { a: `台账排序-${tag}` },
    people: {
      office: { name: '台账办', roles: 'office' },
      leader: '台账领导',
      staff: { name: '台账经办', department: 'a' },
      supervisor: { name: '台账督查', roles: 'supervisor' },
    },
    inspection: { title: `台账排序-${tag}` },
  });
  // Problem numbers out of order, deadlines in another order, and one measure not yet assigned (no stage deadline).
  const spec = [
    { number: 7, title: '问题七', categoryNumber: '二', measures: [['7-1', '2099-03-01']] },
    {
      number: 3,
      title: '问题三',
      categoryNumber: '一',
      measures: [
        ['3-1', '2099-09-01'],
        ['3-2', '2099-09-01'],
      ],
    },
    { number: 12, title: '问题十二', categoryNumber: '一', measures: [['12-1', '2099-01-15']] },
  ];
  for (const problem of spec) {
    const created = await createProblem(world, {
      number: problem.number,
      title: problem.title,
      sectionNumber: '二',
      categoryNumber: problem.categoryNumber,
      measures: problem.measures.map(([text, dueAt]) => ({ text: `措施${text}`, dueAt })),
    });
    created.measures.forEach((measure, index) => (measures[problem.measures[index][0]] = measure.id));
  }
  for (const key of ['7-1', '3-1', '3-2']) await actOk(world, measures[key], 'assign', 'office');
  expect((await submitEvidence(world, measures['7-1'], { summary: '已完成自查并整改' })).status).toBe(200);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The measures of the ledger page, by their 问题序号-措施 label. */
async function ledger(query: string): Promise<string[]> {
  const reply = await call(world, 'GET', `/measures?inspectionId=${world.inspection}${query}`, 'office');
  expect(reply.status).toBe(200);
  return reply.body.items.map((item: { text: string }) => item.text.replace('措施', ''));
}

it("sorts the measure list by 问题序号 or 整改时限 on the server, and names each measure's problem", async () => {
  expect(await ledger('&sort=problemNumber')).toEqual(['3-1', '3-2', '7-1', '12-1']);
  expect(await ledger('&sort=problemNumber&order=asc')).toEqual(['3-1', '3-2', '7-1', '12-1']);
  expect(await ledger('&sort=problemNumber&order=desc')).toEqual(['12-1', '7-1', '3-2', '3-1']);
  expect(await ledger('&sort=dueAt')).toEqual(['12-1', '7-1', '3-1', '3-2']);
  expect(await ledger('&sort=dueAt&order=desc')).toEqual(['3-1', '3-2', '7-1', '12-1']);
  // Paging follows the order.
  expect(await ledger('&sort=problemNumber&order=desc&limit=2&offset=1')).toEqual(['7-1', '3-2']);
  // Without a sort: open measures by their stage deadline, the unassigned one (none) last.
  expect((await ledger('')).at(-1)).toBe('12-1');
  expect(await ledger('&order=desc')).toEqual(await ledger(''));

  const page = (await call(world, 'GET', `/measures?inspectionId=${world.inspection}&sort=problemNumber`, 'office'))
    .body;
  expect(page.items[2]).toMatchObject({
    problemNumber: 7,
    problemTitle: '问题七',
    latestProgress: '已完成自查并整改',
    dueAt: expect.stringMatching(/^2099-03-0[12]/),
  });
  for (const bad of ['sort=title', 'sort=problemNumber&order=up', 'sort=']) {
    const refused = await call(world, 'GET', `/measures?inspectionId=${world.inspection}&${bad}`, 'office');
    expect({ bad, status: refused.status }).toEqual({ bad, status: 400 });
  }
  // Staff see their department's measures only, in the same order.
  expect(
    (await call(world, 'GET', `/measures?inspectionId=${world.inspection}&sort=problemNumber`, 'staff')).body.items.map(
      (item: { problemNumber: number }) => item.problemNumber,
    ),
  ).toEqual([3, 3, 7, 12]);
});

/** The first column (问题序号) and the measure of each row on screen, e.g. '3 措施3-1'. */
async function rows(page: Page): Promise<string[]> {
  const cells = page.locator('[data-testid=ledger-table] tbody tr.ant-table-row');
  const texts: string[] = [];
  for (let index = 0; index < (await cells.count()); index += 1) {
    const row = cells.nth(index);
    texts.push(
      `${(await row.locator('td').nth(0).innerText()).trim()} ${(await row.locator('td').nth(2).innerText()).trim()}`,
    );
  }
  return texts;
}

async function expectRows(page: Page, expected: string[]) {
  await waitFor(
    async () => JSON.stringify(await rows(page)) === JSON.stringify(expected),
    `the ledger rows ${expected.join(', ')}`,
  ).catch(async (error) => {
    throw new Error(`${(error as Error).message}; on screen: ${(await rows(page)).join(', ')}`);
  });
}

it('shows 问题序号, 所属问题 and 最新进展 in the ledger, and sorts by 问题序号 and 整改时限 from the column headers', async () => {
  const { context, page } = await signInPage(browser, stack.origin, world.users.office.username);
  await page.getByTestId('nav').waitFor();
  await page.goto(`${stack.origin}/ledger`);
  const table = page.getByTestId('ledger-table');
  await table.getByText('措施12-1').waitFor();
  const headers = await table.locator('thead th').allInnerTexts();
  for (const header of ['问题序号', '所属问题', '最新进展', '整改时限'])
    expect(headers.map((text) => text.trim())).toContain(header);
  const progressRow = table.locator('tr', { hasText: '措施7-1' });
  expect(await progressRow.innerText()).toContain('问题七');
  expect(await progressRow.innerText()).toContain('已完成自查并整改');

  await table.getByRole('columnheader', { name: '问题序号' }).click();
  await expectRows(page, ['3 措施3-1', '3 措施3-2', '7 措施7-1', '12 措施12-1']);
  expect(new URL(page.url()).searchParams.get('sort')).toBe('problemNumber');
  await table.getByRole('columnheader', { name: '问题序号' }).click();
  await expectRows(page, ['12 措施12-1', '7 措施7-1', '3 措施3-2', '3 措施3-1']);
  expect(new URL(page.url()).searchParams.get('order')).toBe('desc');

  await table.getByRole('columnheader', { name: '整改时限' }).click();
  await expectRows(page, ['12 措施12-1', '7 措施7-1', '3 措施3-1', '3 措施3-2']);
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ sort: 'dueAt' });
  await page.screenshot({ path: join(SCREENSHOTS, '14-ledger-sorted.png'), fullPage: true });

  // The order is in the URL: a reload (or a link) shows the same.
  await page.reload();
  await expectRows(page, ['12 措施12-1', '7 措施7-1', '3 措施3-1', '3 措施3-2']);
  await context.close();
});

it("filters by the problem's category within its section, as the dashboard's category bars link", async () => {
  expect(await ledger('&sectionNumber=二&categoryNumber=一&sort=problemNumber')).toEqual(['3-1', '3-2', '12-1']);
  expect(await ledger('&sectionNumber=二&categoryNumber=二&sort=problemNumber')).toEqual(['7-1']);
  expect(await ledger('&sectionNumber=二&categoryNumber=三')).toEqual([]);
});

it('lists the escalated open measures, as the dashboard counts 升级未办', async () => {
  expect(await ledger('&escalated=true')).toEqual([]);
  await actOk(world, measures['3-2'], 'supervise', 'supervisor', { reason: '进度滞后，督办' });
  expect(await ledger('&escalated=true')).toEqual(['3-2']);
  expect(await ledger('&escalated=false&sort=problemNumber')).toEqual(['3-1', '7-1', '12-1']);
});
