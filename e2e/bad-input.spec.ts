import type { FixtureFile } from './ReviewPage';
import { expect, fixtureFile, SEEDS, test } from './fixtures';

// The first bytes of a PNG: signature, then the IHDR chunk of a 1×1 image (NULs included).
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
]);

const BAD: FixtureFile[] = [
  { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
  { name: 'scan.png', mimeType: 'image/png', buffer: PNG },
  { name: 'hello.txt', mimeType: 'text/plain', buffer: Buffer.from('hello world\n') },
];

const CHINESE = /[\u4e00-\u9fff]{4,}/;

test.describe('bad input', () => {
  for (const how of ['drop', 'locator.drop', 'file picker'] as const) {
    test(`empty, binary and non-report files get an error row each; a good file beside them still works (${how})`, async ({
      review,
    }) => {
      const files = [BAD[0], BAD[1], fixtureFile(SEEDS.yiyang), BAD[2]].filter(
        (file): file is FixtureFile => file !== undefined,
      );
      if (how === 'drop') await review.dropFiles(files);
      else if (how === 'locator.drop') await review.dropWithPlaywright(files);
      else await review.pickFiles(files);

      await expect(review.queueRows()).toHaveCount(4);
      await review.expectStatus(SEEDS.yiyang, 'ready');
      for (const bad of BAD) {
        const row = review.queueRow(bad.name);
        await expect(row, bad.name).toHaveAttribute('data-status', 'error');
        // A clear message in Chinese on the row itself, beyond the status word.
        await expect(row, bad.name).toContainText(CHINESE);
      }
      // Choosing a bad row does not break the page: there is no report to show for it.
      await review.queueRowButton('scan.png').click();
      await expect(review.header()).toHaveCount(0);

      await review.selectReport(SEEDS.yiyang);
      await expect(review.header()).toContainText('益阳市行政审批服务局');
      await review.openTable('requests');
      await expect(review.cell('requests', 'newReceived', 'total')).toHaveText(/^\s*3\s*$/);
    });
  }
});
