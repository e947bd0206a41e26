import type { Request } from '@playwright/test';
import { existsSync } from 'node:fs';
import { ReviewPage } from './ReviewPage';
import { coreFixture, expect, fixtureFile, SEEDS, test } from './fixtures';

// `npm run build:single` writes it (scripts/test.sh does, before the e2e tests).
const SINGLE_FILE = new URL('../dist-single/index.html', import.meta.url);
const PDF = 'corpus/001_hongze_qu_2023.pdf';

test('the single file, opened from disk, parses a text and a PDF in its worker, saves, and exports with no request beyond the page', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  expect(existsSync(SINGLE_FILE), `${SINGLE_FILE.pathname}: run npm run build:single`).toBe(true);
  const seen: string[] = [];
  const record = (request: Request) => seen.push(request.url());
  // The context sees the page's requests and those of its workers.
  context.on('request', record);

  const review = new ReviewPage(page);
  await review.open(SINGLE_FILE.href);
  await review.loadSample();
  await review.expectStatus(SEEDS.yiyang, 'ready');
  await review.dropFiles([fixtureFile(SEEDS.dashiren), coreFixture(PDF, 'application/pdf')]);
  const pdf = PDF.split('/').pop() ?? PDF;
  await review.expectStatus(SEEDS.dashiren, 'ready');
  await review.expectStatus(pdf, 'ready');
  // Parsed in the worker started from the page's own bundle, not on the main thread.
  expect(page.workers().map((worker) => worker.url())).toContainEqual(
    expect.stringMatching(/^blob:/),
  );

  await review.selectReport(pdf);
  await review.expectCells({ 'requests/newReceived/total': '21' });
  await review.selectReport(SEEDS.yiyang);
  await review.expectCells({ 'requests/newReceived/total': '3' });
  await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
  const { download, json } = await review.downloadJson();
  expect(download.suggestedFilename()).toMatch(/\.report\.json$/);
  expect(json).toMatchObject({
    schema: 'nianbao/report@1',
    source: { name: SEEDS.yiyang },
    edits: [{ table: 'requests', row: 'newReceived', column: 'naturalPerson' }],
  });

  // IndexedDB on file:// keeps the workspace, as it does when served.
  await review.expectSaved();
  await page.reload();
  await expect(review.queueRows()).toHaveCount(3);

  expect(seen.some((url) => url.startsWith('file:'))).toBe(true);
  const foreign = seen.filter((url) => !/^(?:file|blob|data):/.test(url));
  expect(foreign, 'requests beyond the file itself').toEqual([]);
});
