import { expect, fixtureFile, SEEDS, test } from './fixtures';

/** A text far larger than a report's, which the full disk below refuses. */
const big = {
  name: 'big.txt',
  mimeType: 'text/plain',
  buffer: Buffer.from(
    `${fixtureFile(SEEDS.yiyang).buffer.toString('utf8')}\n${'附注：本行不含统计数据。\n'.repeat(20_000)}`,
  ),
};

test.describe('a full disk', () => {
  test.beforeEach(async ({ page }) => {
    // A disk with room for small values only, as Chromium refuses writes past the quota; freed by
    // setting sessionStorage.disk to 'free' (kept across reloads, like the disk).
    await page.addInitScript(() => {
      const LIMIT = 200_000;
      const full = () => sessionStorage.getItem('disk') !== 'free';
      const large = (value: unknown): boolean =>
        typeof value === 'object' &&
        value !== null &&
        typeof (value as { text?: unknown }).text === 'string' &&
        (value as { text: string }).text.length > LIMIT;
      for (const method of ['put', 'add'] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, value, key) {
          if (full() && large(value)) {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return original.call(this, value, key);
        };
      }
    });
    // Leaving with something unsaved asks first: the tests leave on purpose.
    page.on('dialog', (dialog) => void dialog.accept());
  });

  test('later edits still save, what did not save is named with the way to make room, and it saves once there is room', async ({
    review,
    page,
  }) => {
    await review.openReport(fixtureFile(SEEDS.yiyang));
    await review.expectSaved();

    await review.dropFiles([big]);
    await review.expectStatus('big.txt', 'ready');
    await expect(review.saveState()).toHaveText('保存失败：存储空间不足');
    await expect(review.saveDetail()).toContainText('存储空间已满');
    await expect(review.saveDetail()).toContainText('未保存：big.txt');
    await expect(review.saveDetail()).toContainText('移除');
    await expect(review.saveDetail()).toContainText('清空工作区');

    await review.selectReport(SEEDS.yiyang);
    await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
    await review.judge('C3:requests:newReceived', '解析错误', '应为 3');
    await expect(review.saveState()).toHaveAttribute('data-state', 'error');
    await expect(review.saveDetail()).toHaveText(/未保存：big\.txt。/);

    // After a reload the edits are there; big.txt, shown as not saved, is not.
    await page.reload();
    await expect(review.queueRows()).toHaveCount(1);
    await review.expectSaved();
    await review.selectReport(SEEDS.yiyang);
    await review.openTable('requests');
    await expect(review.cell('requests', 'newReceived', 'naturalPerson')).toHaveText(/^\s*4\b/);
    await review.openTab('问题');
    await expect(review.checkItem('C3:requests:newReceived')).toHaveAttribute(
      'data-verdict',
      'parse-error',
    );

    // Room again: what did not fit is written with the next change.
    await review.dropFiles([big]);
    await expect(review.saveDetail()).toContainText('未保存：big.txt');
    await page.evaluate(() => sessionStorage.setItem('disk', 'free'));
    await review.header().getByRole('button', { name: '标记为已复核' }).click();
    await review.expectSaved();
    await expect(review.saveDetail()).toHaveCount(0);
    await page.reload();
    await expect(review.queueRows()).toHaveCount(2);
  });
});
