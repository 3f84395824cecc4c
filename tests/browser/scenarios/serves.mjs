// The responsibility switch of the search page: for the person's address, the services
// responsible for it (quartier, commune, bassin, Region, then unknown areas) instead of the
// nearby ones, each with its reason; the CPAS of another commune never shown; the service
// area in the detail and on the referral sheet; the links to the offer of the territories.
import { checkAxe, expect } from '../harness.mjs';
import { api, openSearch, searchAfter, shot } from '../helpers.mjs';

const ADDRESS = 'address:1030:2666:120';
const LEVELS = ['quartier', 'commune', 'bassin', 'region', 'unknown'];

/** The level class of each shown reason ("level-commune" → "commune"), in page order. */
const shownLevels = (page) => page.$$eval('#results-list .serves-reason', (items) => items
  .map((item) => [...item.classList].find((name) => name.startsWith('level-'))?.slice(6)));

/** Picks the person's address in the place box. */
async function pickAddress(page, typed) {
  await page.fill('#where', typed);
  await page.waitForSelector('#where-listbox [role="option"]');
  await searchAfter(page, () => page.locator('#where-listbox [role="option"]').first().click());
}

export function servesScenarios(base) {
  return [
    ['responsibility switch (FR): the services responsible for the address, by level, with the reason', async (page) => {
      await openSearch(page, base, '/?lang=fr');
      expect(await page.locator('#serves-switch').isHidden(), 'the switch is offered without an address');
      await pickAddress(page, 'Rue Josaphat 120, 1030');
      expect(await page.locator('#serves-switch').isVisible(), 'no switch once an address is chosen');
      expect(await page.isChecked('#scope-near'), 'nearby services are not the default');
      expect(await page.locator('#results-list .serves-reason').count() === 0, 'reasons shown for nearby services');

      await searchAfter(page, () => page.locator('label[for="scope-serves"]').click());
      expect(page.url().includes('scope=serves'), `the mode is not in the URL: ${page.url()}`);
      const answer = await api(base, `/v1/search?serves=${encodeURIComponent(ADDRESS)}&lang=fr`);
      const ids = await page.$$eval('#results-list > li.result', (items) => items.map((item) => item.dataset.id));
      const expected = answer.results.map((result) => result.id);
      expect(ids.length > 0 && ids.join() === expected.slice(0, ids.length).join(), `the page does not show the API's order: ${ids.slice(0, 3)} vs ${expected.slice(0, 3)}`);
      const levels = await shownLevels(page);
      expect(levels.length === ids.length, `${levels.length} reasons for ${ids.length} results`);
      const ranks = levels.map((level) => LEVELS.indexOf(level));
      expect(ranks.every((rank, index) => rank >= 0 && (index === 0 || ranks[index - 1] <= rank)), `levels out of order: ${levels}`);
      expect(levels[0] === 'quartier', `the quartier's services do not come first: ${levels[0]}`);
      const reasons = await page.locator('#results-list .serves-reason').allTextContents();
      expect(reasons.some((text) => text.includes('Dessert Schaerbeek')), `no "Dessert Schaerbeek" reason: ${reasons.slice(0, 5)}`);
      const note = await page.locator('#serves-note').textContent();
      expect(note.includes('zone d’action couvre l’adresse'), `the mode is not explained: ${note}`);
      expect(await page.locator('#serves-note a[href^="/territoire/communes/21015"]').count() === 1, 'no link to the offer of Schaerbeek');
      expect(await page.locator('#f-radius').isDisabled(), 'the radius still applies to responsible services');
      expect((await page.locator('#result-status').textContent()).includes('compétents'), 'the status does not say what it counts');
      await shot(page, '23-serves-fr');
      await checkAxe(page, 'serves switch FR');

      await searchAfter(page, () => page.fill('#q', 'cpas').then(() => page.press('#q', 'Enter')));
      const names = await page.locator('#results-list li.result h3 a').allTextContents();
      const cpas = names.filter((name) => /CPAS|OCMW|action sociale|maatschappelijk welzijn/i.test(name));
      expect(cpas.length > 0, 'no CPAS for an address in Schaerbeek');
      expect(cpas.every((name) => /Schaerbeek|Schaarbeek/.test(name)), `a CPAS of another commune: ${cpas.filter((name) => !/Schaerbeek|Schaarbeek/.test(name))}`);

      await page.locator('#results-list li.result h3 a').first().click();
      await page.waitForSelector('#detail[open] .service-area');
      const area = await page.locator('#detail .service-area').textContent();
      expect(area.includes('Zone desservie') && area.includes('Schaerbeek'), `the detail does not say whom it serves: ${area}`);
      expect(await page.locator('#detail a.offer-link[href^="/territoire/communes/"]').count() >= 1, 'the detail has no link to the offer of its commune');
      await checkAxe(page, 'serves detail FR');
      await page.keyboard.press('Escape');

      await searchAfter(page, () => page.locator('label[for="scope-near"]').click());
      expect(!page.url().includes('scope=serves'), 'back to nearby services, the URL keeps the mode');
      expect(await page.locator('#results-list .serves-reason').count() === 0, 'reasons shown for nearby services');
      expect(!(await page.locator('#f-radius').isDisabled()), 'the radius is still disabled');
    }],

    ['responsibility in Dutch from a link, and the service area on the referral sheet', async (page) => {
      const near = '50.85994,4.37564';
      const where = encodeURIComponent('Josafatstraat 120, 1030 Schaarbeek');
      await openSearch(page, base, `/?lang=nl&where=${where}&place=${encodeURIComponent(ADDRESS)}&near=${near}&scope=serves`);
      expect(await page.isChecked('#scope-serves'), 'the link does not restore the mode');
      expect((await page.locator('label[for="scope-serves"]').textContent()).includes('Bevoegde diensten'), 'the switch is not in Dutch');
      const reasons = await page.locator('#results-list .serves-reason').allTextContents();
      expect(reasons.some((text) => text.includes('Bedient Schaarbeek')), `no Dutch reason: ${reasons.slice(0, 5)}`);
      expect(await page.locator('#serves-note a[href^="/gebied/"]').count() >= 1, 'the offer links do not lead to the Dutch page');
      await checkAxe(page, 'serves switch NL');

      const answer = await api(base, `/v1/search?serves=${encodeURIComponent(ADDRESS)}&q=cpas&lang=fr`);
      const cpas = answer.results.find((result) => result.serves?.level === 'commune');
      expect(cpas, 'precondition: a CPAS serving Schaerbeek');
      await page.goto(`${base}/print?ids=${encodeURIComponent(cpas.id)}&lang=fr&ui=fr`);
      await page.waitForSelector('.service-area');
      const printed = await page.locator('.service-area').first().textContent();
      expect(printed.includes('Schaerbeek'), `the referral sheet does not say whom the service serves: ${printed}`);
    }],
  ];
}
