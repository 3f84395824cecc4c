// The partner widget and its builder (/embed/example): pickers, live preview, real-origin
// snippet, copy, the copied snippet on another origin, one-tag embeds, wrong attributes,
// the synthetic-data notice, the hostile demo (isolation, keyboard) and axe.
//
// Pages of another origin are opened with `page.context().newPage()`: the harness watches
// only the scenario's own page, so these record their console and requests themselves.
import { createServer } from 'node:http';
import { checkAxe, expect } from '../harness.mjs';
import { api, shot, tabUntil } from '../helpers.mjs';

const PREVIEW = '#preview [data-orienta-widget]';
const POLITE_FR = 'Ces services ne peuvent pas être affichés pour le moment.';

/** What a widget host shows (runs in the page: self-contained). */
function describe(host) {
  const root = host.shadowRoot;
  const section = root?.querySelector('section');
  const notice = root?.querySelector('.notice');
  return {
    ready: host.getAttribute('data-orienta-ready'),
    error: host.getAttribute('data-orienta-error'),
    lang: section?.getAttribute('lang'),
    title: root?.querySelector('h2')?.textContent || '',
    status: root?.querySelector('.status')?.textContent || '',
    text: root?.textContent || '',
    notice: notice && !notice.hidden ? notice.textContent : null,
    items: root ? [...root.querySelectorAll('li')].map((item) => ({
      name: item.querySelector('.name')?.textContent || '',
      need: item.querySelector('.needs .need')?.textContent || '',
      sample: item.querySelector('.sample')?.textContent || '',
      tel: item.querySelectorAll('a[href^="tel:"]').length,
      phone: [...item.querySelectorAll('.line')].some((line) => /^T[ée]l\. /.test(line.textContent)),
    })) : [],
    hrefs: root ? [...root.querySelectorAll('a')].map((anchor) => anchor.href) : [],
  };
}

/** Waits for the preview to show a widget with these data-attributes; describes it. */
async function preview(page, attributes) {
  await page.waitForFunction(([selector, wanted]) => {
    const host = document.querySelector(selector);
    return host && Object.entries(wanted).every(([name, value]) => host.getAttribute(`data-${name}`) === value)
      && host.getAttribute('data-orienta-ready');
  }, [PREVIEW, attributes], { timeout: 20000 });
  return page.locator(PREVIEW).evaluate(describe);
}

/** Every widget host of a page, once all are rendered (or failed). */
async function widgetsOf(page, selector = '[data-orienta-widget]:not(script)') {
  await page.waitForFunction((wanted) => {
    const hosts = [...document.querySelectorAll(wanted)];
    return hosts.length > 0 && hosts.every((host) => host.getAttribute('data-orienta-ready'));
  }, selector, { timeout: 20000 });
  const hosts = page.locator(selector);
  const described = [];
  for (let index = 0; index < await hosts.count(); index += 1) described.push(await hosts.nth(index).evaluate(describe));
  return described;
}

async function openBuilder(page, base, query = '') {
  await page.goto(`${base}/embed/example${query}`);
  await page.waitForSelector('body[data-builder-ready="true"]', { timeout: 20000 });
}

/** A partner's site: `html` served at / by a node http server on another port. */
async function partnerSite(html) {
  const server = createServer((request, response) => {
    const found = request.url === '/';
    response.writeHead(found ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(found ? html : '');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

const partnerHtml = (body, lang = 'fr') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<title>Site partenaire</title><link rel="icon" href="data:,"></head><body><h1>Partenaire</h1>
${body}</body></html>`;

/** Opens `html` on another origin in a page of its own; `check(partner, log)` inspects it. */
async function onPartnerSite(page, base, html, check) {
  const site = await partnerSite(html);
  const partner = await page.context().newPage();
  const log = { errors: [], pageErrors: [], outside: [] };
  const allowed = [new URL(base).origin, new URL(site.url).origin];
  partner.on('console', (message) => { if (message.type() === 'error') log.errors.push(message.text()); });
  partner.on('pageerror', (error) => log.pageErrors.push(error.message));
  partner.on('request', (request) => {
    const url = request.url();
    if (!/^(data|blob|about):/.test(url) && !allowed.includes(new URL(url).origin)) log.outside.push(url);
  });
  try {
    await partner.goto(site.url);
    expect(await partner.evaluate(() => window.location.origin) !== new URL(base).origin, 'the partner page is not on another origin');
    await check(partner, log);
    expect(log.pageErrors.length === 0, `page errors: ${log.pageErrors}`);
    expect(log.outside.length === 0, `requests outside the two servers: ${log.outside}`);
  } finally {
    await partner.close();
    await site.close();
  }
}

/** The display names the API gives for a widget's search. */
async function apiNames(base, query) {
  const data = await api(base, `/v1/search?${new URLSearchParams(query)}`);
  return data.results.map((result) => result.display_name);
}

async function copyAndRead(page) {
  await page.click('#copy');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent.includes('✓'));
  return page.evaluate(() => navigator.clipboard.readText());
}

export function widgetScenarios(base) {
  return [
    ['widget builder: valid choices, live preview, real-origin snippet, copy, axe (FR)', async (page) => {
      await openBuilder(page, base);
      const needs = await page.locator('#b-need option').evaluateAll((options) => options.map((entry) => entry.value));
      const thesaurus = (await api(base, '/v1/needs?lang=fr')).needs.map((need) => need.id);
      expect(needs[0] === '' && needs.slice(1).sort().join() === [...thesaurus].sort().join(), 'need picker ≠ /v1/needs');
      const bassins = await page.locator('#b-bassin option').evaluateAll((options) => options.map((entry) => entry.value));
      expect(bassins.slice(1).sort().join() === 'centre-ouest,nord,nord-est,sud,sud-est', `bassins ${bassins}`);
      expect(await page.locator('#b-commune option').count() === 20, 'not 19 communes + any');
      expect((await page.locator('#b-language option[value="nl"]').textContent()) === 'Néerlandais', 'language names not in French');
      expect(await page.locator('#b-language option').evaluateAll((options) => options.every((entry) => /^([a-z]{2})?$/.test(entry.value))), 'a spoken language is not ISO 639-1');

      await page.selectOption('#b-need', 'food-aid');
      await page.selectOption('#b-bassin', 'sud');
      const sud = (await api(base, '/v1/territories/communes?geometry=false')).features
        .filter((feature) => feature.properties.bassins.some((bassin) => bassin.slug === 'sud')).map((feature) => feature.properties.nis);
      const communes = await page.locator('#b-commune option').evaluateAll((options) => options.map((entry) => entry.value).filter(Boolean));
      expect(communes.sort().join() === sud.sort().join(), `communes of Sud: ${communes}`);
      await page.selectOption('#b-language', 'fr');
      await page.fill('#b-limit', '50');
      await page.press('#b-limit', 'Tab');
      expect(await page.inputValue('#b-limit') === '20', 'size 50 was not brought back to 20');
      await page.fill('#b-limit', '3');
      await page.press('#b-limit', 'Tab');

      const widget = await preview(page, { need: 'food-aid', bassin: 'sud', language: 'fr', lang: 'fr', limit: '3' });
      expect(widget.ready === 'true', `preview failed: ${widget.status}`);
      expect(widget.title === 'Aide alimentaire · Sud', `preview title "${widget.title}"`);
      const expected = await apiNames(base, { need: 'food-aid', bassin: 'sud', language: 'fr', lang: 'fr', per_page: '3' });
      expect(widget.items.map((item) => item.name).join('|') === expected.join('|'), `preview ${widget.items.map((item) => item.name)} ≠ API ${expected}`);
      for (const item of widget.items) expect(item.need === 'Aide alimentaire', `item "${item.name}" shows need "${item.need}"`);

      const snippet = await page.inputValue('#snippet');
      expect(!snippet.includes('ORIENTA'), 'the snippet holds the placeholder origin');
      expect(snippet === `<script src="${base}/embed/widget.js" data-need="food-aid" data-bassin="sud" data-language="fr" data-lang="fr" data-limit="3" async></script>`, `one-tag snippet: ${snippet}`);
      expect(await copyAndRead(page) === snippet, 'the clipboard does not hold the snippet');
      await page.check('#b-form-two');
      const twoTags = await page.inputValue('#snippet');
      expect(twoTags.startsWith(`<script src="${base}/embed/widget.js" async></script>\n<div data-orienta-widget data-need="food-aid"`), `two-tag snippet: ${twoTags}`);
      expect(await page.locator('#copy-status').textContent() === '', 'the confirmation stayed after the snippet changed');
      expect(await copyAndRead(page) === twoTags, 'the clipboard does not hold the two-tag snippet');
      expect(new URL(page.url()).searchParams.get('form') === 'two', 'choices not kept in the URL');
      await shot(page, '08-widget-builder', { fullPage: true });
      await checkAxe(page, 'widget builder');
    }],

    ['widget builder: the copied snippets (one and two tags) render on another origin', async (page) => {
      await openBuilder(page, base, '?need=food-aid&bassin=sud&wlang=nl&limit=4');
      const widget = await preview(page, { need: 'food-aid', bassin: 'sud', lang: 'nl', limit: '4' });
      expect(widget.lang === 'nl' && widget.items.length === 4, `preview ${widget.lang} with ${widget.items.length} items`);
      const expected = await apiNames(base, { need: 'food-aid', bassin: 'sud', lang: 'nl', per_page: '4' });
      for (const form of ['one', 'two']) {
        await page.check(`#b-form-${form}`);
        const copied = await copyAndRead(page);
        expect(copied.includes(`src="${base}/embed/widget.js"`), `copied ${copied}`);
        await onPartnerSite(page, base, partnerHtml(`<p>Avant</p>\n${copied}\n<p id="after">Après</p>`), async (partner, log) => {
          const [shown] = await widgetsOf(partner);
          expect(shown.ready === 'true', `${form}-tag widget failed on the partner site: ${shown.status} ${log.errors}`);
          expect(shown.lang === 'nl' && shown.title === 'Voedselhulp · Zuid', `${form}-tag widget: ${shown.lang} "${shown.title}"`);
          expect(shown.items.map((item) => item.name).join('|') === expected.join('|'), `${form}-tag widget shows ${shown.items.map((item) => item.name)}`);
          expect(shown.hrefs.every((href) => href.startsWith(`${base}/?`)), `links: ${shown.hrefs}`);
          const next = await partner.evaluate(() => document.querySelector('[data-orienta-widget]:not(script)').nextElementSibling?.id);
          expect(next === 'after', `${form}-tag widget is not where the code was pasted`);
          expect(log.errors.length === 0, `console errors: ${log.errors}`);
        });
      }
    }],

    ['widget builder in Dutch: names in Dutch, clipboard refused → selected code and a hint', async (page) => {
      await openBuilder(page, base, '?lang=nl');
      expect(await page.getAttribute('html', 'lang') === 'nl', 'page language not nl');
      expect((await page.locator('h1').textContent()) === 'De Orienta-widget op uw website', 'title not Dutch');
      expect((await page.locator('#b-language option[value="fr"]').textContent()) === 'Frans', 'language names not in Dutch');
      expect((await page.locator('#b-bassin option[value="sud"]').textContent()) === 'Zuid', 'bassin names not in Dutch');
      await preview(page, { lang: 'fr', limit: '5' });
      await page.evaluate(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
        document.execCommand = () => false;
      });
      await page.click('#copy');
      await page.waitForFunction(() => document.getElementById('copy-status').textContent.includes('Ctrl+C'));
      const selected = await page.evaluate(() => {
        const area = document.getElementById('snippet');
        return document.activeElement === area && area.value.slice(area.selectionStart, area.selectionEnd) === area.value;
      });
      expect(selected, 'the refused copy did not select the whole snippet');
      await checkAxe(page, 'widget builder (nl, copy refused)');
    }],

    ['widget: one-tag embeds (several per page) next to a two-tag one, need label on items', async (page) => {
      const body = [
        `<section id="a"><script src="${base}/embed/widget.js" data-need="food-aid" data-bassin="sud" data-lang="fr" data-limit="2" async></script></section>`,
        `<section id="b"><script src="${base}/embed/widget.js" data-need="health" data-lang="nl" data-limit="3" async></script></section>`,
        `<section id="c"><div data-orienta-widget data-q="colis alimentaire" data-lang="en" data-limit="2"></div></section>`,
        `<script src="${base}/embed/widget.js" async></script>`,
      ].join('\n');
      await onPartnerSite(page, base, partnerHtml(body), async (partner, log) => {
        const widgets = await widgetsOf(partner);
        expect(widgets.length === 3, `${widgets.length} widgets for 2 one-tag scripts and 1 div`);
        const places = await partner.evaluate(() => ['a', 'b', 'c'].map((id) => document.querySelectorAll(`#${id} div[data-orienta-widget]`).length));
        expect(places.join() === '1,1,1', `widgets per section: ${places}`);
        const [food, health, parcels] = widgets;
        expect(food.ready === 'true' && food.items.length === 2 && food.lang === 'fr', `FR one-tag: ${food.status}`);
        for (const item of food.items) expect(item.need === 'Aide alimentaire', `FR item need "${item.need}"`);
        expect(health.ready === 'true' && health.items.length === 3 && health.lang === 'nl', `NL one-tag: ${health.status}`);
        for (const item of health.items) expect(item.need === 'Gezondheid', `NL item need "${item.need}"`);
        expect(parcels.ready === 'true' && parcels.lang === 'en' && parcels.items.length === 2, `EN two-tag: ${parcels.status}`);
        for (const item of parcels.items) expect(item.need === 'Food parcels', `EN item need (from q) "${item.need}"`);
        expect(log.errors.length === 0, `console errors: ${log.errors}`);
      });
    }],

    ['widget: wrong attributes → console names them, the visitor sees one polite line', async (page) => {
      const body = [
        `<script src="${base}/embed/widget.js" data-need="fod-aid" data-lang="fr" async></script>`,
        '<div data-orienta-widget data-need="food-aid" data-limit="abc" data-lang="nl"></div>',
        '<div data-orienta-widget data-bassin="sud" data-lang="de"></div>',
        '<div data-orienta-widget data-language="xx" data-lang="en"></div>',
      ].join('\n');
      await onPartnerSite(page, base, partnerHtml(body), async (partner, log) => {
        const widgets = await widgetsOf(partner);
        expect(widgets.map((widget) => widget.error).join() === 'data-need,data-limit,data-lang,data-language', `errors ${widgets.map((widget) => widget.error)}`);
        const polite = { fr: POLITE_FR, nl: 'Deze diensten kunnen momenteel niet worden getoond.', en: 'These services cannot be shown right now.' };
        for (const widget of widgets) {
          expect(widget.ready === 'error' && widget.status === polite[widget.lang], `visitor line (${widget.lang}): "${widget.status}"`);
          expect(!/data-|fod-aid|not a known|whole number|ISO/.test(widget.text), `technical text shown to the visitor: ${widget.text}`);
          expect(widget.hrefs.join() === `${base}/?lang=${widget.lang}`, `a failed widget links to ${widget.hrefs}`);
        }
        const logged = (pattern) => log.errors.some((line) => pattern.test(line));
        expect(logged(/^Orienta widget: data-need="fod-aid": `fod-aid` is not a known need/), `no console error for data-need: ${log.errors}`);
        expect(logged(/^Orienta widget: data-limit="abc": /), `no console error for data-limit: ${log.errors}`);
        expect(logged(/^Orienta widget: data-lang="de": /), `no console error for data-lang: ${log.errors}`);
        expect(logged(/^Orienta widget: data-language="xx": `xx` is not a known language/), `no console error for data-language: ${log.errors}`);
      });
    }],

    ['widget: fictitious-data notice in the widget language, gone when no result is synthetic', async (page) => {
      await openBuilder(page, base, '?need=food-aid&wlang=en&limit=3');
      let widget = await preview(page, { need: 'food-aid', lang: 'en', limit: '3' });
      expect(widget.items.some((item) => item.sample), 'no synthetic record in the sample data');
      expect(widget.notice === 'Fictitious sample data: do not contact', `EN notice "${widget.notice}"`);
      expect(widget.items.every((item) => !item.sample || item.tel === 0), 'a fictitious record has a tel: link');
      expect(widget.hrefs.every((href) => href.startsWith(`${base}/?`) || href.startsWith('tel:')), `links: ${widget.hrefs}`);
      await page.check('#b-lang-fr');
      widget = await preview(page, { need: 'food-aid', lang: 'fr', limit: '3' });
      expect(widget.notice === 'Données d’exemple fictives : ne pas contacter', `FR notice "${widget.notice}"`);
      await page.route(/\/v1\/search\?/, async (route) => {
        const response = await route.fetch();
        const json = await response.json();
        for (const result of json.results || []) result.synthetic = false;
        await route.fulfill({ response, json });
      });
      await page.check('#b-lang-nl');
      widget = await preview(page, { need: 'food-aid', lang: 'nl', limit: '3' });
      expect(widget.notice === null && widget.items.every((item) => !item.sample), 'notice or badge shown without synthetic results');
      expect(widget.items.some((item) => item.phone), 'no shown record has a phone number');
      expect(widget.items.every((item) => item.tel === (item.phone ? 1 : 0)), 'real records lost their tel: link');
    }],

    ['partner widget on /embed/example (FR + NL, isolated, keyboard)', async (page) => {
      await openBuilder(page, base);
      const widgets = await widgetsOf(page, '.hostile [data-orienta-widget]');
      const styles = await page.locator('.hostile [data-orienta-widget]').evaluateAll((hosts) => hosts.map((host) => {
        const title = host.shadowRoot.querySelector('h2');
        const link = host.shadowRoot.querySelector('a');
        return {
          titleFont: getComputedStyle(title).fontFamily,
          titleTransform: getComputedStyle(title).textTransform,
          linkColour: getComputedStyle(link).color,
          linkBackground: getComputedStyle(link).backgroundColor,
          hostBackground: getComputedStyle(host).backgroundColor,
        };
      }));
      expect(widgets.length === 2, `${widgets.length} widgets`);
      expect(widgets[0].lang === 'fr' && widgets[1].lang === 'nl', `widget languages ${widgets.map((widget) => widget.lang)}`);
      widgets.forEach((widget, index) => {
        const style = styles[index];
        expect(widget.ready === 'true', `widget failed: ${widget.status}`);
        expect(widget.items.length > 0 && widget.items.length <= 5, `widget shows ${widget.items.length} items (${widget.status})`);
        expect(!/comic/i.test(style.titleFont) && style.titleTransform === 'none', `host CSS leaked: ${style.titleFont} ${style.titleTransform}`);
        expect(style.linkColour === 'rgb(23, 69, 122)' && style.linkBackground === 'rgba(0, 0, 0, 0)', `link styled by the host: ${style.linkColour} on ${style.linkBackground}`);
        expect(style.hostBackground === 'rgba(0, 0, 0, 0)', `host background leaked: ${style.hostBackground}`);
        expect(widget.hrefs.every((href) => href.startsWith(`${base}/?`) || href.startsWith('tel:')), `links: ${widget.hrefs}`);
      });
      for (const item of widgets[0].items) expect(!item.sample || item.sample === 'Donnée d’exemple fictive', `FR sample "${item.sample}"`);
      for (const item of widgets[1].items) expect(!item.sample || item.sample === 'Fictief voorbeeldgegeven', `NL sample "${item.sample}"`);
      await page.locator('#demo-title').click();
      const inWidget = await tabUntil(page, (element) => element.inShadow && element.tag === 'a', 12, 'a widget link');
      expect(inWidget.outline, 'widget link focus is not visible');
      await shot(page, '08-widget-example', { fullPage: true });
      await checkAxe(page, 'widget example');
    }],
  ];
}
