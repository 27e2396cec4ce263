/**
 * The keyboard test's helpers: Tab pressed until the focus comes round, and which of the controls a
 * person sees the focus never reached. The in-page parts are text (the tests compile without the DOM
 * library) and run through the DevTools protocol, which the workbench's CSP rightly does not cover.
 */
import { Page } from 'playwright-core';

/** Buttons, links (with or without href), fields, selects and whatever declares a role or a tab stop. */
const CONTROLS =
  'a, button, input, select, textarea, summary, [role=button], [role=link], [role=checkbox], [role=switch], [role=tab], [role=combobox], [tabindex]';
/** Widgets with one Tab stop whose parts the arrow keys move between (a segmented switch, the menu, tabs). */
const COMPOSITES =
  '[role=radiogroup], [role=tablist], [role=menu], [role=menubar], [role=tree], [role=listbox], [role=grid]';

/**
 * Marks the controls on screen now (window.__controls) and starts recording every element the focus
 * lands on (window.__reached). Drawn as clickable counts as a control: a React click handler on it, or
 * the pointer cursor where its parent has none (a clickable card or row, an <a> without href).
 */
const MARK = `(() => {
  const visible = (el) => {
    if (el.closest('[aria-hidden="true"], [inert]')) return false;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
  };
  const clickable = (el) => {
    const props = Object.keys(el).find((key) => key.startsWith('__reactProps$'));
    if (props && typeof el[props].onClick === 'function') return true;
    if (getComputedStyle(el).cursor !== 'pointer') return false;
    return !el.parentElement || getComputedStyle(el.parentElement).cursor !== 'pointer';
  };
  const control = (el) =>
    (el.matches(${JSON.stringify(CONTROLS)}) || clickable(el)) &&
    !(el.getAttribute('tabindex') || '').startsWith('-') &&
    !el.matches(':disabled, [type=hidden]') &&
    !el.closest('[aria-disabled="true"]') &&
    visible(el);
  window.__controls = [...document.body.querySelectorAll('*')].filter(control);
  window.__reached = new Set();
  window.__seen = new Set();
  document.addEventListener('focusin', (event) => window.__reached.add(event.target), true);
})()`;

/** Where the focus is: 'body', 'new' (an element not reached before) or 'again'. */
const WHERE = `(() => {
  const active = document.activeElement;
  if (!active || active === document.body) return 'body';
  if (window.__seen.has(active)) return 'again';
  window.__seen.add(active);
  return 'new';
})()`;

/**
 * The controls still on screen the focus never reached: on one, inside one (a select's input in its
 * box, a checkbox in its label) or on a control holding it (a pagination item and its arrow), or in a
 * composite widget it reached.
 */
const UNREACHED = `(() => {
  const reached = [...window.__reached].filter((el) => el.isConnected && el !== document.body);
  const composites = ${JSON.stringify(COMPOSITES)};
  const got = (el) => {
    const composite = el.closest(composites);
    return reached.some((r) => r === el || el.contains(r) || r.contains(el) || (composite && composite.contains(r)));
  };
  const name = (el) => {
    const id = el.closest('[data-testid]');
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || '').trim();
    return el.tagName.toLowerCase() + (el.getAttribute('role') ? '[role=' + el.getAttribute('role') + ']' : '') +
      (id ? ' in ' + id.getAttribute('data-testid') : '') + ' "' + text.slice(0, 24) + '"';
  };
  return window.__controls.filter((el) => el.isConnected && !got(el)).map(name);
})()`;

/** Presses Tab from the top of the page until the focus comes back to an element it was on; answers the presses. */
export async function tabRound(page: Page, max = 400): Promise<number> {
  await page.evaluate(MARK);
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(WHERE)) === 'again') return presses;
  }
  throw new Error(`the focus did not come round in ${max} presses of Tab`);
}

/** The controls on screen the last tabRound never reached, each described (tag, role, test id, text). */
export async function unreachedControls(page: Page): Promise<string[]> {
  return (await page.evaluate(UNREACHED)) as string[];
}

/** The data-testid nearest the focused element (on it or around it), or null. */
export async function focusedTestId(page: Page): Promise<string | null> {
  return (await page.evaluate(
    `(() => { const el = document.activeElement && document.activeElement.closest('[data-testid]'); return el ? el.getAttribute('data-testid') : null; })()`,
  )) as string | null;
}

/** Presses Tab until the focus is in the element with this test id (a person tabbing to a field). */
export async function tabTo(page: Page, testId: string, max = 200): Promise<void> {
  for (let presses = 0; presses < max; presses += 1) {
    if ((await focusedTestId(page)) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId} in ${max} presses`);
}
