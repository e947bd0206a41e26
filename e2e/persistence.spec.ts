import Papa from 'papaparse';
import type { ReviewPage, Verdict } from './ReviewPage';
import { expect, fixtureFile, SEEDS, test } from './fixtures';

const C3 = 'C3:requests:newReceived';

/** 001 and 003 in the queue; in 001 自然人 3 → 4, and the failing C3 judged with a comment. */
async function reviewTwo(review: ReviewPage, verdict: Verdict, comment: string): Promise<void> {
  await review.dropFiles([fixtureFile(SEEDS.yiyang), fixtureFile(SEEDS.dashiren)]);
  await review.expectStatus(SEEDS.dashiren, 'ready');
  await review.selectReport(SEEDS.yiyang);
  await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
  await review.judge(C3, verdict, comment);
}

test.describe('the workspace survives', () => {
  test('a reload finds everything as it was: reports, edits, verdicts, comments, review status', async ({
    review,
    page,
  }) => {
    await reviewTwo(review, '原文错误', '原表如此');
    await review.selectReport(SEEDS.dashiren);
    await review.header().getByRole('button', { name: '标记为已复核' }).click();
    await review.expectSaved();

    await page.reload();
    await expect(review.queueRows()).toHaveCount(2);
    await expect(review.queueRow(SEEDS.dashiren)).toHaveAttribute('data-review', 'reviewed');
    await expect(review.queueRow(SEEDS.yiyang)).toHaveAttribute('data-review', 'in-progress');
    await review.expectSaved();

    await review.selectReport(SEEDS.yiyang);
    await review.openTable('requests');
    const natural = review.cell('requests', 'newReceived', 'naturalPerson');
    await expect(natural).toHaveAttribute('data-corrected', 'true');
    await expect(natural).toHaveText(/^\s*4\b/);
    await expect(review.header()).toContainText('已修改 1 处');
    await review.openTab('问题');
    await expect(review.checkItem(C3)).toHaveAttribute('data-verdict', 'source-error');
    await expect(review.checkItem(C3).getByRole('textbox')).toHaveValue('原表如此');
    // Only data is kept: nothing to undo after a reload.
    await expect(page.getByRole('button', { name: '撤销' })).toBeDisabled();
  });

  test('all as JSON Lines, clear (asked first), import, export again: the same bytes', async ({
    review,
    page,
  }) => {
    await reviewTwo(review, '解析错误', '应为 3');
    await review.header().getByRole('button', { name: '标记为已复核' }).click();

    const first = await review.downloadFromMenu('全部 JSON Lines');
    expect(first.suggestedFilename()).toBe('reports.jsonl');
    const exported = await review.downloadedBytes(first);
    expect(exported.toString('utf8').trimEnd().split('\n')).toHaveLength(2);

    // Asked first: cancelling keeps everything.
    await page.getByRole('button', { name: '清空工作区' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await expect(review.queueRows()).toHaveCount(2);
    await review.clearWorkspace();
    await review.expectSaved();
    await page.reload();
    await expect(review.page.getByText('把政府信息公开工作年度报告拖到这里')).toBeVisible();

    await review.pickFiles([
      { name: 'reports.jsonl', mimeType: 'application/x-ndjson', buffer: exported },
    ]);
    await expect(review.queueRows()).toHaveCount(2);
    await expect(review.queueRow(SEEDS.yiyang)).toContainText('导入自 reports.jsonl');
    const again = await review.downloadedBytes(await review.downloadFromMenu('全部 JSON Lines'));
    expect(again.equals(exported)).toBe(true);

    // The same report again replaces the one in the queue, and says so.
    await review.pickFiles([
      { name: 'reports.jsonl', mimeType: 'application/x-ndjson', buffer: exported },
    ]);
    await expect(review.queueRows()).toHaveCount(2);
    await expect(review.queueRow(SEEDS.yiyang)).toContainText('已替换队列中的同一报告');
  });

  test('an invalid export gets an error row with the reason', async ({ review }) => {
    await review.pickFiles([
      {
        name: 'broken.report.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"schema":"nianbao/report@1"}'),
      },
    ]);
    const row = review.queueRow('broken.report.json');
    await expect(row).toHaveAttribute('data-status', 'error');
    await expect(row).toContainText('不符合 nianbao/report@1');
  });

  test('the CSV long form reads back with papaparse: BOM, one row per cell, the corrected flag', async ({
    review,
  }) => {
    await review.openReport(fixtureFile(SEEDS.yiyang));
    await review.editCell('requests', 'newReceived', 'naturalPerson', '4');

    const download = await review.downloadFromMenu('CSV 长表');
    expect(download.suggestedFilename()).toBe('reports.csv');
    const bytes = await review.downloadedBytes(download);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('\r\n');
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    const rows = parsed.data;
    const row = (r: string, c: string) =>
      rows.find((x) => x['table'] === 'requests' && x['row'] === r && x['column'] === c);
    expect(parsed.meta.fields?.slice(0, 3)).toEqual(['file', 'agency', 'year']);
    // Chinese read back as written, which is what the BOM is for.
    expect(row('newReceived', 'naturalPerson')).toMatchObject({
      file: SEEDS.yiyang,
      agency: '益阳市行政审批服务局',
      value: '4',
      corrected: 'true',
    });
    expect(row('newReceived', 'total')).toMatchObject({ value: '3', corrected: 'false' });
    expect(rows.filter((x) => x['corrected'] === 'true')).toHaveLength(1);
  });

  test('a write that fails is shown in the top bar, and the app goes on in memory', async ({
    page,
    review,
  }) => {
    // A full disk: every write to the workspace is refused, as Chromium does past the quota.
    await page.addInitScript(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.reload();
    await review.dropFiles([fixtureFile(SEEDS.yiyang)]);
    await review.expectStatus(SEEDS.yiyang, 'ready');
    await expect(review.saveState()).toHaveAttribute('data-state', 'error');
    await expect(review.saveState()).toHaveText('保存失败：存储空间不足');

    await review.selectReport(SEEDS.yiyang);
    await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
    await expect(review.cell('requests', 'newReceived', 'naturalPerson')).toHaveAttribute(
      'data-corrected',
      'true',
    );
    await expect(review.saveState()).toHaveText('保存失败：存储空间不足');
  });
});
