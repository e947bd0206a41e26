import { expect, fixtureFile, SEEDS, test } from './fixtures';

/** `default-src 'self'; img-src 'self' data:` → Map { default-src → "'self'", img-src → … }. */
function directives(policy: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources.join(' '));
  }
  return map;
}

function expectHeaders(headers: Record<string, string>, what: string): void {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  const policy = directives(headers['content-security-policy'] ?? '');
  expect(policy.get('frame-ancestors'), what).toBe("'none'");
  expect(policy.get('default-src'), what).toBe("'self'");
  expect(policy.get('worker-src'), what).toBe("'self'");
}

test('the page and its scripts come with a Content-Security-Policy header that forbids framing, and nosniff', async ({
  request,
}) => {
  const page = await request.get('/');
  expectHeaders(page.headers(), 'the page');
  const html = await page.text();
  // A worker's policy is the one its script was served with, so scripts need the header as well.
  const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  expectHeaders((await request.get(script ?? '')).headers(), `script ${script}`);

  // The meta tag, for hosts that send no header, says the same, less what a meta tag cannot say.
  const header = directives(page.headers()['content-security-policy'] ?? '');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  header.delete('frame-ancestors');
  expect([...directives(meta?.[1] ?? '')]).toEqual([...header]);
});

test('the parse worker is under the policy too: it cannot reach another host', async ({
  review,
  context,
  consoleGuard,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  // Should the policy let it through, the probe below still goes nowhere.
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort(),
  );
  await review.dropFiles([fixtureFile(SEEDS.yiyang)]);
  await review.expectStatus(SEEDS.yiyang, 'ready');
  const workers = review.page.workers().filter((worker) => /parse\.worker/.test(worker.url()));
  expect(workers.length).toBeGreaterThan(0);

  consoleGuard.allow(/Content Security Policy/i);
  for (const worker of workers) {
    const outcome = await worker.evaluate(async () => {
      const violations: string[] = [];
      self.addEventListener('securitypolicyviolation', (event) =>
        violations.push(event.effectiveDirective),
      );
      const fetched = await fetch('https://example.com/nianbao-csp-probe').then(
        () => 'sent',
        () => 'refused',
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { fetched, violations };
    });
    expect(outcome).toEqual({ fetched: 'refused', violations: ['connect-src'] });
  }
});

test('the app refuses to be framed, even by its own origin', async ({ review, consoleGuard }) => {
  const { page } = review;
  consoleGuard.allow(/frame-ancestors|Refused to (?:display|frame)/i);
  await page.evaluate(async () => {
    const frame = document.createElement('iframe');
    frame.src = '/';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve));
    document.body.append(frame);
    await loaded;
  });
  const framed = page.frames().find((frame) => frame !== page.mainFrame());
  expect(framed).toBeDefined();
  // A refused frame holds the browser's error page, never the app.
  await expect(framed?.locator('#root') ?? page.locator('#nothing')).toHaveCount(0);
});
