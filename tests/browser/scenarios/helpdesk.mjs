// Helpdesk tools (selection, print sheet, copy, share), keyboard-only use (the partner widget: widget.mjs).
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
