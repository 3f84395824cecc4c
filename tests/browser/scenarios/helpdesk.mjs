// Helpdesk tools (selection, print sheet, copy, share), the partner widget, keyboard-only use.
import { join } from 'node:path';
import { checkAxe, expect, SCREENSHOTS } from '../harness.mjs';
import { openSearch, waitResults, statusCount, searchAfter, shot, focused, tabUntil } from '../helpers.mjs';

export function helpdeskScenarios(base) {
  return [
    ['referral sheet in the caller’s language (print view)', async (page) => {
      await openSearch(page, base, '/?lang=fr');
      const boxes = page.locator('#results-list input[type=checkbox]');
      const picked = Math.min(5, await boxes.count());
      expect(picked > 0, 'no result to select');
      for (let index = 0; index < picked; index += 1) await boxes.nth(index).check();
      const count = await page.locator('#sheet-count').textContent();
      expect(count.includes(String(picked)), `helpdesk count "${count}"`);
      await page.selectOption('#caller-lang', 'nl');
      const href = await page.getAttribute('#sheet-print', 'href');
      expect(href && href.includes('lang=nl') && href.includes('ui=fr'), `print link ${href}`);
      await page.click('#sheet-print');
      await page.waitForSelector('body[data-ready="true"]');
      expect(new URL(page.url()).pathname === '/print', 'not on /print');
      expect(await page.getAttribute('#sheet', 'lang') === 'nl', 'the sheet is not in Dutch');
      expect(await page.getAttribute('html', 'lang') === 'fr', 'the toolbar is not in the interface language');
      expect((await page.locator('#sheet-title').textContent()) === 'Doorverwijsfiche', 'sheet title is not Dutch');
      expect(await page.locator('#services .service').count() === picked, 'not every selected service is on the sheet');
      expect(await page.locator('#services .service.failed').count() === 0, 'a service failed to load');
      const samples = await page.locator('#services .sample').allTextContents();
      for (const sample of samples) expect(sample.includes('Fictief voorbeeldgegeven'), `sample mark "${sample}"`);
      await shot(page, '06-print-screen', { fullPage: true });
      await checkAxe(page, 'print view');
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.toolbar').evaluate((element) => getComputedStyle(element).display) === 'none', 'toolbar printed');
      await shot(page, '06-print-media', { fullPage: true });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, path: join(SCREENSHOTS, '06-print.pdf') });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
      expect(pages === 1, `the referral sheet prints on ${pages} pages`);
      await page.emulateMedia({ media: 'screen' });
      await page.selectOption('#sheet-lang', 'fr');
      expect((await page.locator('#sheet-title').textContent()) === 'Fiche d’orientation', 'sheet language switch failed');
    }],

    ['copy contact details and share link', async (page) => {
      await openSearch(page, base, '/?lang=nl&q=voedselhulp');
      const name = (await page.locator('#results-list li.result h3 a').first().textContent()).trim();
      await page.locator('#results-list li.result').first().getByRole('button', { name: 'Contactgegevens kopiëren' }).click();
      await page.waitForFunction(() => document.getElementById('toast').textContent.includes('gekopieerd'));
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied.startsWith(name), `clipboard holds "${copied.slice(0, 60)}", not the contact of ${name}`);
      await shot(page, '07-copy-confirmation');
      await page.click('#share-link');
      await page.waitForFunction(() => document.getElementById('toast').textContent.includes('Link naar de zoekopdracht'));
      expect(await page.evaluate(() => navigator.clipboard.readText()) === page.url(), 'share link is not the page URL');
    }],

    ['partner widget on /embed/example (FR + NL, isolated, keyboard)', async (page) => {
      await page.goto(`${base}/embed/example`);
      await page.waitForFunction(() => [...document.querySelectorAll('[data-orienta-widget]')]
        .every((host) => host.getAttribute('data-orienta-ready')), null, { timeout: 20000 });
      const widgets = await page.evaluate(() => [...document.querySelectorAll('[data-orienta-widget]')].map((host) => {
        const root = host.shadowRoot;
        const section = root?.querySelector('section');
        const link = root?.querySelector('a');
        const title = root?.querySelector('h2');
        return {
          ready: host.getAttribute('data-orienta-ready'),
          lang: section?.getAttribute('lang'),
          items: root ? root.querySelectorAll('li').length : -1,
          status: root?.querySelector('.status')?.textContent || '',
          samples: root ? [...root.querySelectorAll('.sample')].map((badge) => badge.textContent) : [],
          titleFont: title ? getComputedStyle(title).fontFamily : '',
          titleTransform: title ? getComputedStyle(title).textTransform : '',
          linkColour: link ? getComputedStyle(link).color : '',
          linkBackground: link ? getComputedStyle(link).backgroundColor : '',
          hostBackground: getComputedStyle(host).backgroundColor,
          hrefs: root ? [...root.querySelectorAll('a')].map((anchor) => anchor.href) : [],
        };
      }));
      expect(widgets.length === 2, `${widgets.length} widgets`);
      expect(widgets[0].lang === 'fr' && widgets[1].lang === 'nl', `widget languages ${widgets.map((widget) => widget.lang)}`);
      for (const widget of widgets) {
        expect(widget.ready === 'true', `widget failed: ${widget.status}`);
        expect(widget.items > 0 && widget.items <= 5, `widget shows ${widget.items} items (${widget.status})`);
        expect(!/comic/i.test(widget.titleFont) && widget.titleTransform === 'none', `host CSS leaked: ${widget.titleFont} ${widget.titleTransform}`);
        expect(widget.linkColour === 'rgb(23, 69, 122)' && widget.linkBackground === 'rgba(0, 0, 0, 0)', `link styled by the host: ${widget.linkColour} on ${widget.linkBackground}`);
        expect(widget.hostBackground === 'rgba(0, 0, 0, 0)', `host background leaked: ${widget.hostBackground}`);
        expect(widget.hrefs.every((href) => href.startsWith(`${base}/?`) || href.startsWith('tel:')), `links: ${widget.hrefs}`);
      }
      for (const sample of widgets[0].samples) expect(sample === 'Donnée d’exemple fictive', `FR sample "${sample}"`);
      for (const sample of widgets[1].samples) expect(sample === 'Fictief voorbeeldgegeven', `NL sample "${sample}"`);
      await page.locator('h1').click();
      const inWidget = await tabUntil(page, (element) => element.inShadow && element.tag === 'a', 12, 'a widget link');
      expect(inWidget.outline, 'widget link focus is not visible');
      await shot(page, '08-widget-example', { fullPage: true });
      await checkAxe(page, 'widget example');
    }],

    ['keyboard-only search: skip link, combobox, results, detail', async (page) => {
      await page.goto(`${base}/?lang=fr`);
      await waitResults(page);
      await page.keyboard.press('Tab');
      let current = await focused(page);
      expect(current.className.includes('skip-link') && current.outline, `first Tab: ${JSON.stringify(current)}`);
      current = await tabUntil(page, (element) => element.id === 'q', 8, 'the search box');
      expect(current.outline, 'no visible focus on the search box');
      await page.keyboard.type('alim');
      await page.waitForSelector('#q-listbox:not([hidden]) [role=option]', { timeout: 10000 });
      expect(await page.getAttribute('#q', 'aria-expanded') === 'true', 'combobox not expanded');
      await page.keyboard.press('ArrowDown');
      const active = await page.getAttribute('#q', 'aria-activedescendant');
      expect(active && await page.getAttribute(`#${active}`, 'aria-selected') === 'true', 'ArrowDown did not select an option');
      await shot(page, '09-keyboard-suggestions');
      await checkAxe(page, 'combobox open');
      const optionText = await page.locator(`#${active}`).textContent();
      await searchAfter(page, () => page.keyboard.press('Enter'));
      expect(await page.getAttribute('#q', 'aria-expanded') === 'false', 'listbox still open after Enter');
      const url = page.url();
      expect(url.includes('need=') || url.includes('id='), `choosing "${optionText}" changed nothing: ${url}`);
      if (url.includes('id=')) {
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => !document.getElementById('detail').open);
      }
      expect(await statusCount(page) >= 0, 'no status');
      current = await tabUntil(page, (element) => element.tag === 'a' && element.className === '' && element.id.startsWith('result-'), 60, 'the first result');
      expect(current.outline, 'no visible focus on the result link');
      const resultLink = current.id;
      current = await tabUntil(page, (element) => element.tag === 'input' && element.id.startsWith('select-'), 4, 'the result checkbox');
      expect(current.outline, 'no visible focus on the checkbox');
      await page.keyboard.press('Space');
      expect((await page.locator('#sheet-count').textContent()).startsWith('1 service'), 'Space did not select the result');
      await page.focus(`#${resultLink}`);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#detail[open] .detail-body section');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.getElementById('detail').open);
      current = await focused(page);
      expect(current.id.startsWith('result-'), `focus after closing the detail: ${JSON.stringify(current)}`);
    }],

    ['small screen in Dutch', async (page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await openSearch(page, base, '/?lang=nl&q=gezondheid');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'horizontal scroll on a phone');
      await shot(page, '10-mobile-nl', { fullPage: false });
      await checkAxe(page, 'mobile NL');
    }],
  ];
}
