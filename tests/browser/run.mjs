// Browser tests of Orienta's page, print view and widget: node run.mjs http://127.0.0.1:PORT
// Prints "N passed, M failed" last and exits non-zero on failure.
import { launch, runScenarios, expect } from './harness.mjs';
import { searchScenarios } from './scenarios/search.mjs';
import { helpdeskScenarios } from './scenarios/helpdesk.mjs';
import { escapingScenarios } from './scenarios/escaping.mjs';
import { mapScenarios } from './scenarios/map.mjs';
import { publicScenarios } from './scenarios/public.mjs';
import { docsScenarios } from './scenarios/docs.mjs';
import { widgetScenarios } from './scenarios/widget.mjs';
import { servesScenarios } from './scenarios/serves.mjs';
import { territoryScenarios } from './scenarios/territory.mjs';

const base = (process.argv[2] || process.env.ORIENTA_BASE_URL || '').replace(/\/$/, '');
if (!base) {
  console.error('usage: node run.mjs http://127.0.0.1:PORT');
  process.exit(2);
}

const http = [
  ['assets: content types, cache, ETag/304, CSP, licence', async () => {
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-type')?.startsWith('text/html'), 'page content type');
    expect(page.headers.get('content-security-policy')?.includes("script-src 'self'"), 'page CSP');
    const widget = await fetch(`${base}/embed/widget.js`);
    expect(widget.headers.get('content-type')?.startsWith('text/javascript'), 'widget content type');
    expect(widget.headers.get('cache-control')?.includes('max-age'), 'widget cache-control');
    const etag = widget.headers.get('etag');
    expect(etag, 'widget ETag');
    const again = await fetch(`${base}/embed/widget.js`, { headers: { 'If-None-Match': etag } });
    expect(again.status === 304, `If-None-Match gave ${again.status}`);
    const licence = await fetch(`${base}/assets/vendor/leaflet-1.9.4/LICENSE`);
    expect(licence.ok && (await licence.text()).startsWith('BSD 2-Clause'), 'Leaflet licence not served');
    const css = await fetch(`${base}/assets/css/app.css`);
    expect(css.headers.get('content-type')?.startsWith('text/css'), 'css content type');
    const missing = await fetch(`${base}/assets/nope.js`);
    expect(missing.status === 404, `missing asset gave ${missing.status}`);
  }],
];

const browser = await launch(base);
let outcome = { passed: 0, failed: 0 };
try {
  outcome = await runScenarios(browser.context, base, [
    ...http,
    ...searchScenarios(base),
    ...mapScenarios(base),
    ...publicScenarios(base),
    ...helpdeskScenarios(base),
    ...servesScenarios(base),
    ...territoryScenarios(base),
    ...widgetScenarios(base),
    ...escapingScenarios(base),
    ...docsScenarios(base),
  ]);
} finally {
  await browser.close();
}
console.log(`${outcome.passed} passed, ${outcome.failed} failed`);
process.exit(outcome.failed === 0 ? 0 : 1);
