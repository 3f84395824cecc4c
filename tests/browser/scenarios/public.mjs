// What the public sees and what staff see: no import codes or file paths in the public
// detail (FR and NL), the staff view behind the admin key, the demo-data banner and its hide
// switch, old data flagged, languages and quartiers by name, suggestions told apart, the
// phone's filter panel — and the page's screenshots for the README (docs/screenshots/).
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAxe, expect } from '../harness.mjs';
import { openSearch, searchAfter, statusCount, api, waitResults } from '../helpers.mjs';

const DOCS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'screenshots');
const INTERNAL = [/duplicate_candidate/, /two_digit_year/, /data\/sample/, /\.ndjson/, /geocoded\b/, /phone_normalised/, /\(lastUpdate\)/];

/** A screenshot for the README, made by every test run. */
const docShot = (page, name) => page.screenshot({ path: join(DOCS, `${name}.png`) });

/** The id of a record the API says is stale and synthetic (the sample data has many). */
async function staleRecord(base) {
  const found = await api(base, '/v1/search?q=aide%20alimentaire&per_page=50');
  const record = found.results.find((result) => result.stale);
  expect(record, 'no stale record among the food-aid results');
  return record;
}

async function openDetail(page, base, lang, id) {
  await page.goto(`${base}/?lang=${lang}&id=${encodeURIComponent(id)}`);
  await page.waitForSelector('#detail[open] .detail-body section');
  await waitResults(page);
}

export function publicScenarios(base) {
  return [
    ['the public detail has no import codes or file paths, says how old the data is, FR and NL', async (page) => {
      const record = await staleRecord(base);
      for (const [lang, words] of [['fr', 'à vérifier'], ['nl', 'controleer']]) {
        await openDetail(page, base, lang, record.id);
        const text = await page.locator('#detail').textContent();
        for (const pattern of INTERNAL) expect(!pattern.test(text), `${lang}: the public detail shows ${pattern}`);
        const warning = await page.locator('#detail .stale-warning').textContent();
        expect(warning.includes(words), `${lang}: stale warning reads "${warning}"`);
        const headings = await page.locator('#detail h3').allTextContents();
        expect(!headings.some((heading) => /qualit/i.test(heading)), `${lang}: a quality section in public: ${headings}`);
        await checkAxe(page, `public detail ${lang}`);
      }
      await page.goto(`${base}/?lang=fr&q=aide+alimentaire`);
      await waitResults(page);
      expect(await page.locator('#results-list .badge.stale').count() > 0, 'no stale badge on the results');
      await page.goto(`${base}/print?ids=${encodeURIComponent(record.id)}&lang=nl&ui=nl`);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      expect((await page.locator('#services .stale').textContent()).includes('Gegevens van'), 'no stale line on the sheet');
    }],

    ['the staff view shows the import codes with the admin key, and only then', async (page) => {
      const key = process.env.ORIENTA_TEST_ADMIN_KEY;
      expect(key, 'ORIENTA_TEST_ADMIN_KEY is not set (run.sh sets it for the server it starts)');
      const record = await staleRecord(base);
      await openDetail(page, base, 'fr', record.id);
      await page.keyboard.press('Escape');
      await page.click('#staff-open');
      await page.fill('#staff-key', key);
      await page.click('#staff-form button[value="ok"]');
      await page.waitForSelector('#staff-notice:not([hidden])');
      await openDetail(page, base, 'fr', record.id);
      await page.waitForSelector('#detail .quality-list .code');
      const codes = await page.locator('#detail .quality-list .code').allTextContents();
      expect(codes.length > 0 && codes.every((code) => /^[a-z_]+$/.test(code)), `staff codes: ${codes}`);
      await checkAxe(page, 'staff detail');
      await page.keyboard.press('Escape');
      await page.click('#staff-leave');
      await openDetail(page, base, 'fr', record.id);
      expect(await page.locator('#detail .quality-list').count() === 0, 'the codes stay after leaving the staff view');
    }],

    ['the demo-data banner says so once and its switch hides the sample records', async (page) => {
      await openSearch(page, base, '/?lang=nl');
      await page.waitForSelector('#sample-notice:not([hidden])');
      const banner = await page.locator('#sample-notice').textContent();
      expect(banner.includes('Voorbeeldgegevens') && banner.includes('fictieve'), `banner: ${banner}`);
      await docShot(page, 'search-nl-desktop');
      await searchAfter(page, () => page.check('#f-synthetic'));
      expect(page.url().includes('synthetic=exclude'), `the switch is not in the URL: ${page.url()}`);
      const expected = await api(base, '/v1/search?lang=nl&synthetic=exclude&per_page=1');
      expect(await statusCount(page) === expected.total, 'the count is not the API’s without sample records');
      expect(await page.locator('#results-list .badge.sample').count() === 0, 'sample records still shown');
      await checkAxe(page, 'sample data hidden');
    }],

    ['languages and quartiers by name, suggestions told apart, FR text marked in the NL page', async (page) => {
      await openSearch(page, base, '/?lang=nl&q=voedselhulp');
      const languages = await page.$$eval('#f-language option', (options) => options.map((option) => [option.value, option.textContent]));
      const unnamed = languages.filter(([value, label]) => value && (label === value || /^[a-z]{2,3}$/.test(label)));
      expect(unnamed.length === 0, `languages shown by code: ${JSON.stringify(unnamed)}`);
      expect(languages.some(([value, label]) => value === 'ber' && label === 'Berbers'), 'ber is not "Berbers"');
      const quartiers = await page.$$eval('#f-quartier option', (options) => options.map((option) => option.textContent));
      const shouting = quartiers.filter((name) => name.length > 4 && name === name.toUpperCase());
      expect(shouting.length === 0, `quartiers in capitals: ${shouting.slice(0, 5)}`);
      expect(quartiers.includes('Haachtse Steenweg'), 'no "Haachtse Steenweg" quartier');
      const marks = await page.locator('#results-list .lang-mark').allTextContents();
      const frenchOnly = (await api(base, '/v1/search?lang=nl&q=voedselhulp&per_page=20')).results.filter((result) => result.display_lang === 'fr');
      if (frenchOnly.length) expect(marks.some((mark) => mark.includes('(FR)')), 'a French name in the Dutch page is not marked (FR)');
      await page.fill('#q', 'cpas de');
      await page.waitForSelector('#q-listbox [role="option"]');
      await page.waitForTimeout(400);
      const options = await page.locator('#q-listbox [role="option"]').allTextContents();
      const repeated = options.filter((option, index) => options.indexOf(option) !== index);
      expect(repeated.length === 0, `suggestions shown twice: ${repeated}`);
    }],

    ['browsing a need without words: the services for that need first, its label shown', async (page) => {
      await openSearch(page, base, '/?lang=fr&need=food-aid&bassin=sud');
      const first = page.locator('#results-list > li.result').first();
      const chips = await first.locator('.chip').allTextContents();
      expect(chips.some((chip) => /aliment|colis|restaurant|épicerie/i.test(chip)), `first result's needs: ${chips}`);
      await docShot(page, 'search-fr-desktop');
    }],

    ['on a phone the filters start folded with a clear toggle; touch targets are 44 px', async (page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const lang of ['fr', 'nl']) {
        await openSearch(page, base, `/?lang=${lang}&q=${lang === 'fr' ? 'aide+alimentaire' : 'voedselhulp'}`);
        expect(!(await page.$eval('#filters-box', (box) => box.open)), `${lang}: the filter panel starts open on a phone`);
        const toggle = page.locator('#filters-box summary');
        expect((await toggle.boundingBox()).height >= 44, `${lang}: the filter toggle is under 44 px`);
        expect(await page.locator('#filters-box summary .when-closed').isVisible(), `${lang}: no "show" affordance`);
        await docShot(page, `search-${lang}-mobile`);
      }
      const small = await page.$$eval('#results-list a[href^="tel:"], #results-list .check', (elements) => elements
        .map((element) => element.getBoundingClientRect().height).filter((height) => height > 0 && height < 44));
      expect(small.length === 0, `touch targets under 44 px: ${small}`);
      await page.click('#filters-box summary');
      expect(await page.$eval('#filters-box', (box) => box.open), 'the toggle does not open the panel');
      expect(await page.locator('#filters-box summary .when-open').isVisible(), 'no "hide" affordance when open');
      await checkAxe(page, 'phone filters');
    }],
  ];
}
