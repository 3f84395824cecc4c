// Stored markup in a record's name stays text on the page: the map's pin tooltip, the
// result list and the detail view never create the elements the name spells out.
import { expect } from '../harness.mjs';
import { openSearch } from '../helpers.mjs';

/** The decoded form of a name an ingest once let through (`&lt;img … onerror=…&gt;`). */
export const HOSTILE_NAME = '<img src=x onerror="window.__orientaXss=1">Service test';

/** Serves the page's searches with the first result renamed to `HOSTILE_NAME`. */
async function withHostileRecord(page) {
  await page.route(/\/v1\/search\?/, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    const first = body.results?.find((result) => typeof result.lat === 'number');
    if (first) {
      first.display_name = HOSTILE_NAME;
      if (first.highlights) delete first.highlights.name;
    }
    await route.fulfill({ response, json: body });
  });
}

export function escapingScenarios(base) {
  return [
    ['a record named <img onerror> stays text in the map tooltip and the list', async (page) => {
      await withHostileRecord(page);
      await openSearch(page, base, '/?lang=fr');
      const pin = page.locator('.leaflet-marker-icon.result-pin').first();
      expect(await pin.count() === 1, 'no result pin on the map');
      await pin.hover();
      const tooltip = page.locator('.leaflet-tooltip').filter({ hasText: 'Service test' });
      await tooltip.first().waitFor({ timeout: 5000 });
      const text = await tooltip.first().textContent();
      expect(text.includes('<img src=x'), `the tooltip does not show the name as text: ${text}`);
      expect(await page.locator('.leaflet-tooltip img').count() === 0, 'an img was created in a map tooltip');
      expect(await page.locator('#results-list img[src="x"]').count() === 0, 'an img was created in the result list');
      expect(await page.evaluate(() => window.__orientaXss) === undefined, 'the onerror handler ran');
    }],
  ];
}
