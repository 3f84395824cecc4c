// Searching in French and in Dutch, the bassin filter, the map point and the detail view.
import { checkAxe, expect } from '../harness.mjs';
import { openSearch, waitResults, statusCount, searchAfter, api, shot } from '../helpers.mjs';

const SAMPLE_FR = 'Donnée d’exemple fictive';
const SAMPLE_NL = 'Fictief voorbeeldgegeven';

async function expectSampleBadges(page, text) {
  const badges = await page.locator('#results-list .badge.sample').allTextContents();
  for (const badge of badges) expect(badge.includes(text), `sample badge reads "${badge}", wanted "${text}"`);
  return badges.length;
}

export function searchScenarios(base) {
  return [
    ['search in French', async (page) => {
      await openSearch(page, base, '/?lang=fr');
      expect(await page.getAttribute('html', 'lang') === 'fr', 'html lang is not fr');
      expect((await page.locator('#search-heading').textContent()).includes('Trouver'), 'heading is not French');
      await searchAfter(page, async () => {
        await page.fill('#q', 'aide alimentaire');
        await page.press('#q', 'Enter');
      });
      expect(page.url().includes('q=aide+alimentaire'), `the URL does not hold q: ${page.url()}`);
      const count = await statusCount(page);
      expect(count > 0, 'no results for "aide alimentaire"');
      expect(/résultats? pour « aide alimentaire »/.test(await page.locator('#result-status').textContent()), 'status is not French');
      expect(await page.locator('#results-list > li.result').count() > 0, 'no result items');
      await expectSampleBadges(page, SAMPLE_FR);
      await shot(page, '01-search-fr');
      await checkAxe(page, 'search FR');
    }],

    ['search in Dutch, language switch and back/forward', async (page) => {
      await openSearch(page, base, '/?lang=nl');
      expect(await page.getAttribute('html', 'lang') === 'nl', 'html lang is not nl');
      await searchAfter(page, async () => {
        await page.fill('#q', 'voedselhulp');
        await page.click('#search-form button[type=submit]');
      });
      expect(await statusCount(page) > 0, 'no results for "voedselhulp"');
      expect(/resulta(at|ten) voor ‘voedselhulp’/.test(await page.locator('#result-status').textContent()), 'status is not Dutch');
      expect((await page.locator('#search-heading').textContent()).includes('vinden'), 'heading is not Dutch');
      await expectSampleBadges(page, SAMPLE_NL);
      await shot(page, '02-search-nl');
      await checkAxe(page, 'search NL');
      await searchAfter(page, () => page.click('[data-ui-lang="fr"]'));
      expect(await page.getAttribute('html', 'lang') === 'fr', 'switch to FR did not change html lang');
      expect(page.url().includes('q=voedselhulp') && page.url().includes('lang=fr'), `state lost on language switch: ${page.url()}`);
      await searchAfter(page, () => page.goBack());
      expect(await page.getAttribute('html', 'lang') === 'nl', 'back did not restore Dutch');
      expect(await page.inputValue('#q') === 'voedselhulp', 'back did not restore the query');
    }],

    ['a word nobody knows: the truth about the closest results and a "did you mean"', async (page) => {
      await openSearch(page, base, '/?lang=fr');
      await searchAfter(page, async () => {
        await page.fill('#q', 'dentiste gratuitt');
        await page.press('#q', 'Enter');
      });
      const notes = await page.locator('#query-notes').textContent();
      expect(notes.includes('Aucun service ne correspond à tous les mots'), `notes do not say no service holds every word: ${notes}`);
      const offer = page.locator('#query-notes button', { hasText: 'dentiste gratuit' });
      expect(await offer.count() === 1, `no "did you mean" offer in: ${notes}`);
      await searchAfter(page, () => offer.click());
      expect(page.url().includes('q=dentiste+gratuit&') || page.url().endsWith('q=dentiste+gratuit'), `the offer did not search: ${page.url()}`);
      await checkAxe(page, 'did you mean');
    }],

    ['a place named in the text is said, and one click reads it as a plain word', async (page) => {
      await openSearch(page, base, '/?lang=fr');
      await searchAfter(page, async () => {
        await page.fill('#q', 'aide alimentaire Schaerbeek');
        await page.press('#q', 'Enter');
      });
      const notes = await page.locator('#query-notes').textContent();
      expect(notes.includes('Lieu reconnu') && notes.includes('Schaerbeek'), `the place is not said: ${notes}`);
      const undo = page.locator('#query-notes button[aria-label="Ne plus lire « Schaerbeek » ainsi"]');
      expect(await undo.count() === 1, 'no undo button for the place');
      await searchAfter(page, () => undo.click());
      expect(page.url().includes('literal=place%3Aschaerbeek'), `the undo is not in the URL: ${page.url()}`);
      const after = await page.locator('#query-notes').textContent();
      expect(!after.includes('Lieu reconnu'), `the place is still read: ${after}`);
      await checkAxe(page, 'place undone');
    }],

    ['the public a question names is said in Dutch, and one click stops reading it', async (page) => {
      await openSearch(page, base, '/?lang=nl');
      await searchAfter(page, async () => {
        await page.fill('#q', 'mijn moeder is 84 en woont alleen');
        await page.press('#q', 'Enter');
      });
      const notes = await page.locator('#query-notes').textContent();
      expect(notes.includes('Voor een doelgroep') && notes.includes('Ouderen'), `the public is not said: ${notes}`);
      const undo = page.locator('#query-notes button.undo[aria-label*="Ouderen"]');
      expect(await undo.count() === 1, 'no undo button for the public');
      await searchAfter(page, () => undo.click());
      expect(page.url().includes('literal=audience%3Aelderly'), `the undo is not in the URL: ${page.url()}`);
      const after = await page.locator('#query-notes').textContent();
      expect(!after.includes('Voor een doelgroep'), `the public is still read: ${after}`);
    }],

    ['the person’s address in the place box: nearest first, in French and Dutch, restored by a link', async (page) => {
      await openSearch(page, base, '/?lang=fr');
      await page.fill('#where', 'Rue Josaphat 120, 1030');
      await page.waitForSelector('#where-listbox [role="option"]');
      const first = await page.locator('#where-listbox [role="option"]').first().textContent();
      expect(first.includes('Rue Josaphat 120') && first.includes('Schaerbeek'), `first place: ${first}`);
      await searchAfter(page, () => page.keyboard.press('ArrowDown').then(() => page.keyboard.press('Enter')));
      expect(page.url().includes('sort=distance') && page.url().includes('near='), `no point in the URL: ${page.url()}`);
      expect(page.url().includes('where='), `the place label is not in the URL: ${page.url()}`);
      const facts = await page.locator('#results-list > li.result').first().textContent();
      expect(facts.includes('Distance'), 'the first result shows no distance');
      await page.waitForFunction(() => document.getElementById('map')?.dataset.streets === 'drawn', null, { timeout: 15000 });
      const attribution = await page.locator('.leaflet-control-attribution').textContent();
      expect(attribution.includes('OpenStreetMap'), `no OSM attribution: ${attribution}`);
      await shot(page, '11-place-streets');
      await checkAxe(page, 'place box FR');
      const shared = page.url();
      await page.goto(shared);
      await waitResults(page);
      expect((await page.inputValue('#where')).includes('Rue Josaphat 120'), 'the link did not restore the place');

      await openSearch(page, base, '/?lang=nl');
      await page.fill('#where', 'Josafatstraat 120');
      await page.waitForSelector('#where-listbox [role="option"]');
      const dutch = await page.locator('#where-listbox [role="option"]').first().textContent();
      expect(dutch.includes('Josafatstraat 120') && dutch.includes('Schaarbeek'), `first NL place: ${dutch}`);
      await searchAfter(page, () => page.locator('#where-listbox [role="option"]').first().click());
      expect(page.url().includes('sort=distance'), `NL: not sorted by distance: ${page.url()}`);
      await checkAxe(page, 'place box NL');

      const found = await api(base, '/v1/search?q=maison%20m%C3%A9dicale&near=50.85994,4.37564&sort=distance&per_page=1');
      const id = found.results[0].id;
      const where = encodeURIComponent('Rue Josaphat 120, 1030 Schaerbeek');
      await page.goto(`${base}/print?ids=${encodeURIComponent(id)}&lang=fr&ui=fr&where=${where}&near=50.85994,4.37564`);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      const sheet = await page.locator('#sheet').textContent();
      expect(sheet.includes('Adresse de la personne : Rue Josaphat 120, 1030 Schaerbeek'), 'the sheet does not print the address');
      expect(/à [\d\s\u202f,.]+ ?k?m de l’adresse/.test(sheet), `the sheet does not print the distance: ${sheet.slice(0, 400)}`);
    }],

    ['bassin filter, open now, facets and history', async (page) => {
      await openSearch(page, base, '/?lang=fr');
      const all = await statusCount(page);
      await searchAfter(page, () => page.selectOption('#f-bassin', 'sud'));
      expect(page.url().includes('bassin=sud'), `URL lacks bassin=sud: ${page.url()}`);
      const expected = await api(base, '/v1/search?lang=fr&bassin=sud&per_page=1');
      const shown = await statusCount(page);
      expect(shown === expected.total, `shows ${shown} results for bassin sud, the API says ${expected.total}`);
      expect(shown > 0 && shown < all, `bassin sud should narrow ${all} results, got ${shown}`);
      const pressed = await page.locator('.facet[aria-pressed="true"]').allTextContents();
      expect(pressed.some((text) => text.startsWith('Sud')), `the Sud facet is not pressed: ${pressed}`);
      expect(await page.locator('.leaflet-overlay-pane path').count() > 0, 'no territory outlines on the map');
      await shot(page, '03-bassin-sud');
      await checkAxe(page, 'bassin filter');
      await searchAfter(page, () => page.check('#f-open'));
      expect(page.url().includes('open_now=true'), 'open now is not in the URL');
      expect(await statusCount(page) <= shown, 'open now widened the results');
      await searchAfter(page, () => page.goBack());
      await searchAfter(page, () => page.goBack());
      expect(await page.inputValue('#f-bassin') === '', 'back did not clear the bassin');
      expect(await statusCount(page) === all, 'back did not restore the unfiltered results');
      await searchAfter(page, () => page.goForward());
      expect(await page.inputValue('#f-bassin') === 'sud', 'forward did not restore the bassin');
      const facet = page.locator('.facet-group').filter({ hasText: 'Communes' }).locator('.facet').first();
      if (await facet.count()) {
        await searchAfter(page, () => facet.click());
        expect(page.url().includes('commune='), 'a commune facet click did not filter');
      }
    }],

    ['map point, radius and layers', async (page) => {
      await openSearch(page, base, '/?lang=fr');
      await page.locator('#map').scrollIntoViewIfNeeded();
      const box = await page.locator('#map').boundingBox();
      // A click on empty map picks the point; result markers (which open a detail) are hidden
      // for the click so that it never lands on one, whatever the first results are.
      const markerPane = (visibility) => page.evaluate((value) => {
        document.querySelector('#map .leaflet-marker-pane').style.visibility = value;
      }, visibility);
      await markerPane('hidden');
      await searchAfter(page, () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2));
      await markerPane('');
      expect(/near=5\d\.\d+%2C4\.\d+/.test(page.url()), `clicking the map did not set near: ${page.url()}`);
      expect(page.url().includes('sort=distance'), 'a point should sort by distance');
      await searchAfter(page, () => page.selectOption('#f-radius', '5000'));
      expect(page.url().includes('radius=5000'), 'radius not in the URL');
      expect((await page.locator('#near-text').textContent()).includes('Point choisi'), 'the point is not described');
      const distances = await page.locator('#results-list .facts dd').allTextContents();
      if (await statusCount(page) > 0) expect(distances.some((text) => /\d\s?(m|km)$/.test(text.trim())), 'no distance shown');
      const before = await page.locator('.leaflet-overlay-pane path').count();
      await page.check('#layer-quartiers');
      await page.waitForFunction((count) => document.querySelectorAll('.leaflet-overlay-pane path').length > count + 100, before)
        .catch(() => {});
      const after = await page.locator('.leaflet-overlay-pane path').count();
      expect(after > before + 100, `quartier outlines not drawn (${before} → ${after} paths)`);
      await shot(page, '04-map-point');
      await searchAfter(page, () => page.click('#near-clear'));
      expect(!page.url().includes('near='), 'clearing the point left near in the URL');
      await checkAxe(page, 'map');
    }],

    ['detail view (FR dialog, NL deep link)', async (page) => {
      await openSearch(page, base, '/?lang=fr');
      const first = page.locator('#results-list li.result h3 a').first();
      const name = (await first.textContent()).trim();
      await first.click();
      await page.waitForSelector('#detail[open] .detail-body section');
      expect(page.url().includes('id='), 'the detail id is not in the URL');
      const id = new URL(page.url()).searchParams.get('id');
      const headings = await page.locator('#detail h3').allTextContents();
      for (const wanted of ['Contact', 'Sources']) {
        expect(headings.includes(wanted), `detail lacks "${wanted}" (has ${headings.join(', ')})`);
      }
      // The title may carry a visible "(NL)" when the name is in the other language.
      const title = (await page.locator('#detail-title').textContent()).replace(/ \((FR|NL)\)$/, '').trim();
      expect(title === name, `detail title "${title}" differs from the result name "${name}"`);
      const record = await api(base, `/v1/organisations/${id}?lang=fr`);
      if (record.synthetic) {
        expect(await page.locator('#detail .badge.sample').count() === 1, 'synthetic record not marked in the detail');
      }
      const bassin = record.locations?.[0]?.territory?.bassin;
      if (bassin) {
        const status = bassin.status === 'inferred' ? 'inféré' : 'officiel';
        expect((await page.locator('#detail .territory-tags').textContent()).includes(status), `bassin status "${status}" not shown`);
      }
      await shot(page, '05-detail-fr');
      await checkAxe(page, 'detail FR');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.getElementById('detail').open);
      await page.waitForFunction(() => !window.location.search.includes('id='));
      expect(await page.evaluate(() => document.activeElement?.closest('h3') !== null), 'focus did not return to the result');

      await page.goto(`${base}/?lang=nl&id=${encodeURIComponent(id)}`);
      await page.waitForSelector('#detail[open] .detail-body section');
      const dutch = await page.locator('#detail h3').allTextContents();
      expect(dutch.includes('Bronnen') && !dutch.includes('Kwaliteitsopmerkingen'), `NL detail headings: ${dutch.join(', ')}`);
      await waitResults(page);
      await shot(page, '05-detail-nl');
      await checkAxe(page, 'detail NL');
    }],
  ];
}
