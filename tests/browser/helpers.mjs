// Page helpers shared by the scenarios.
import { join } from 'node:path';
import { SCREENSHOTS } from './harness.mjs';

/** Waits until the results list is rendered and no search is in flight. */
export async function waitResults(page) {
  await page.waitForFunction(() => {
    const list = document.getElementById('results-list');
    const status = document.getElementById('result-status');
    return list && !list.hasAttribute('aria-busy') && status && status.textContent.trim() !== '' && list.children.length > 0;
  }, null, { timeout: 20000 });
}

/** Opens a path of the page and waits for the first results. */
export async function openSearch(page, base, path) {
  await page.goto(`${base}${path}`);
  await waitResults(page);
}

/** The number in the status line ("1 234 résultats" → 1234). */
export async function statusCount(page) {
  const text = await page.locator('#result-status').textContent();
  const match = /(\d[\d\s\u00a0\u202f.]*)/.exec(text || '');
  if (!match) return 0;
  return Number(match[1].replace(/[\s\u00a0\u202f.]/g, ''));
}

/** Runs `action` and waits for the search it triggers to finish. */
export async function searchAfter(page, action) {
  const before = await page.evaluate(() => window.location.search);
  await action();
  await page.waitForFunction((previous) => window.location.search !== previous, before, { timeout: 10000 });
  await waitResults(page);
}

/** The JSON of an API path, fetched from node. */
export async function api(base, path) {
  const response = await fetch(`${base}${path}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** Saves a screenshot under tests/browser/screenshots/. */
export async function shot(page, name, options = {}) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), ...options });
}

/** The element focused, described (inside shadow roots too). */
export async function focused(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return null;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      className: typeof element.className === 'string' ? element.className : '',
      text: (element.textContent || '').trim().slice(0, 80),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      inShadow: element.getRootNode() instanceof ShadowRoot,
    };
  });
}

/** Presses Tab until `predicate(focused)` holds; returns the focused element or throws. */
export async function tabUntil(page, predicate, limit, what) {
  for (let index = 0; index < limit; index += 1) {
    await page.keyboard.press('Tab');
    const current = await focused(page);
    if (current && predicate(current)) return current;
  }
  throw new Error(`tab never reached ${what} in ${limit} presses`);
}
