/**
 * The 督办单 in the workbench, in Chromium: the supervisor issues it, the department's clerk answers
 * it (督办回复, with a file of its own) on the measure page, and the supervisor closes it there.
 * Screenshots: supervision-answer, supervision-answer-file.
 */
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { launchBrowser, SCREENSHOTS, signInPage } from './support/browser';
import { actOk, buildWorld, call, measureAt, startStack, Stack, World } from './support/world';

let stack: Stack;
let world: World<'office' | 'leader' | 'staff' | 'supervisor', 'a'>;
let browser: Browser;
const tag = Date.now().toString(36);

beforeAll(async () => {
  stack = await startStack('web-supervision');
  world = await buildWorld(stack, {
    departments: { a: `督办部门-${tag}` },
    people: {
      office: { name: '整改办', roles: 'office' },
      leader: '责任领导',
      staff: { name: '督办经办', department: 'a' },
      supervisor: { name: '督查组', roles: 'supervisor' },
    },
    inspection: { title: `督办-${tag}` },
  });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('the clerk answers the 督办单 on the measure page and the supervisor closes it', async () => {
  const measure = await measureAt(world, 'rectify');
  await actOk(world, measure, 'supervise', 'supervisor', { reason: '进度滞后,请三日内说明' });
  const clerk = await signInPage(browser, stack.origin, world.users.staff.username);
  try {
    await clerk.page.getByTestId('nav').waitFor();
    await clerk.page.goto(`${stack.origin}/measures/${measure}`);
    const form = clerk.page.getByTestId('submit-answer_supervision');
    await form.waitFor();
    await clerk.page.getByText('督办回复').first().waitFor();
    await clerk.page.getByTestId('field-text').fill('已召开专题会议研究,月底前完成');
    await form.click();
    await clerk.page.getByTestId('submit-answer_supervision').waitFor({ state: 'detached' });
    await clerk.page.screenshot({ path: join(SCREENSHOTS, 'supervision-answer.png'), fullPage: true });
  } finally {
    await clerk.context.close();
  }
  expect((await call(world, 'GET', `/measures/${measure}`, 'supervisor')).body.supervision).toMatchObject({
    status: 'answered',
    answer: { text: '已召开专题会议研究,月底前完成' },
  });
  const supervisor = await signInPage(browser, stack.origin, world.users.supervisor.username);
  try {
    await supervisor.page.getByTestId('nav').waitFor();
    await supervisor.page.goto(`${stack.origin}/measures/${measure}`);
    const close = supervisor.page.getByTestId('submit-close_supervision');
    await close.waitFor();
    await supervisor.page.getByText('办结督办').first().click();
    await close.click();
    await close.waitFor({ state: 'detached' });
  } finally {
    await supervisor.context.close();
  }
  expect((await call(world, 'GET', `/measures/${measure}`, 'supervisor')).body.supervision).toBeNull();
});

it('the clerk answers a 督办单 with a file uploaded on its card while the measure is in review', async () => {
  const measure = await measureAt(world, 'review');
  await actOk(world, measure, 'supervise', 'supervisor', { reason: '请说明整改材料来源' });
  const clerk = await signInPage(browser, stack.origin, world.users.staff.username);
  try {
    await clerk.page.getByTestId('nav').waitFor();
    await clerk.page.goto(`${stack.origin}/measures/${measure}`);
    const card = clerk.page.getByTestId('action-answer_supervision');
    await card.waitFor();
    // The measure is with the reviewer: the department has no other form, the 督办回复 card takes the files.
    expect(await clerk.page.getByTestId('clerk-actions').count()).toBe(0);
    await card.locator('[data-testid=evidence-upload] input[type=file]').setInputFiles({
      name: '情况说明.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 情况说明'),
    });
    const choice = clerk.page.getByTestId('evidence-choice').locator('label', { hasText: '情况说明.pdf' });
    await choice.waitFor();
    // The files submitted for review earlier are not offered ticked: the answer names what is new.
    expect(await choice.locator('input').isChecked()).toBe(true);
    const submitted = clerk.page.getByTestId('evidence-choice').locator('label', { hasText: '纪要.pdf' });
    expect(await submitted.locator('input').isChecked()).toBe(false);
    await clerk.page.getByTestId('field-text').fill('材料来源已补充说明');
    await clerk.page.screenshot({ path: join(SCREENSHOTS, 'supervision-answer-file.png'), fullPage: true });
    await clerk.page.getByTestId('submit-answer_supervision').click();
    await clerk.page.getByTestId('submit-answer_supervision').waitFor({ state: 'detached' });
  } finally {
    await clerk.context.close();
  }
  const { supervision } = (await call(world, 'GET', `/measures/${measure}`, 'supervisor')).body;
  expect(supervision).toMatchObject({ status: 'answered', answer: { text: '材料来源已补充说明' } });
  const files = (await call(world, 'GET', `/measures/${measure}/evidence`, 'supervisor')).body as {
    id: string;
    fileName: string;
  }[];
  expect(supervision.answer.evidenceIds).toEqual([files.find((file) => file.fileName === '情况说明.pdf')!.id]);
});
