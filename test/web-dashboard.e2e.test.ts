/**
 * The dashboard in Chromium against the real stack: the done figures first (已完成 · 持续推进 · 未完成 ·
 * 完成率 · 领办 · 问题已整改销号), each a link to the ledger filtered the same way; the 销号 trend per
 * day, with an empty state for an inspection with none; legends only for series with data; the
 * categories in section order (一、二、三、四) with their whole titles, linking to the ledger.
 * Screenshots: 44-dashboard-desktop, 45-dashboard-phone, 46-dashboard-empty.
 */
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS, signInPage } from './support/browser';
import { fastPolicy, waitFor } from './support/stack';
import { actOk, buildWorld, call, createInspection, measureAt, startStack, World } from './support/world';

let world: World<'office' | 'reviewer' | 'leader' | 'supervisor' | 'staff', 'a'>;
let browser: Browser;
let empty: string;
const tag = Date.now().toString(36);
const LONG = `关于选人用人和干部监督管理方面存在的突出问题-${tag}`;
const DESK = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  world = await buildWorld(await startStack('web-dashboard'), {
    departments: { a: `统计局-${tag}` },
    people: {
      office: { name: '统计专员', roles: ['office', 'supervisor'] },
      reviewer: { name: '统计审核', roles: 'reviewer' },
      leader: '统计分管',
      supervisor: { name: '统计督导', roles: 'supervisor' },
      staff: { name: '统计承办', department: 'a' },
    },
    inspection: { title: `统计-${tag}`, policy: fastPolicy({ lookBackAfter: 'PT1H' }) },
  });
  // Sections created out of order: 三, 一 (a long category title), 四, 二.
  const at = (section: string, extra: Record<string, string> = {}) => ({
    sectionNumber: section,
    sectionTitle: `第${section}部分-${tag}`,
    ...extra,
  });
  await measureAt(world, 'rectify', { ...at('三'), text: `三部分措施-${tag}` });
  const category = at('一', { categoryNumber: '一', categoryTitle: LONG });
  await measureAt(world, 'lookback', { ...category, text: `已销号措施甲-${tag}` });
  await measureAt(world, 'lookback', { ...category, text: `已销号措施乙-${tag}` });
  await measureAt(world, 'rectify', { ...at('四'), text: `长期措施-${tag}`, kind: 'ongoing', dueAt: undefined });
  const claimed = await measureAt(world, 'rectify', { ...at('二'), text: `领办措施-${tag}` });
  await actOk(world, claimed, 'claim', 'leader', { note: '亲自领办' });
  await measureAt(world, 'assign', { ...at('二'), text: `未交办措施-${tag}` });
  empty = await createInspection(world, { title: `空统计-${tag}` });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

async function open(viewport = DESK): Promise<{ context: BrowserContext; page: Page }> {
  const session = await signInPage(browser, world.origin, world.users.office.username, undefined, viewport);
  const { page } = session;
  await page.getByTestId('nav').waitFor();
  // The menu picks an inspection once it has the list: choose this one until the page shows it.
  await waitFor(async () => {
    await page.evaluate(`localStorage.setItem('rectiflow.inspection', ${JSON.stringify(world.inspection)})`);
    await page.goto(`${world.origin}/dashboard`);
    await page.getByTestId('dashboard-figures').waitFor();
    await page.waitForLoadState('networkidle');
    return (await page.evaluate<string | null>(`localStorage.getItem('rectiflow.inspection')`)) === world.inspection;
  }, 'the inspection chosen');
  return session;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
const flat = (text: string) => text.replace(/\s+/g, '');
/** The text an SVG chart draws (axis labels, legend). */
const chartText = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((element) => element.querySelector('svg')?.textContent ?? '');

it('leads with the done figures, each linking to the ledger filtered the same way', async () => {
  const { context, page } = await open();
  const figures = flat(await page.getByTestId('dashboard-figures').innerText());
  for (const figure of ['已完成2项', '持续推进1项', '未完成3项', '完成率33.3%', '领办1项', '2个问题已整改销号'])
    expect({ figure, figures: figures.includes(figure) }).toEqual({ figure, figures: true });
  expect(flat(await page.getByTestId('dashboard-breadcrumb').innerText())).toBe('首页/整改统计');
  // A year whose holidays the working calendar does not know (this year or next; 2027 in December 2026) is warned of.
  const coverage = (await call(world, 'GET', `/inspections/${world.inspection}/dashboard`, 'office')).body
    .calendarCoverage as { year: number; covered: boolean }[];
  const warnings = await page.getByTestId('calendar-warning').allInnerTexts();
  expect(warnings.map((text) => Number(/(\d{4})年/.exec(text)?.[1]))).toEqual(
    coverage.filter((year) => !year.covered).map((year) => year.year),
  );
  await shot(page, '44-dashboard-desktop');
  await page.getByTestId('stat-done').click();
  await page.waitForURL(/\/ledger\?progress=done$/);
  await page.getByTestId('ledger-table').getByText(`已销号措施甲-${tag}`).waitFor();
  await page.goBack();
  await page.getByTestId('stat-claimed').click();
  await page.waitForURL(/\/ledger\?claimed=true$/);
  await page.getByTestId('ledger-table').getByText(`领办措施-${tag}`).waitFor();
  await context.close();
});

it('draws 销号 per day, with legends only for the series that have data', async () => {
  const { context, page } = await open();
  await waitFor(async () => (await chartText(page, 'chart-trend')).includes('每日销号'), 'the trend legend');
  const trend = await chartText(page, 'chart-trend');
  expect(trend).not.toContain('每日办结');
  const lights = await chartText(page, 'chart-lights');
  // Every measure is on time: green only in the legend.
  expect(lights).toContain('绿灯');
  expect(lights).not.toContain('红灯');
  await context.close();
});

it('shows an empty state for the trend when nothing was signed off', async () => {
  const { context, page } = await open();
  await page.evaluate(`localStorage.setItem('rectiflow.inspection', ${JSON.stringify(empty)})`);
  await page.reload();
  await page.getByTestId('trend-empty').waitFor();
  expect(await page.getByTestId('trend-empty').innerText()).toContain('暂无销号');
  await shot(page, '46-dashboard-empty');
  await context.close();
});

it('lists the categories in section order with whole titles, linking to the ledger', async () => {
  const { context, page } = await open();
  const rows = await page.getByTestId('dashboard-sections').locator('tbody tr.ant-table-row').allInnerTexts();
  expect(rows.map((text) => flat(text).slice(0, 2))).toEqual(['一、', '二、', '三、', '四、']);
  expect(flat(rows[0])).toContain(flat(LONG));
  await waitFor(async () => flat(await chartText(page, 'chart-completion')).includes(flat(LONG)), 'the whole title');
  await page.getByTestId('dashboard-sections').getByTestId('section-done-一-一').click();
  await page.waitForURL(/\/ledger\?/);
  const params = Object.fromEntries(new URL(page.url()).searchParams);
  expect(params).toEqual({ sectionNumber: '一', categoryNumber: '一', progress: 'done' });
  await page.getByTestId('ledger-table').getByText(`已销号措施乙-${tag}`).waitFor();
  await context.close();
});

it('fits a 390×844 phone', async () => {
  const { context, page } = await open(PHONE);
  await page.getByTestId('chart-completion').waitFor();
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  expect(flat(await page.getByTestId('dashboard-figures').innerText())).toContain('已完成2项');
  await shot(page, '45-dashboard-phone');
  await context.close();
});
