/**
 * What the browser tests check on a screen: axe-core's serious and critical violations, and English
 * words on a Chinese screen outside an allow-list (product, file types, units) and the screen's data.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

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
  'iso',
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

/** The page's serious and critical axe-core violations, one line each. */
export async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the workbench's CSP (script-src 'self') rightly refuses an inline script.
  await page.evaluate(AXE);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0] && v.nodes[0].target.join(' ') })))`,
  )) as { id: string; impact: string; nodes: number; target: string }[];
  return violations
    .filter((item) => item.impact === 'serious' || item.impact === 'critical')
    .map((item) => `${item.id} (${item.impact}, ${item.nodes}×, e.g. ${item.target})`);
}

/** English words on the page, but for the allow-list and `data` (names people typed in, lower case). */
export async function englishWords(page: Page, data: Set<string> = new Set()): Promise<string[]> {
  const text = (await page.evaluate('document.body.innerText')) as string;
  // Ids, hashes, dates and file names are not words a person reads as English, nor are the test's
  // usernames (office-1a2b3c4d) or a version (chinese-days@1.5.7+local.3) the administrator sees.
  // A word is letters between non-alphanumerics: a test tag (mim4pvwv) or a hash is not English.
  const words =
    text
      .replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/gi, ' ')
      .replace(/\b[a-z]+-[0-9a-f]{8}\b/g, ' ')
      .replace(/\S+@[\d.]+\+local\.\d+/g, ' ')
      .match(/(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])/g) ?? [];
  return [...new Set(words.filter((word) => !ALLOWED.has(word.toLowerCase()) && !data.has(word.toLowerCase())))];
}
