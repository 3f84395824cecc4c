// The map as a professional uses it: what loads when, what the legend says, labels that never
// hide a pin, tooltips that go away, street names up close, the phone's List / Map switch and
// the location sketch of the referral sheet.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { checkAxe, expect, SCREENSHOTS } from '../harness.mjs';
import { openSearch, searchAfter, api, shot } from '../helpers.mjs';

/** Bytes a first visit to `url` transfers (compressed bodies and headers), in a fresh browser. */
async function firstVisitBytes(url) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const sizes = [];
    page.on('requestfinished', (request) => sizes.push(request.sizes().then((size) => size.responseBodySize + size.responseHeadersSize)));
    await page.goto(url);
    await page.waitForFunction(() => document.querySelectorAll('#f-quartier option').length > 100
      && document.querySelectorAll('#results-list li').length > 0, null, { timeout: 20000 });
    await page.waitForLoadState('networkidle');
    return (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  } finally {
    await browser.close();
  }
}

const legendShown = (page) => page.$$eval('#map-legend [data-legend]:not([hidden])', (items) => items.map((item) => item.dataset.legend));

export function mapScenarios(base) {
  return [
    ['the quartier outlines load only when asked; the legend lists what is drawn', async (page) => {
      // A first visit, measured in a browser of its own (nothing cached by earlier scenarios):
      // 276 kB compressed when measured (428 kB when the quartier outlines loaded at once);
      // the street lines (0.5 MB) come only at street-level zoom.
      const firstLoad = await firstVisitBytes(`${base}/?lang=fr`);
      console.log(`      first load: ${Math.round(firstLoad / 1024)} kB transferred`);
      expect(firstLoad > 100 * 1024 && firstLoad < 320 * 1024, `the first load transfers ${Math.round(firstLoad / 1024)} kB`);
      const requested = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/v1/territories/')) requested.push(`${url.pathname}${url.search}`);
      });
      await openSearch(page, base, '/?lang=fr');
      await page.waitForFunction(() => document.querySelectorAll('#f-quartier option').length > 100);
      expect(!requested.includes('/v1/territories/quartiers'), `the quartier shapes loaded at once: ${requested}`);
      expect(requested.includes('/v1/territories/quartiers?geometry=false'), `the quartier names were not asked: ${requested}`);
      const before = await legendShown(page);
      expect(before.includes('communes') && before.includes('bassins') && !before.includes('quartiers'), `legend: ${before}`);
      expect(!before.includes('streets') && !before.includes('point'), `legend lists what is not drawn: ${before}`);
      await page.check('#layer-quartiers');
      await page.waitForFunction(() => document.querySelectorAll('#map .leaflet-overlay-pane path').length > 150);
      expect(requested.includes('/v1/territories/quartiers'), 'switching the layer on did not load it');
      expect((await legendShown(page)).includes('quartiers'), 'the legend does not list the quartiers drawn');
      await page.uncheck('#layer-bassins');
      expect(!(await legendShown(page)).includes('bassins'), 'the legend lists hidden bassins');
    }],

    ['no bassin name hides a pin, and a tooltip goes when the pointer leaves', async (page) => {
      await openSearch(page, base, '/?lang=fr&need=food-aid');
      await page.waitForSelector('.bassin-label');
      await page.waitForSelector('.result-pin');
      const hidden = await page.$$eval('.result-pin', (pins) => pins.filter((pin) => {
        const box = pin.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return top?.closest('.bassin-label');
      }).length);
      expect(hidden === 0, `${hidden} pins are under a bassin name`);
      await page.locator('#map').scrollIntoViewIfNeeded();
      const box = await page.locator('#map').boundingBox();
      await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.55);
      await page.mouse.move(box.x + box.width * 0.46, box.y + box.height * 0.56);
      const open = () => page.$$eval('.leaflet-tooltip:not(.bassin-label):not(.street-name)', (tips) => tips.filter((tip) => tip.offsetParent !== null).length);
      expect(await open() >= 1, 'no tooltip over a commune');
      await page.mouse.move(box.x + box.width / 2, Math.max(2, box.y - 60));
      await page.waitForFunction(() => [...document.querySelectorAll('.leaflet-tooltip:not(.bassin-label):not(.street-name)')]
        .every((tip) => tip.offsetParent === null), null, { timeout: 3000 });
    }],

    ['street names up close', async (page) => {
      const place = (await api(base, '/v1/places?q=Rue%20Josaphat%20120%2C%201030'))?.places?.[0];
      const [lat, lon] = [place.lat, place.lon];
      await openSearch(page, base, `/?lang=nl&near=${lat},${lon}&radius=500&sort=distance`);
      await page.waitForFunction(() => document.getElementById('map')?.dataset.streets === 'drawn', null, { timeout: 15000 });
      await page.click('.leaflet-control-zoom-in');
      await page.click('.leaflet-control-zoom-in');
      await page.waitForFunction(() => Number(document.getElementById('map')?.dataset.streetNames) > 5, null, { timeout: 5000 });
      const names = await page.locator('.street-name').allTextContents();
      expect(names.some((name) => name.includes('Josafatstraat')), `no Dutch street name near Josafatstraat: ${names.slice(0, 12)}`);
      expect((await legendShown(page)).includes('streets'), 'the legend does not list the streets drawn');
      await shot(page, '12-street-names-nl');
    }],

    ['on a phone: one tap between the list, the map and the breakdown', async (page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await openSearch(page, base, '/?lang=fr&q=aide%20alimentaire');
      const visible = (selector) => page.locator(selector).isVisible();
      expect(await visible('.view-switch'), 'no List / Map switch on a phone');
      expect(await visible('#results-list') && !(await visible('#map')), 'the list view shows the map');
      for (const button of await page.locator('.view-switch button').all()) {
        const size = await button.boundingBox();
        expect(size.height >= 44, `switch button is ${size.height}px high`);
      }
      await page.click('.view-switch [data-view="map"]');
      expect(await visible('#map') && !(await visible('#results-list')), 'the map view does not show the map alone');
      const map = await page.locator('#map').boundingBox();
      expect(map.width > 300 && map.height > 200, `the map has no size: ${JSON.stringify(map)}`);
      expect(await page.locator('.result-pin').count() > 0, 'no pins in the map view');
      await shot(page, '13-phone-map');
      await page.click('.view-switch [data-view="facets"]');
      expect(await visible('#facets-body'), 'the breakdown is not shown');
      const top = (await page.locator('#facets-body').boundingBox()).y;
      expect(top < 2 * 844, `the breakdown starts ${top}px down`);
      await checkAxe(page, 'phone breakdown');
      await page.click('.view-switch [data-view="list"]');
      expect(await visible('#results-list'), 'back to the list failed');
      expect(await page.$eval('.view-switch [data-view="list"]', (button) => button.getAttribute('aria-pressed')) === 'true', 'pressed state');
      await page.setViewportSize({ width: 1366, height: 900 });
      expect(!(await visible('.view-switch')), 'the switch shows on a wide screen');
    }],

    ['the referral sheet sketches where the services are around the address', async (page) => {
      const found = await api(base, '/v1/search?q=aide%20alimentaire&near=50.85994,4.37564&sort=distance&per_page=5');
      const ids = found.results.map((result) => result.id).join(',');
      const where = encodeURIComponent('Rue Josaphat 120, 1030 Schaerbeek');
      await page.goto(`${base}/print?ids=${encodeURIComponent(ids)}&lang=nl&ui=nl&where=${where}&near=50.85994,4.37564`);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      const sketch = page.locator('#sheet-sketch svg');
      expect(await sketch.count() === 1, 'no location sketch');
      expect((await page.locator('#sheet-sketch svg title').textContent()).startsWith('Situatieschets'), 'the sketch is not in Dutch');
      expect((await page.locator('#sheet-sketch figcaption').textContent()).includes('adres van de persoon'), 'the key is not in Dutch');
      expect(await page.locator('#sheet-sketch .sketch-service').count() === found.results.length, 'not every service is on the sketch');
      expect(await page.locator('#sheet-sketch .sketch-point').count() === 1, 'the address is not on the sketch');
      const streets = await page.$eval('#sheet-sketch svg > path', (path) => path.getAttribute('d').split('M').length);
      expect(streets > 20, `only ${streets} street lines on the sketch`);
      await shot(page, '14-print-sketch-nl', { fullPage: true });
      await checkAxe(page, 'print sketch');
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.emulateMedia({ media: 'print' });
      await shot(page, '14-print-sketch-media', { fullPage: true });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, path: join(SCREENSHOTS, '14-print-sketch.pdf') });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
      expect(pages === 1, `the sheet with its sketch prints on ${pages} pages`);
    }],
  ];
}
