/**
 * The ledger as a pro table, in Chromium against the real stack: 批量催办 over a selection (one request,
 * each measure's result in Chinese), a 回头看 round (each selected measure holds or rebounds, with a note,
 * in one form and one request), the 领办 filter and column, the collapsible query form, column settings
 * kept in localStorage, density, breadcrumbs and the way back from a measure to the same query, and on a
 * 390×844 phone a card list. Screenshots: 40-ledger-pro-desktop, 41-ledger-urge-result,
 * 42-ledger-lookback-round, 43-ledger-phone.
 */
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS, signInPage } from './support/browser';
import { fastPolicy, waitFor } from './support/stack';
import { actOk, buildWorld, call, createProblem, measureAt, startStack, World } from './support/world';

let world: World<'office' | 'reviewer' | 'leader' | 'supervisor' | 'staff', 'a'>;
let browser: Browser;
const tag = Date.now().toString(36);
const ids: Record<string, string> = {};
const DESK = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  world = await buildWorld(await startStack('web-ledger-pro'), {
    departments: { a: `台账专业版-${tag}` },
    people: {
      office: { name: '台账专员', roles: 'office' },
      reviewer: { name: '台账审核', roles: 'reviewer' },
      leader: '台账分管',
      supervisor: { name: '台账督导', roles: 'supervisor' },
      staff: { name: '台账承办', department: 'a' },
    },
    // The look-back falls due late: the round is an early look-back, as offices run them.
    inspection: { title: `台账专业版-${tag}`, policy: fastPolicy({ lookBackAfter: 'PT1H' }) },
  });
  const urged = await createProblem(world, {
    title: `催办问题-${tag}`,
    sectionNumber: '一',
    measures: ['催办甲', '催办乙', '催办丙'].map((text) => ({ text: `${text}-${tag}`, dueAt: '2099-06-30' })),
  });
  [ids.u1, ids.u2, ids.u3] = urged.measures.map((measure) => measure.id);
  await actOk(world, ids.u1, 'assign', 'office');
  await actOk(world, ids.u2, 'assign', 'office');
  // u3 is still in 交办: nobody has work to urge, so the batch refuses it and urges the others.
  for (const key of ['l1', 'l2', 'l3'])
    ids[key] = await measureAt(world, 'lookback', {
      title: `回头看问题${key}-${tag}`,
      text: `回头看措施${key}-${tag}：建立长效机制并开展全面自查自纠`,
    });
  ids.c1 = await measureAt(world, 'rectify', { title: `领办问题-${tag}`, text: `领办措施-${tag}` });
  await actOk(world, ids.c1, 'claim', 'leader', { note: '亲自领办' });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

async function open(who: string, viewport = DESK): Promise<{ context: BrowserContext; page: Page }> {
  const session = await signInPage(browser, world.origin, who, undefined, viewport);
  await session.page.getByTestId('nav').waitFor();
  return session;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
const row = (page: Page, text: string) => page.getByTestId('ledger-table').locator('tr', { hasText: text });
const search = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

it('urges a selection at once and shows each measure’s result in Chinese (批量催办)', async () => {
  const { context, page } = await open(world.users.office.username);
  await page.goto(`${world.origin}/ledger?q=${encodeURIComponent(`催办`)}&sort=problemNumber`);
  await row(page, `催办丙-${tag}`).waitFor();
  await page.getByTestId('batch-select').click();
  for (const text of ['催办甲', '催办乙', '催办丙'])
    await row(page, `${text}-${tag}`).locator('input[type=checkbox]').check();
  await page.getByTestId('batch-urge-open').click();
  const form = page.getByTestId('batch-urge');
  await form.waitFor();
  await form.getByTestId('urge-message').fill('请于本周五前报送整改进展');
  await form.getByTestId('submit-urge').click();
  const result = page.getByTestId('batch-result');
  await result.getByText('2 项成功，1 项未成功').waitFor();
  const outcomes = await result.getByTestId('batch-outcome').allInnerTexts();
  expect(outcomes).toHaveLength(3);
  const of = (text: string) => outcomes.find((line) => line.includes(`${text}-${tag}`)) ?? '';
  expect(of('催办甲')).toContain('已催办');
  expect(of('催办乙')).toContain('已催办');
  expect(of('催办丙')).toContain('当前阶段不能进行此操作');
  // Said from the refusal's reason, as a single action's refusal is (the batch answer carries it now).
  expect(of('催办丙')).toContain('当前处于交办阶段，不能催办');
  await shot(page, '41-ledger-urge-result');
  for (const id of [ids.u1, ids.u2]) {
    const timeline = (await call(world, 'GET', `/measures/${id}/timeline`, 'office')).body;
    expect(timeline.some((entry: { action: string }) => entry.action === 'urge')).toBe(true);
  }
  await context.close();
});

it('records a 回头看 round: each selected measure holds or rebounds with a note, in one request', async () => {
  const { context, page } = await open(world.users.supervisor.username);
  await page.goto(`${world.origin}/ledger?stage=lookback&q=${encodeURIComponent(tag)}&sort=problemNumber`);
  await row(page, `回头看措施l3-${tag}`).waitFor();
  await page.getByTestId('batch-select').click();
  for (const key of ['l1', 'l2', 'l3'])
    await row(page, `回头看措施${key}-${tag}`).locator('input[type=checkbox]').check();
  await page.getByTestId('lookback-open').click();
  const form = page.getByTestId('lookback-round');
  await form.waitFor();
  const item = (key: string) => form.getByTestId('lookback-item').filter({ hasText: `回头看措施${key}-${tag}` });
  await item('l2').getByText('出现反弹').click();
  // A rebound needs a note: the form says so before anything is sent.
  await form.getByTestId('submit-lookback').click();
  await form.getByText('反弹须写明回头看意见').waitFor();
  await item('l2').getByTestId('lookback-note').fill('问题出现反弹，重新整改');
  await item('l3').getByTestId('lookback-note').fill('已建立长效机制');
  const requests: string[] = [];
  page.on('request', (request) => request.method() === 'POST' && requests.push(new URL(request.url()).pathname));
  await form.getByTestId('submit-lookback').click();
  const result = page.getByTestId('batch-result');
  await result.getByText('3 项成功，0 项未成功').waitFor();
  expect(requests).toEqual(['/api/look-back-rounds']);
  const outcomes = await result.getByTestId('batch-outcome').allInnerTexts();
  expect(outcomes.find((line) => line.includes(`回头看措施l2-${tag}`))).toContain('反弹');
  await shot(page, '42-ledger-lookback-round');
  const stageOf = async (id: string) => (await call(world, 'GET', `/measures/${id}`, 'office')).body.stage;
  await waitFor(async () => (await stageOf(ids.l1)) === 'closed', 'l1 closed');
  expect(await stageOf(ids.l2)).toBe('rectify');
  expect(await stageOf(ids.l3)).toBe('closed');
  await context.close();
});

it('filters by 领办 and shows who claimed each measure', async () => {
  const { context, page } = await open(world.users.office.username);
  await page.goto(`${world.origin}/ledger?q=${encodeURIComponent(tag)}`);
  await row(page, `领办措施-${tag}`).waitFor();
  const headers = (await page.getByTestId('ledger-table').locator('thead th').allInnerTexts()).map((h) => h.trim());
  expect(headers).toContain('领办');
  expect(await row(page, `领办措施-${tag}`).innerText()).toContain('台账分管');
  await page.getByTestId('filter-claimed').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('已领办', { exact: true }).click();
  await waitFor(async () => search(page).claimed === 'true', 'claimed=true in the URL');
  await waitFor(
    async () => (await page.getByTestId('ledger-table').locator('tbody tr.ant-table-row').count()) === 1,
    'the claimed measure alone',
  );
  await row(page, `领办措施-${tag}`).waitFor();
  await context.close();
});

it('collapses the query form, keeps column settings and density, and leads back from a measure to the same query', async () => {
  const { context, page } = await open(world.users.office.username);
  await page.goto(`${world.origin}/ledger?q=${encodeURIComponent(tag)}&sort=problemNumber`);
  await row(page, `领办措施-${tag}`).waitFor();
  expect((await page.getByTestId('ledger-breadcrumb').innerText()).replace(/\s+/g, '')).toBe('首页/整改台账');

  // 展开 / 收起: the less used filters wait behind 展开.
  expect(await page.getByTestId('filter-colour').isVisible()).toBe(false);
  const toggle = page.getByTestId('ledger-filters-toggle');
  expect(await toggle.innerText()).toContain('展开');
  await toggle.click();
  await page.getByTestId('filter-colour').waitFor();
  expect(await toggle.innerText()).toContain('收起');

  // Column settings: 轮次 hidden, and still hidden after a reload.
  const headers = async () =>
    (await page.getByTestId('ledger-table').locator('thead th').allInnerTexts()).map((h) => h.trim());
  expect(await headers()).toContain('轮次');
  await page.getByTestId('ledger-columns').click();
  await page.getByTestId('column-toggle-round').getByText('轮次').click();
  await waitFor(async () => !(await headers()).includes('轮次'), '轮次 hidden');
  await page.reload();
  await row(page, `领办措施-${tag}`).waitFor();
  expect(await headers()).not.toContain('轮次');
  expect(await headers()).toContain('领办');

  // Density: 紧凑 and back to 默认.
  const size = () =>
    page
      .getByTestId('ledger-table')
      .evaluate((element) => (element.closest('.ant-table') ?? element.querySelector('.ant-table'))?.className ?? '');
  expect(await size()).toContain('ant-table-middle');
  await page.getByTestId('ledger-density').getByText('紧凑').click();
  await waitFor(async () => (await size()).includes('ant-table-small'), 'the compact table');
  await shot(page, '40-ledger-pro-desktop');

  // Sorted on the server from the header, the order in the URL.
  await page.getByTestId('ledger-table').getByRole('columnheader', { name: '整改时限' }).click();
  await waitFor(async () => search(page).sort === 'dueAt', 'sort=dueAt');

  // Into a measure and back: the breadcrumb leads to the ledger with the same query.
  const before = search(page);
  await row(page, `领办措施-${tag}`)
    .getByRole('link', { name: `领办措施-${tag}` })
    .click();
  await page.getByTestId('measure-page').waitFor();
  const trail = page.getByTestId('measure-breadcrumb');
  expect((await trail.innerText()).replace(/\s+/g, '')).toContain('首页/整改台账/');
  await trail.getByRole('link', { name: '整改台账' }).click();
  await row(page, `领办措施-${tag}`).waitFor();
  expect(new URL(page.url()).pathname).toBe('/ledger');
  expect(search(page)).toEqual(before);

  // Back to the defaults for the other tests.
  await page.getByTestId('ledger-columns').click();
  await page.getByTestId('column-toggle-round').getByText('轮次').click();
  await context.close();
});

it('shows a card list on a 390×844 phone, the measure text across the card', async () => {
  const { context, page } = await open(world.users.office.username, PHONE);
  await page.goto(`${world.origin}/ledger?q=${encodeURIComponent(tag)}&sort=problemNumber`);
  const cards = page.getByTestId('ledger-cards');
  await cards.getByText(`回头看措施l1-${tag}`, { exact: false }).first().waitFor();
  expect(await page.getByTestId('ledger-table').count()).toBe(0);
  const text = cards.getByTestId('ledger-card-text').filter({ hasText: `回头看措施l1-${tag}` });
  const box = (await text.boundingBox())!;
  // Across the card, not a column four characters wide.
  expect(box.width).toBeGreaterThan(250);
  const lineHeight = await text.evaluate(
    (element) => parseFloat(element.ownerDocument.defaultView?.getComputedStyle(element).lineHeight ?? '') || 22,
  );
  expect(box.height / lineHeight).toBeLessThan(4);
  const card = cards.getByTestId('ledger-card').filter({ hasText: `领办措施-${tag}` });
  expect(await card.innerText()).toContain('领办');
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await shot(page, '43-ledger-phone');
  await context.close();
});
