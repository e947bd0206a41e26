import type { Request } from '@playwright/test';
import { ReviewPage } from './ReviewPage';
import { expect, fixtureFile, fixtureText, SEEDS, test } from './fixtures';

const CSP_META = 'meta[http-equiv="Content-Security-Policy" i]';

/** `default-src 'self'; img-src 'self' data:` → Map { default-src → ['self'], img-src → … }. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

// Sources that stay on the machine: keywords, hashes/nonces, and in-page schemes.
const LOCAL_SOURCE =
  /^(?:'(?:self|none|unsafe-inline|wasm-unsafe-eval|strict-dynamic|report-sample|(?:sha256|sha384|sha512|nonce)-[^']+)'|blob:|data:)$/i;

test('no request leaves the app’s origin during load, parse, edit, export, sample and paste', async ({
  context,
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  const seen: string[] = [];
  const record = (request: Request) => seen.push(request.url());
  // The context sees the page's requests and those of its workers.
  context.on('request', record);

  const review = new ReviewPage(page);
  await review.goto();
  // Not the bundled sample's file (001), which 示例 below would find already in the queue.
  await review.dropFiles([fixtureFile(SEEDS.dashiren)]);
  await review.expectStatus(SEEDS.dashiren, 'ready');
  await review.selectReport(SEEDS.dashiren);
  await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
  const { download } = await review.downloadJson();
  expect(download.suggestedFilename()).toMatch(/\.report\.json$/);
  await review.loadSample();
  await expect(review.queueRows()).toHaveCount(2);
  await expect(review.queueRows().nth(1)).toHaveAttribute('data-status', 'ready');
  await review.pasteText(fixtureText(SEEDS.quzhou));
  await expect(review.queueRows()).toHaveCount(3);
  await expect(review.queueRows().nth(2)).toHaveAttribute('data-status', 'ready');
  await page.waitForLoadState('networkidle');

  // The page itself and the sample were fetched: recording works.
  expect(seen.some((url) => url.startsWith(`${origin}/`))).toBe(true);
  expect(seen.some((url) => url.includes(SEEDS.yiyang))).toBe(true);
  const foreign = seen.filter(
    (url) =>
      !url.startsWith(`${origin}/`) &&
      !url.startsWith(`blob:${origin}/`) &&
      !url.startsWith('data:'),
  );
  expect(foreign, 'requests beyond the app’s own origin').toEqual([]);
});

test('the built page carries a Content-Security-Policy that allows nothing remote', async ({
  review,
  request,
  context,
  baseURL,
  consoleGuard,
}) => {
  const { page } = review;
  const origin = new URL(baseURL ?? '').origin;
  // Should the policy let it through, the probe below still goes nowhere.
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort(),
  );

  // In the HTML as served (the production build), not added later by a script.
  const html = await (await request.get('/')).text();
  expect(html).toMatch(/<meta[^>]+http-equiv=["']Content-Security-Policy["']/i);

  const meta = page.locator(CSP_META);
  await expect(meta).toHaveCount(1);
  const policy = (await meta.getAttribute('content')) ?? '';
  const parsed = directives(policy);
  expect(parsed.get('default-src'), `default-src in: ${policy}`).toBeDefined();
  for (const [name, sources] of parsed) {
    for (const source of sources) {
      expect(LOCAL_SOURCE.test(source), `${name} allows ${source}`).toBe(true);
    }
  }

  // And the browser enforces it: a request to another host is refused before it is sent.
  consoleGuard.allow(/Content Security Policy/i);
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(event.effectiveDirective),
    );
    const fetched = await fetch('https://example.com/nianbao-csp-probe').then(
      () => 'sent',
      () => 'refused',
    );
    // The violation event is queued as a task; let it arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    // One violation per policy: the header's and the meta tag's (headers.spec.ts).
    return { fetched, violations: [...new Set(violations)] };
  });
  expect(outcome).toEqual({ fetched: 'refused', violations: ['connect-src'] });
});
