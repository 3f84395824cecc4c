// The API documentation at /docs/ (Swagger UI served by the binary): it passes axe-core,
// "Try it out" on /v1/search finds services with the pre-filled examples, and each error
// response shows its own example (not the generic `invalid_radius` one).
import { expect, checkAxe } from '../harness.mjs';

const SEARCH = '#operations-search-search';

/** Opens /docs/ and waits until Swagger UI has rendered the operations. */
async function openDocs(page, base) {
  await page.goto(`${base}/docs/`);
  await page.locator(`${SEARCH} .opblock-summary-control`).waitFor({ timeout: 15000 });
  const operations = await page.locator('.opblock').count();
  expect(operations >= 20, `only ${operations} operations rendered`);
}

/** The example shown for response `status` of an expanded operation. */
async function shownExample(operation, status) {
  const example = operation.locator(`tr.response[data-code="${status}"] pre.example`);
  expect(await example.count() === 1, `no example shown for ${status}`);
  return JSON.parse(await example.textContent());
}

export function docsScenarios(base) {
  return [
    ['docs: Swagger UI renders every operation and passes axe-core', async (page) => {
      await openDocs(page, base);
      expect(await page.locator('main#swagger-ui').count() === 1, 'the docs are not in a main landmark');
      await checkAxe(page, 'docs');
    }],
    ['docs: "Try it out" on /v1/search finds services; 401 and 429 show their own examples', async (page) => {
      await openDocs(page, base);
      const operation = page.locator(SEARCH);
      await operation.locator('.opblock-summary-control').click();
      const tryOut = operation.locator('.try-out__btn');
      if ((await tryOut.textContent()).includes('Try it out')) await tryOut.click();
      await operation.locator('.btn.execute').click();
      const live = operation.locator('.live-responses-table');
      const body = live.locator('.response-col_description pre.microlight[tabindex]').first();
      await body.waitFor({ timeout: 15000 });
      const status = (await live.locator('tbody .response-col_status').first().textContent()).trim();
      expect(status === '200', `Execute answered ${status}`);
      const url = await operation.locator('.request-url pre').textContent();
      expect(url.includes('/v1/search?q=aide%20alimentaire'), `request sent: ${url}`);
      const answer = JSON.parse(await body.textContent());
      expect(answer.total > 0 && answer.results.length > 0, `no results for ${url}`);
      const unauthorized = await shownExample(operation, 401);
      expect(unauthorized.code === 'unauthorized', `401 example: ${unauthorized.code}`);
      const limited = await shownExample(operation, 429);
      expect(limited.code === 'rate_limited', `429 example: ${limited.code}`);
      await checkAxe(page, 'docs: /v1/search tried out');
    }],
  ];
}
