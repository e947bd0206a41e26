import type { CDPSession, Page } from '@playwright/test';
import { expect, fixtureFile, fixtureText, SEEDS, test } from './fixtures';
import type { FixtureFile, ReviewPage } from './ReviewPage';

// Inputs far beyond any real report: what a tester (or a broken export) can hand the app. The app
// must stay usable with them, and after a reload.

interface CellRefJson {
  table: string;
  row: string;
  column: string;
}

interface ReportJson {
  source: { name: string };
  tables: {
    id: string;
    columns: { key: string; label: string }[];
    rows: { key: string; label: string; cells: Record<string, unknown> }[];
  }[];
  checks: Record<string, unknown>[];
}

/** The seed as the app exports it (本报告 JSON): a real report@1 to build the big ones from. */
async function exportedSeed(review: ReviewPage): Promise<ReportJson> {
  await review.openReport(fixtureFile(SEEDS.yiyang));
  const { json } = await review.downloadJson();
  await review.clearWorkspace();
  return json as ReportJson;
}

function tableOf(report: ReportJson, id: string) {
  const table = report.tables.find((t) => t.id === id);
  if (!table) throw new Error(`the seed has no table ${id}`);
  return table;
}

/** The report with `count` more rows in 表二, each a copy of its first row under a key of its own. */
function withActiveRows(report: ReportJson, count: number): ReportJson {
  const active = tableOf(report, 'active');
  const first = active.rows[0];
  if (!first) throw new Error('the seed has no 表二 rows');
  const extra = Array.from({ length: count }, (_, i) => ({
    key: `extra.${i}`,
    label: `附加事项${i}`,
    cells: first.cells,
  }));
  return {
    ...report,
    tables: report.tables.map((t) => (t === active ? { ...t, rows: [...t.rows, ...extra] } : t)),
  };
}

function jsonFile(name: string, report: ReportJson): FixtureFile {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report)) };
}

/** The page's JavaScript heap, in MB, as Chromium counts it. */
async function heapMb(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  return used / 2 ** 20;
}

/**
 * The longest task the page's main thread ran since `since` (its clock; 0 for since it loaded), in
 * ms, from the Long Tasks API. The test's own work in the page (handing it a file) comes before.
 */
async function longestTask(page: Page, since = 0): Promise<number> {
  return page.evaluate(
    (from) =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          const tasks = list.getEntries().filter((task) => task.startTime >= from);
          resolve(tasks.reduce((most, task) => Math.max(most, task.duration), 0));
        }).observe({ type: 'longtask', buffered: true });
        // No entry at all: no task took 50 ms or more.
        setTimeout(() => resolve(0), 1000);
      }),
    since,
  );
}

async function domElements(page: Page): Promise<number> {
  return page.evaluate(() => document.getElementsByTagName('*').length);
}

/** After a reload: the queue and 清空工作区 are there, and no pane has failed. */
async function expectWorkingAfterReload(review: ReviewPage, rows: number): Promise<void> {
  await review.expectSaved();
  await review.page.reload();
  await expect(review.page.getByRole('heading', { level: 1, name: '年报校对台' })).toBeVisible();
  await expect(review.queueRows()).toHaveCount(rows);
  await expect(review.paneErrors()).toHaveCount(0);
  await expect(review.page.getByRole('button', { name: '清空工作区' })).toBeEnabled();
}

test.describe('inputs far beyond a real report', () => {
  test('an import of 150,000 rows is refused on its row, and the app works after a reload', async ({
    review,
  }) => {
    test.setTimeout(120_000);
    const big = withActiveRows(await exportedSeed(review), 150_000);
    await review.pickFiles([jsonFile('big.report.json', big)]);

    const row = review.queueRow('big.report.json');
    await expect(row).toHaveAttribute('data-status', 'error', { timeout: 30_000 });
    const rows = big.tables.reduce((sum, t) => sum + t.rows.length, 0);
    await expect(row).toContainText(`${rows} 行`);
    await expect(review.paneErrors()).toHaveCount(0);

    await expectWorkingAfterReload(review, 1);
    await review.clearWorkspace();
  });

  test('a table of 20,000 rows shows its first 500 and says so; keys move in it; it comes back after a reload', async ({
    review,
    page,
  }) => {
    test.setTimeout(120_000);
    const seed = await exportedSeed(review);
    const big = withActiveRows(seed, 20_000);
    const total = tableOf(big, 'active').rows.length;
    await review.pickFiles([jsonFile('wide.report.json', big)]);
    await review.expectStatus(SEEDS.yiyang, 'ready');
    await review.selectReport(SEEDS.yiyang);

    await review.openTable('active');
    await expect(review.tableCut()).toHaveText(`表中有 ${total} 行，仅显示前 500 行`);
    await expect(review.grid().locator('th.row-label')).toHaveCount(500);
    const first = tableOf(seed, 'active').rows[0];
    const column = Object.keys(first?.cells ?? {})[0] ?? '';
    const cell = await review.selectCell('active', first?.key ?? '', column);
    // Down past the bottom of the pane: the selected cell is scrolled into view.
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
    await expect(cell).toHaveAttribute('aria-selected', 'false');
    await expect(review.selectedCells()).toHaveCount(1);
    await expect(review.selectedCells()).toBeInViewport();

    await expectWorkingAfterReload(review, 1);
    await expect(review.header()).toContainText(SEEDS.yiyang);
    await review.openTable('active');
    await expect(review.tableCut()).toBeVisible();
  });

  test('a check that points at a column named toString: 问题 and its table render', async ({
    review,
  }) => {
    const seed = await exportedSeed(review);
    const requests = tableOf(seed, 'requests');
    const ref: CellRefJson = { table: 'requests', row: 'newReceived', column: 'toString' };
    const total: CellRefJson = { table: 'requests', row: 'newReceived', column: 'total' };
    const odd: ReportJson = {
      ...seed,
      tables: seed.tables.map((t) =>
        t === requests
          ? { ...t, columns: [...t.columns, { key: 'toString', label: 'toString' }] }
          : t,
      ),
      checks: [
        ...seed.checks,
        {
          id: 'C9:requests:toString',
          rule: 'C9',
          status: 'fail',
          expected: 1,
          actual: 3,
          cells: [ref, total],
          left: [ref],
          right: [total],
        },
      ],
    };
    await review.pickFiles([jsonFile('odd.report.json', odd)]);
    await review.expectStatus(SEEDS.yiyang, 'ready');
    await review.selectReport(SEEDS.yiyang);

    await review.openTab('问题');
    const item = review.checkItem('C9:requests:toString');
    await expect(item).toContainText('toString = 缺 ≠');
    await item.getByRole('button').first().click();
    await expect(review.tab('表三')).toHaveAttribute('aria-selected', 'true');
    await expect(review.cell('requests', 'newReceived', 'total')).toBeVisible();
    await expect(review.cell('requests', 'newReceived', 'toString')).toHaveCount(0);
    await expect(review.paneErrors()).toHaveCount(0);
  });

  test('a pane that fails says so; the queue, 清空工作区 and 移除此报告 stay; a reload does not reopen it', async ({
    review,
    page,
    consoleGuard,
  }) => {
    const seed = await exportedSeed(review);
    // No input is known that still makes a pane fail (each one found was fixed at its cause), so
    // one is made to: in this page, trimming one cell's text throws, as a bug in drawing it would.
    await page.addInitScript(() => {
      const trim = String.prototype.trim;
      String.prototype.trim = function (this: string) {
        if (String(this) === '注入故障') throw new Error('注入的故障');
        return trim.call(this);
      };
    });
    // React reports an error a boundary caught on the console.
    consoleGuard.allow(/注入的故障/);
    await page.reload();

    const requests = tableOf(seed, 'requests');
    const broken = { value: null, raw: '注入故障', kind: 'text', span: null, confidence: 'low' };
    const failing: ReportJson = {
      ...seed,
      tables: seed.tables.map((t) =>
        t === requests
          ? {
              ...t,
              rows: t.rows.map((r) =>
                r.key === 'newReceived'
                  ? { ...r, cells: { ...r.cells, naturalPerson: broken } }
                  : r,
              ),
            }
          : t,
      ),
    };
    await review.pickFiles([jsonFile('failing.report.json', failing)]);
    await review.expectStatus(SEEDS.yiyang, 'ready');
    await review.dropFiles([fixtureFile(SEEDS.dashiren)]);
    await review.expectStatus(SEEDS.dashiren, 'ready');
    await review.selectReport(SEEDS.yiyang);

    await review.tab('表三').click();
    await expect(review.paneErrors()).toHaveCount(1);
    await expect(review.paneErrors()).toContainText('此报告无法显示：注入的故障');
    await expect(review.source()).toBeVisible();
    await expect(review.header()).toContainText(SEEDS.yiyang);
    await expect(review.queueRows()).toHaveCount(2);
    await expect(page.getByRole('button', { name: '清空工作区' })).toBeEnabled();

    // Another report tries the pane again, and it works.
    await review.selectReport(SEEDS.dashiren);
    await expect(review.paneErrors()).toHaveCount(0);
    await review.selectReport(SEEDS.yiyang);
    await review.tab('表三').click();
    await expect(review.paneErrors()).toHaveCount(1);

    // The start after a reload opens a report whose display has not failed, not the first one.
    await expectWorkingAfterReload(review, 2);
    await expect(review.queueRows().first()).toContainText(SEEDS.yiyang);
    await expect(review.header()).toContainText(SEEDS.dashiren);

    await review.selectReport(SEEDS.yiyang);
    await review.tab('表三').click();
    await review.paneErrors().getByRole('button', { name: '移除此报告' }).click();
    await expect(review.queueRows()).toHaveCount(1);
    await expect(review.queueRow(SEEDS.yiyang)).toHaveCount(0);
    await expect(review.paneErrors()).toHaveCount(0);
    await expect(review.header()).toContainText(SEEDS.dashiren);
  });

  test('a text of 200,000 lines opens with the page responsive and a bounded DOM and heap', async ({
    review,
    page,
  }) => {
    test.setTimeout(180_000);
    // A real report, then prose to 200,000 lines.
    const report = fixtureText(SEEDS.yiyang).replace(/\n$/, '').split('\n');
    const filler = 200_000 - report.length - 2;
    const lines = [
      ...report,
      ...Array.from({ length: filler }, () => '本行是填充的说明文字，没有数字，也不属于任何表格。'),
      // Wraps over many screen lines: the list measures it, the last line comes after it.
      '很长的一行'.repeat(600),
      '全文完：最后一行',
    ];
    const firstLine = report[0] ?? '';
    const newReceivedLine =
      report.findIndex((line) => line.startsWith('一、本年新收政府信息公开申请数量')) + 1;
    const file: FixtureFile = {
      name: 'long.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(lines.join('\n')),
    };
    const dropped = Date.now();
    await review.pickFiles([file]);
    const handed = await page.evaluate(() => performance.now());
    await expect(review.queueRow('long.txt')).toHaveAttribute('data-status', 'ready', {
      timeout: 90_000,
    });
    const parsed = Date.now();
    await review.selectReport('long.txt');

    const source = review.source();
    await expect(source.locator('[data-line="1"]')).toHaveText(`1${firstLine}`);
    console.log(
      `200,000 lines: ready ${((parsed - dropped) / 1000).toFixed(1)} s after it was picked, shown ` +
        `${((Date.now() - parsed) / 1000).toFixed(1)} s later; longest main-thread task ` +
        `${(await longestTask(page, handed)).toFixed(0)} ms`,
    );
    const drawn = await review.sourceLines().count();
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(500);
    expect(await page.evaluate(() => 1)).toBe(1);

    // Lines are measured as they are drawn: the long one grows the list when it comes into view,
    // so that the end is reached as a reader reaches it, by scrolling on.
    await expect(async () => {
      await review.scrollSourceToEnd();
      await expect(source.getByText('全文完：最后一行')).toBeInViewport({ timeout: 500 });
    }).toPass();
    await expect(source.locator('[data-line="200000"]')).toBeVisible();
    const long = await source.locator('[data-line="199999"]').boundingBox();
    const last = await source.locator('[data-line="200000"]').boundingBox();
    expect(long?.height).toBeGreaterThan(100);
    expect(last?.y).toBeGreaterThanOrEqual((long?.y ?? 0) + (long?.height ?? 0) - 1);
    expect(await review.sourceLines().count()).toBeLessThan(500);
    expect(await page.evaluate(() => 1)).toBe(1);

    // 查找 sees the lines not drawn, which the browser's find-in-page cannot.
    const search = source.getByRole('searchbox', { name: '在原文中查找' });
    await search.fill('一、本年新收政府信息公开申请数量');
    await search.press('Enter');
    const found = source.locator(`[data-line="${newReceivedLine}"]`);
    await expect(found).toBeInViewport();
    await expect(found).toHaveClass(/\bis-focus\b/);
    await search.fill('全文完');
    await search.press('Enter');
    await expect(source.locator('[data-line="200000"]')).toHaveClass(/\bis-focus\b/);
    await expect(source.locator('[data-line="200000"]')).toBeInViewport();

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = await heapMb(cdp);
    const elements = await domElements(page);
    console.log(`200,000 lines: JS heap ${heap.toFixed(0)} MB, ${elements} DOM elements`);
    expect(heap).toBeLessThan(500);
    expect(elements).toBeLessThan(5000);

    const reloaded = Date.now();
    await expectWorkingAfterReload(review, 1);
    await expect(source.locator('[data-line="1"]')).toHaveText(`1${firstLine}`);
    expect(await review.sourceLines().count()).toBeLessThan(500);
    await cdp.send('Performance.enable');
    console.log(
      `after a reload: shown in ${((Date.now() - reloaded) / 1000).toFixed(1)} s, JS heap ` +
        `${(await heapMb(cdp)).toFixed(0)} MB, longest main-thread task ` +
        `${(await longestTask(page)).toFixed(0)} ms`,
    );
  });

  test('a line of 3 million characters is drawn in rows, and the page is responsive', async ({
    review,
    page,
  }) => {
    test.setTimeout(120_000);
    // A page flattened into one line, after a real report.
    const line = '本行是一段很长的说明文字，没有换行。'.repeat(170_000);
    const file: FixtureFile = {
      name: 'one-line.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`${fixtureText(SEEDS.yiyang)}${line}\n全文完：最后一行`),
    };
    await review.pickFiles([file]);
    const handed = await page.evaluate(() => performance.now());
    await expect(review.queueRow('one-line.txt')).toHaveAttribute('data-status', 'ready', {
      timeout: 90_000,
    });
    await review.selectReport('one-line.txt');
    const source = review.source();
    await expect(async () => {
      await review.scrollSourceToEnd();
      await expect(source.getByText('全文完：最后一行')).toBeInViewport({ timeout: 500 });
    }).toPass();
    expect(await review.sourceLines().count()).toBeLessThan(500);
    // No element holds more than a row's worth of the line (2,000 characters).
    const longest = await source
      .locator('.src-text')
      .evaluateAll((rows) => rows.reduce((most, row) => Math.max(most, row.textContent.length), 0));
    expect(longest).toBeLessThanOrEqual(2000);
    expect(await page.evaluate(() => 1)).toBe(1);
    console.log(
      `3 million characters in one line: longest main-thread task ` +
        `${(await longestTask(page, handed)).toFixed(0)} ms`,
    );
  });
});
