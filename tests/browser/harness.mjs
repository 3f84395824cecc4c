// A small scenario runner over playwright-core and Debian's chromium: one page per scenario,
// console errors and any axe-core violation fail it, screenshots are kept.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOTS = join(here, 'screenshots');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Launches chromium with a fresh user-data-dir; returns the persistent context. */
export async function launch(baseUrl) {
  const profile = mkdtempSync(join(tmpdir(), 'orienta-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 900 },
    locale: 'fr-BE',
    timezoneId: 'Europe/Brussels',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs axe-core on the page (WCAG 2.1 A/AA and best practices); throws on any violation. */
export async function checkAxe(page, label) {
  await page.evaluate(AXE_SOURCE);
  const report = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 4).map((node) => node.target.join(' ')),
    }));
  });
  // Every violation fails, whatever its impact: the pages hold 0.
  if (report.length) {
    const lines = report.map((violation) => `${violation.impact} ${violation.id}: ${violation.help} @ ${violation.targets.join(' | ')}`);
    throw new Error(`axe violations on ${label}:\n      ${lines.join('\n      ')}`);
  }
}

/**
 * Runs scenarios in order; each gets a fresh page that records console errors, page errors
 * and requests leaving the server's origin.
 */
export async function runScenarios(context, baseUrl, scenarios) {
  const origin = new URL(baseUrl).origin;
  let passed = 0;
  let failed = 0;
  // ORIENTA_ONLY=<words> runs the scenarios whose name holds them (while developing).
  const only = process.env.ORIENTA_ONLY || '';
  // A scenario's options: `notFound`, the number of 404 answers it asks for on purpose
  // (the browser logs each as a console error; one more or one fewer fails it).
  for (const [name, body, options = {}] of scenarios) {
    if (only && !name.includes(only)) continue;
    const page = await context.newPage();
    const problems = [];
    let notFound = 0;
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (options.notFound && /status of 404 \(Not Found\)/.test(message.text())) notFound += 1;
      else problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (/^(data|blob|about):/.test(url)) return;
      if (new URL(url).origin !== origin) problems.push(`request outside the server: ${url}`);
    });
    const started = Date.now();
    try {
      await body(page);
      if (notFound !== (options.notFound || 0)) problems.push(`${notFound} answers 404, ${options.notFound} expected`);
      if (problems.length) throw new Error(problems.join('\n      '));
      passed += 1;
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL ${name}: ${error?.message || error}`);
      const file = `FAILED-${name.replace(/[^\p{L}\p{N}]+/gu, '-')}.png`;
      await page.screenshot({ path: join(SCREENSHOTS, file), fullPage: true }).catch(() => {});
    } finally {
      await page.close();
    }
  }
  return { passed, failed };
}

/** Throws `message` unless `condition`. */
export function expect(condition, message) {
  if (!condition) throw new Error(message);
}
