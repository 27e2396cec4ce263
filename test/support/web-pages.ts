/** Helpers of the measure-page browser suites (web-measure, web-roles): the workbench under test, sign-in, screenshots. */
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, signInPage } from './browser';
import { waitFor } from './stack';

/**
 * WEB_DIR_UNDER_TEST serves another build of the workbench (e.g. the last commit's, to see a test fail
 * before a change) instead of the one global setup built from the tree.
 */
export function useWebDirUnderTest(): void {
  if (process.env.WEB_DIR_UNDER_TEST) process.env.TEST_WEB_DIR = process.env.WEB_DIR_UNDER_TEST;
}

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function openAs(
  browser: Browser,
  origin: string,
  username: string,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const session = await signInPage(browser, origin, username, undefined, viewport);
  await session.page.getByTestId('nav').waitFor();
  return session;
}

export async function openMeasure(page: Page, origin: string, id: string): Promise<void> {
  await page.goto(`${origin}/measures/${id}`);
  await page.getByTestId('measure-page').waitFor();
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export const stageOf = (page: Page) => page.getByTestId('measure-stage').innerText();

export async function waitForStage(page: Page, stage: string): Promise<void> {
  await waitFor(async () => (await stageOf(page)) === stage, `the stage ${stage}`);
}

/** Types a day into a date picker and leaves the field. */
export async function typeDate(page: Page, testId: string, day: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(day);
  await page.keyboard.press('Tab');
  await waitFor(async () => (await input.inputValue()) === day, `the date ${day} in ${testId}`);
}
