/**
 * Roles on the workbench (issue 15 item 6): the supervisor lands on a desk across inspections (督办单,
 * red, overdue, escalated — the ladder's level in words); a 督办 is sent once and the form is reset;
 * pages a role may not use say 没有权限; the Temporal link only for the office and administrators;
 * the measure page per role on desktop and phone into test-results/screenshots.
 */
import { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { fastPolicy, waitFor } from './support/stack';
import { actOk, buildWorld, call, createInspection, measureAt, startStack, World } from './support/world';
import { DESKTOP, openAs, openMeasure, PHONE, shot, useWebDirUnderTest } from './support/web-pages';

useWebDirUnderTest();

let world: World<'office' | 'reviewer' | 'leader' | 'supervisor' | 'staff', 'a'>;
let browser: Browser;
const tag = Date.now().toString(36);

beforeAll(async () => {
  world = await buildWorld(await startStack('web-roles', { api: { temporalUiUrl: 'http://127.0.0.1:8233' } }), {
    departments: { a: `经办部门-${tag}` },
    people: {
      office: { name: '蒋整改', roles: 'office' },
      reviewer: { name: '沈审核', roles: 'reviewer' },
      leader: '韩领导',
      supervisor: { name: '杨督查', roles: 'supervisor' },
      staff: { name: '朱经办', department: 'a' },
    },
    inspection: { title: `角色-${tag}`, policy: fastPolicy() },
  });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

it('lands the supervisor on a desk across inspections, with 督办单 and overdue measures and the levels in words', async () => {
  const supervised = await measureAt(world, 'rectify', { text: `督办事项-${tag}` });
  await actOk(world, supervised, 'supervise', 'supervisor', { reason: '进度滞后' });
  // A second inspection whose reviews are due at once: its measure in 审核 goes overdue and climbs the ladder.
  const second = await createInspection(world, {
    title: `第二轮-${tag}`,
    policy: fastPolicy({ reviewWithin: 'PT1S' }),
  });
  const late = await measureAt(world, 'review', { inspection: second, text: `逾期审核-${tag}` });
  await waitFor(
    async () => (await call(world, 'GET', `/measures/${late}`, 'supervisor')).body.escalationLevel >= 1,
    'the overdue review to escalate',
  );

  // 反弹回潮 is a 回头看 rebound (or a reopen); a measure merely sent back in review is not one.
  const rebounded = await measureAt(world, 'lookback', { text: `反弹事项-${tag}` });
  await actOk(world, rebounded, 'record_look_back', 'supervisor', { result: 'rebound', note: '问题反弹' });
  const returned = await measureAt(world, 'review', { text: `退回事项-${tag}` });
  await actOk(world, returned, 'review', 'reviewer', { decision: 'reject', reason: '材料不全' });

  const { page } = await openAs(browser, world.origin, world.users.supervisor.username);
  await page.getByTestId('supervisor-desk').waitFor();
  expect(new URL(page.url()).pathname).toBe('/desk');
  await page.getByTestId('desk-supervised').getByText(`督办事项-${tag}`).waitFor();
  await page.getByTestId('desk-supervised').getByText('已升级(4级)：督办单').first().waitFor();
  await page.getByTestId('desk-rebound').getByText(`反弹事项-${tag}`).waitFor();
  expect(await page.getByTestId('desk-rebound').getByText(`退回事项-${tag}`).count()).toBe(0);
  await page.getByTestId('desk-overdue').getByText(`逾期审核-${tag}`).waitFor();
  await page.getByTestId('desk-overdue').getByText(`第二轮-${tag}`).first().waitFor();
  await page.getByTestId('desk-legend').getByText('2级 升级至责任领导', { exact: false }).waitFor();
  await shot(page, 'desk-supervisor-desktop');
  const phone = await openAs(browser, world.origin, world.users.supervisor.username, PHONE);
  await phone.page.getByTestId('supervisor-desk').waitFor();
  await shot(phone.page, 'desk-supervisor-phone');
});

it('sends one 督办 per form: the form is reset and a second click sends nothing', async () => {
  const id = await measureAt(world, 'rectify', { text: `一次督办-${tag}` });
  const { page } = await openAs(browser, world.origin, world.users.supervisor.username);
  await openMeasure(page, world.origin, id);
  await page.getByTestId('field-reason').fill('请于本周内整改到位');
  await page.getByTestId('submit-supervise').dblclick();
  await page.getByTestId('action-result').getByText('已发出督办单').waitFor();
  if ((await page.getByTestId('submit-supervise').count()) > 0) {
    expect(await page.getByTestId('field-reason').inputValue()).toBe('');
    await page.getByTestId('submit-supervise').click();
  }
  await page.waitForTimeout(1500);
  const rows = (await call(world, 'GET', `/measures/${id}/timeline`, 'office')).body as { action: string }[];
  expect(rows.filter((row) => row.action === 'supervise')).toHaveLength(1);
  await page.getByTestId('measure-escalation').getByText('督办单', { exact: false }).waitFor();
});

it('says 没有权限 for pages a role may not use, and does not crash', async () => {
  // 文件与通报 opens to the supervisor with the formal papers alone (the API lets him read them).
  const supervisor = await openAs(browser, world.origin, world.users.supervisor.username);
  await supervisor.page.goto(`${world.origin}/documents`);
  await supervisor.page.getByTestId('papers').waitFor();
  expect(await supervisor.page.getByRole('tab', { name: '导入方案/通报' }).count()).toBe(0);
  const staff = await openAs(browser, world.origin, world.users.staff.username);
  await staff.page.goto(`${world.origin}/documents`);
  await staff.page.getByTestId('access-denied').getByText('没有权限').waitFor();
  await staff.page.goto(`${world.origin}/desk`);
  await staff.page.getByTestId('access-denied').getByText('没有权限').waitFor();
  expect(await staff.page.getByTestId('nav').getByText('督查工作台').count()).toBe(0);
  await supervisor.page.goto(`${world.origin}/setup`);
  await supervisor.page.getByTestId('access-denied').waitFor();
});

it('shows the Temporal link only to the office and administrators; the measure page per role on desktop and phone', async () => {
  const id = await measureAt(world, 'review', { text: `各角色查看-${tag}` });
  const roles = [
    ['office', true],
    ['reviewer', false],
    ['leader', false],
    ['supervisor', false],
    ['staff', false],
  ] as const;
  for (const [role, temporal] of roles)
    for (const [name, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const { context, page } = await openAs(browser, world.origin, world.users[role].username, viewport);
      await openMeasure(page, world.origin, id);
      await page.getByTestId('measure-details').waitFor();
      expect({ role, link: (await page.getByText('在 Temporal 中查看').count()) > 0 }).toEqual({
        role,
        link: temporal,
      });
      await shot(page, `measure-${role}-${name}`);
      await context.close();
    }
  // An administrator (no inspection role) sees it too.
  const admin = await openAs(browser, world.origin, world.adminUsername);
  await openMeasure(admin.page, world.origin, id);
  await admin.page.getByText('在 Temporal 中查看').waitFor();
});
