/**
 * Account administration in a real browser (Debian's Chromium through playwright-core) against the
 * real API: in 设置 the administrator disables and enables a person's account and resets the
 * password; the one-time password shows once in a modal; the person signs in with it and gets the
 * change-password form (also after a reload), and nothing else until the new password is saved.
 * Screenshots go to test-results/screenshots.
 */
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { TEST_PASSWORD, TestApi } from './support/http';
import { launchBrowser, SCREENSHOTS, signInPage as signIn } from './support/browser';
import { buildWorld, startStack, World } from './support/world';

let world: World;
let origin: string;
let client: TestApi;
let browser: Browser;
let adminUsername: string;
const tag = Date.now().toString(36);
const target = { id: '', username: `qian-${tag}`, name: `钱离职-${tag}` };

const signInPage = async (username: string, password: string): Promise<Page> =>
  (await signIn(browser, origin, username, password)).page;

/** After antd's open and close animations (a modal zooming in is half transparent), so the picture shows what a person sees. */
async function shot(page: Page, name: string) {
  // A function, not a string: the workbench's CSP forbids eval.
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): { playState: string }[] } }).document
      .getAnimations()
      .every((animation) => animation.playState !== 'running'),
  );
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
const confirm = (page: Page) => page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
const row = (page: Page) => page.getByTestId(`person-${target.username}`);

beforeAll(async () => {
  world = await buildWorld(await startStack('web-accounts', { worker: false }));
  ({ origin, client, adminUsername } = world);
  target.id = (
    await client.call('POST', '/people', world.admin, {
      name: target.name,
      username: target.username,
      password: TEST_PASSWORD,
    })
  ).body.id;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

it('disables, enables and resets an account from 设置, and the person must choose a new password at sign-in', async () => {
  const session = await client.call('POST', '/auth/sign-in', null, {
    username: target.username,
    password: TEST_PASSWORD,
  });
  const page = await signInPage(adminUsername, TEST_PASSWORD);
  await page.getByTestId('nav').waitFor();
  await page.goto(`${origin}/setup`);
  await page.getByTestId('people-search').fill(target.username);
  await row(page).waitFor();
  // The administrator's own row offers neither button.
  await page.getByTestId('people-search').fill(adminUsername);
  expect(await page.getByTestId(`person-${adminUsername}`).getByTestId('account-disable').isDisabled()).toBe(true);
  await page.getByTestId('people-search').fill(target.username);

  await row(page).getByTestId('account-disable').click();
  await page.getByText(`停用${target.name}的账号？`).waitFor();
  await confirm(page);
  await row(page).getByText('已停用').waitFor();
  await shot(page, 'accounts-01-disabled');
  expect(
    (await client.call('GET', '/auth/me', null, undefined, { authorization: `Bearer ${session.body.accessToken}` }))
      .status,
  ).toBe(401);
  expect(
    (await client.call('POST', '/auth/sign-in', null, { username: target.username, password: TEST_PASSWORD })).status,
  ).toBe(401);

  await row(page).getByTestId('account-enable').click();
  await row(page).getByText('正常').waitFor();
  expect(
    (await client.call('POST', '/auth/sign-in', null, { username: target.username, password: TEST_PASSWORD })).status,
  ).toBe(200);

  await row(page).getByTestId('account-reset').click();
  await confirm(page);
  const modal = page.getByTestId('one-time-password-modal');
  await modal.getByText('一次性密码').first().waitFor();
  const oneTime = (await page.getByTestId('one-time-password').innerText()).trim();
  expect(oneTime).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
  await shot(page, 'accounts-02-one-time-password');
  await page.getByRole('button', { name: '我已记下' }).click();
  await row(page).getByText('待修改密码').waitFor();
  await page.getByTestId('one-time-password').waitFor({ state: 'detached' });
  // Shown once: once closed, nothing on the page holds it any more.
  expect(await page.content()).not.toContain(oneTime);

  // The person signs in with it: the change form, not the workbench.
  const person = await signInPage(target.username, oneTime);
  await person.getByTestId('change-password').waitFor();
  await person.getByText('您的密码已由管理员重置，须先设置新密码才能继续使用。').waitFor();
  expect(await person.getByTestId('nav').count()).toBe(0);
  // A reload keeps the form (the server still refuses everything else); now it asks for the current password.
  await person.reload();
  await person.getByTestId('current-password').waitFor();
  await shot(person, 'accounts-03-change-password');
  await person.getByTestId('current-password').fill('Not-the-one-time-1');
  await person.getByTestId('new-password').fill('My-own-password-7');
  await person.getByTestId('confirm-password').fill('My-own-password-7');
  await person.getByTestId('change-password-submit').click();
  await person.getByTestId('change-password-error').getByText('当前密码不正确').waitFor();
  await person.getByTestId('current-password').fill(oneTime);
  await person.getByTestId('confirm-password').fill('My-own-password-8');
  await person.getByTestId('change-password-submit').click();
  await person.getByText('两次输入的新密码不一致').waitFor();
  await person.getByTestId('confirm-password').fill('My-own-password-7');
  await person.getByTestId('change-password-submit').click();
  await person.getByTestId('nav').waitFor();
  await shot(person, 'accounts-04-signed-in-after-change');
  expect(
    (await client.call('POST', '/auth/sign-in', null, { username: target.username, password: 'My-own-password-7' }))
      .body.passwordChangeRequired,
  ).toBe(false);

  // The setup screen shows the change; the account audit holds every step.
  await page.reload();
  await page.getByTestId('people-search').fill(target.username);
  await row(page).getByText('正常').waitFor();
  expect(await row(page).getByText('待修改密码').count()).toBe(0);
  const admin = (await client.call('POST', '/auth/sign-in', null, { username: adminUsername, password: TEST_PASSWORD }))
    .body.accessToken;
  const audit = await client.call('GET', `/admin/account-events?personId=${target.id}`, null, undefined, {
    authorization: `Bearer ${admin}`,
  });
  expect(audit.body.map((event: { action: string }) => event.action)).toEqual([
    'account.reset_password',
    'account.enable',
    'account.disable',
  ]);
});

it('shows the change form in English too', async () => {
  const admin = (await client.call('POST', '/auth/sign-in', null, { username: adminUsername, password: TEST_PASSWORD }))
    .body.accessToken;
  await client.call('POST', `/people/${target.id}/account/enable`, null, undefined, {
    authorization: `Bearer ${admin}`,
  });
  const reset = await client.call('POST', `/people/${target.id}/account/reset-password`, null, undefined, {
    authorization: `Bearer ${admin}`,
  });
  const person = await signInPage(target.username, reset.body.oneTimePassword);
  await person.getByTestId('change-password').waitFor();
  await person.getByText('English').click();
  await person.getByText('An administrator reset your password: choose a new one before you continue.').waitFor();
  await person.getByRole('button', { name: 'Save the new password and continue' }).waitFor();
  await shot(person, 'accounts-05-change-password-en');
});
