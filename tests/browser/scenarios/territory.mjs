// The territory page for bassin coordinators (/territoire/…, /gebied/… for Dutch readers):
// the offer of a bassin and of a commune in French and Dutch, every need in a sortable table,
// the needs nobody serves marked, the synthetic switch, the CSV, the choropleth map (one
// polygon per territory, recoloured per need), per-10,000 figures only with a population
// table, the 404 in the reader's language and the phone layout.
import { checkAxe, expect } from '../harness.mjs';
import { api, shot } from '../helpers.mjs';

/** Opens a territory page and waits until its offer is rendered. */
async function openTerritory(page, base, path) {
  const response = await page.goto(`${base}${path}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return response;
}

/** Waits until the map shows `count` polygons of `layer` for `need` ('' for every service). */
async function waitMap(page, layer, need, count) {
  await page.waitForFunction(([wantedLayer, wantedNeed, wanted]) => {
    const map = document.getElementById('choropleth');
    return map?.dataset.layer === wantedLayer && map.dataset.need === wantedNeed
      && document.querySelectorAll('#choropleth path.choropleth-area').length === wanted;
  }, [layer, need, count], { timeout: 20000 });
}

/** The fill colour of each polygon, by territory code. */
const fills = (page) => page.$$eval('#choropleth path.choropleth-area', (paths) => Object.fromEntries(
  paths.map((path) => [path.dataset.code, path.getAttribute('fill')])));

/** The four totals as shown (digits only), by key. */
const totals = (page) => page.$$eval('#totals .total', (items) => Object.fromEntries(items.map((item) => [
  item.dataset.total, Number(item.querySelector('.total-value').textContent.replace(/\D/g, ''))])));

export function territoryScenarios(base) {
  return [
    ['territory page of a bassin (FR): totals, every need, the unserved ones marked, sorting, CSV', async (page) => {
      const offer = await api(base, '/v1/territories/bassins/nord/offer?lang=fr&synthetic=include');
      await openTerritory(page, base, '/territoire/bassins/nord?lang=fr&synthetic=include');
      expect(await page.getAttribute('html', 'lang') === 'fr', 'html lang is not fr');
      expect((await page.locator('#territory-title').textContent()) === offer.territory.name, 'the title is not the bassin’s name');
      expect((await page.locator('#territory-kind').textContent()).includes('Bassin d’aide et de soins'), 'the layer is not said');
      const shown = await totals(page);
      for (const key of ['located_in', 'located_in_area_unknown', 'serving', 'serving_region_wide']) {
        expect(shown[key] === offer[key], `${key}: ${shown[key]} shown, the API says ${offer[key]}`);
      }
      const sentences = await page.locator('#totals').textContent();
      expect(sentences.includes('l’adresse est dans le territoire') && sentences.includes('zone d’action couvre le territoire'),
        `the totals do not say what they count: ${sentences}`);
      const labels = await page.locator('#needs-table tbody th').evaluateAll((cells) => cells.map((cell) => cell.firstChild.textContent));
      expect(labels.length === offer.needs.length, `${labels.length} rows for ${offer.needs.length} needs`);
      expect(offer.needs.every((need) => labels.includes(need.label)), 'a need is missing from the table');
      const unserved = await page.locator('#needs-table tbody tr.unserved th').evaluateAll((cells) => cells.map((cell) => cell.firstChild.textContent));
      expect(offer.needs_without_service.length > 0, 'precondition: the bassin has unserved needs');
      expect(unserved.length === offer.needs_without_service.length
        && offer.needs_without_service.every((need) => unserved.includes(need.label)), `unserved rows: ${unserved}`);
      expect(await page.locator('#needs-table tr.unserved .unserved-badge').count() === unserved.length, 'an unserved row is not marked in words');
      expect(await page.locator('#unserved .unserved-list li').count() === unserved.length, 'the unserved needs are not listed');
      const notStated = await page.locator('#needs-table tbody tr.area-not-stated th').evaluateAll((cells) => cells.map((cell) => cell.firstChild.textContent));
      expect(notStated.length === offer.needs_area_not_stated.length
        && offer.needs_area_not_stated.every((need) => notStated.includes(need.label)), `rows whose area is not stated: ${notStated}`);
      expect(await page.locator('#unserved .area-not-stated-list li').count() === notStated.length, 'the needs whose area is not stated are not listed');
      expect(unserved.every((label) => !notStated.includes(label)), 'a need is both without service and with services here');
      expect(offer.population === null, 'precondition: no population table on the test server');
      expect((await page.locator('#population-note').textContent()).includes('Aucune table de population'), 'no word about the population table');
      expect(await page.locator('#needs-table thead th').count() === 3, 'a per-10,000 column without a population table');
      const page_text = await page.locator('main').textContent();
      expect(!/food-aid|serving_region_wide|\bbassins\/nord\b/.test(page_text), 'internal codes shown to the public');

      await page.locator('#needs-table thead th', { hasText: 'Desservent le territoire' }).getByRole('button').click();
      expect(await page.getAttribute('#needs-table thead th:nth-child(3)', 'aria-sort') === 'descending', 'not sorted by serving, descending');
      const serving = await page.$$eval('#needs-table tbody tr td:nth-child(3)', (cells) => cells.map((cell) => Number(cell.textContent.replace(/\D/g, ''))));
      expect(serving.every((value, index) => index === 0 || serving[index - 1] >= value), 'the serving column is not in descending order');
      expect((await page.locator('#sort-status').textContent()).includes('décroissant'), 'the sort is not announced');
      expect(await page.evaluate(() => document.activeElement?.closest('th')?.getAttribute('aria-sort')) === 'descending', 'focus left the sorted header');
      await page.keyboard.press('Enter');
      expect(await page.getAttribute('#needs-table thead th:nth-child(3)', 'aria-sort') === 'ascending', 'Enter did not reverse the sort');

      const href = await page.getAttribute('#csv-link', 'href');
      expect(href.includes('format=csv') && href.includes('lang=fr') && href.includes('synthetic=include'), `CSV link: ${href}`);
      const csv = await fetch(new URL(href, base));
      expect(csv.ok && csv.headers.get('content-type')?.startsWith('text/csv'), `the CSV answers ${csv.status} ${csv.headers.get('content-type')}`);
      const lines = (await csv.text()).trim().split('\n');
      expect(lines[0].trim() === 'territory,need,label,located_in,serving,serving_per_10000', `CSV header: ${lines[0]}`);
      expect(lines.length === offer.needs.length + 1, `${lines.length - 1} CSV rows for ${offer.needs.length} needs`);
      await shot(page, '20-territory-bassin-fr', { fullPage: true });
      await checkAxe(page, 'territory bassin FR');
    }],

    ['territory page of a commune in Dutch (/gebied/): the synthetic switch changes the totals', async (page) => {
      const excluded = await api(base, '/v1/territories/communes/21015/offer?lang=nl');
      const included = await api(base, '/v1/territories/communes/21015/offer?lang=nl&synthetic=include');
      expect(excluded.located_in !== included.located_in, 'precondition: the sample records change the totals');
      await openTerritory(page, base, '/gebied/communes/21015');
      expect(await page.getAttribute('html', 'lang') === 'nl', '/gebied/ is not in Dutch');
      expect((await page.locator('#territory-title').textContent()) === 'Schaarbeek', 'the title is not the Dutch name');
      expect((await page.locator('#territory-kind').textContent()).startsWith('Gemeente'), 'the layer is not said in Dutch');
      expect(!(await page.isChecked('#t-synthetic')), 'sample records counted by default');
      expect((await page.locator('#synthetic-note').textContent()).includes('niet meegeteld'), 'the exclusion is not said');
      let shown = await totals(page);
      expect(shown.located_in === excluded.located_in && shown.serving === excluded.serving, `totals without samples: ${JSON.stringify(shown)}`);
      expect(await page.locator('#needs-table tbody tr').count() === excluded.needs.length, 'not every need in the Dutch table');
      expect((await page.locator('#needs-table thead').textContent()).includes('Hulpvraag'), 'the table headers are not Dutch');
      await checkAxe(page, 'territory commune NL');

      await page.check('#t-synthetic');
      await page.waitForFunction(() => window.location.search.includes('synthetic=include'));
      await page.waitForFunction((wanted) => document.querySelector('#totals [data-total="located_in"] .total-value')
        ?.textContent.replace(/\D/g, '') === String(wanted), included.located_in);
      shown = await totals(page);
      expect(shown.serving === included.serving && shown.serving_region_wide === included.serving_region_wide, `totals with samples: ${JSON.stringify(shown)}`);
      expect((await page.locator('#territory-status').textContent()).includes('meegeteld'), 'the switch is not announced');
      expect((await page.getAttribute('#csv-link', 'href')).includes('synthetic=include'), 'the CSV does not follow the switch');
      expect((await page.getAttribute('[data-ui-lang="fr"]', 'href')).startsWith('/territoire/communes/21015?lang=fr&synthetic=include'),
        'the language link loses the page or its options');
      await checkAxe(page, 'territory commune NL with samples');
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.isChecked('#t-synthetic'), 'the switch is not kept in the URL');
    }],

    ['territory map: one polygon per territory of the layer, recoloured when the need changes', async (page) => {
      const counts = {};
      for (const layer of ['quartiers', 'communes', 'bassins']) counts[layer] = (await api(base, `/v1/territories/${layer}`)).features.length;
      await openTerritory(page, base, '/territoire/communes/21015?lang=fr&synthetic=include');
      await waitMap(page, 'quartiers', '', counts.quartiers);
      expect(await page.locator('#choropleth path[stroke="#c2410c"]').count() >= 1, 'the commune is not outlined');
      expect(await page.locator('#choropleth-legend li').count() >= 3, 'the legend has no classes');
      expect((await page.locator('#choropleth-legend').textContent()).includes('Contour orange : Schaerbeek'), 'the outline is not in the legend');
      await page.selectOption('#map-layer', 'communes');
      await waitMap(page, 'communes', '', counts.communes);
      expect(page.url().includes('map=communes'), `the layer is not in the URL: ${page.url()}`);
      expect(await page.locator('#map-table tbody tr').count() === counts.communes, 'the map data table does not list every commune');
      const before = await fills(page);
      await page.selectOption('#map-need', 'social-restaurant');
      await waitMap(page, 'communes', 'social-restaurant', counts.communes);
      const after = await fills(page);
      expect(Object.keys(after).length === counts.communes, 'a commune has no polygon');
      expect(Object.keys(after).some((code) => after[code] !== before[code]), 'the map kept its colours for another need');
      const values = (await api(base, '/v1/territories/communes/offer?need=social-restaurant&lang=fr&synthetic=include')).territories;
      const zero = values.filter((item) => item.serving === 0).map((item) => item.code);
      const zeroShown = await page.$$eval('#choropleth path.choropleth-area[data-class="-1"]', (paths) => paths.map((path) => path.dataset.code));
      expect(zero.length === zeroShown.length && zero.every((code) => zeroShown.includes(code)), `zero class: ${zeroShown} vs ${zero}`);
      expect((await page.locator('#map-table caption').textContent()).includes('Restaurant social'), 'the map data table does not follow the need');
      expect((await page.locator('#map-status').textContent()).includes('Restaurant social'), 'the new map is not announced');
      await page.selectOption('#map-layer', 'bassins');
      await waitMap(page, 'bassins', 'social-restaurant', counts.bassins);
      await shot(page, '21-territory-map');
      await checkAxe(page, 'territory map');
    }],

    ['per 10,000 inhabitants only with a population table; never invented', async (page) => {
      await page.route('**/v1/territories/communes/21015/offer?**', async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        body.population = 133000;
        for (const need of body.needs) need.serving_per_10000 = Math.round((need.serving * 100000) / 133000) / 10;
        await route.fulfill({ response, json: body });
      });
      await openTerritory(page, base, '/territoire/communes/21015?lang=en');
      expect(await page.locator('#needs-table thead th').count() === 4, 'no per-10,000 column with a population table');
      expect((await page.locator('#needs-table thead').textContent()).includes('per 10,000 inhabitants'), 'the column is not named');
      expect((await page.locator('#population-note').textContent()).includes('133,000'), 'the population is not said');
      await page.unroute('**/v1/territories/communes/21015/offer?**');
      await openTerritory(page, base, '/territoire/communes/21015?lang=en');
      expect(await page.locator('#needs-table thead th').count() === 3, 'a per-10,000 column without a population table');
      expect((await page.locator('#population-note').textContent()).includes('No population table'), 'the missing table is not said');
    }],

    ['territory page on a phone', async (page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await openTerritory(page, base, '/territoire/quartiers/24?lang=fr');
      expect(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'the page scrolls sideways at 390 px');
      const small = await page.$$eval('.back a, #csv-link, .sort-button, #t-synthetic + label, .lang-switch a', (elements) => elements
        .map((element) => element.getBoundingClientRect().height).filter((height) => height > 0 && height < 44));
      expect(small.length === 0, `touch targets under 44 px: ${small}`);
      await shot(page, '22-territory-phone', { fullPage: false });
      await checkAxe(page, 'territory phone');
    }],

    ['unknown territories answered in the reader’s language', async (page) => {
      await openTerritory(page, base, '/gebied/communes/99999');
      expect(await page.locator('#not-found').isVisible(), 'an unknown commune shows no message');
      expect((await page.locator('#not-found h1').textContent()) === 'Onbekend gebied', 'the 404 is not in Dutch');
      expect(await page.locator('#territory').isHidden(), 'the offer is shown for an unknown commune');
      const missing = await openTerritory(page, base, '/territoire/rues/12?lang=fr');
      expect(missing.status() === 404, `an unknown layer answers ${missing.status()}`);
      expect((await page.locator('#not-found h1').textContent()) === 'Territoire inconnu', 'the 404 is not in French');
      await checkAxe(page, 'territory 404');
    }, { notFound: 2 }],
  ];
}
