import { coreFixture, expect, test } from './fixtures';

// Shapes the golden pages arrive in when a user brings them (issue 7): a web page printed to PDF by
// Chromium with its headers and footers, and mirror copies in traditional characters, one with a
// converter's pinyin readings. Made by `npm run variants`; values are the pages' hand-checked truth.
const variant = (path: string, mimeType: string) => coreFixture(`variants/${path}`, mimeType);

const UNSEEN = [
  {
    file: variant('pdf-chromium-portrait/026_pingtan_qu_2025.pdf', 'application/pdf'),
    header: ['平潭综合实验区', '2025', '2021版'],
    cells: {
      'requests/newReceived/total': '154',
      'requests/other.overdueCorrection/naturalPerson': '8',
      'appeals/review/total': '36',
      'active/licensing/decisions': '2418',
    },
  },
  {
    file: variant('text-pinyin/020_pingtan_qu_2019.txt', 'text/plain'),
    header: ['平潭综合实验区', '2019', '2019版'],
    cells: {
      'requests/newReceived/total': '23',
      'active/licensing/decisions': '181',
      'appeals/review/total': '0',
    },
  },
  {
    file: variant('html-traditional/022_pingtan_qu_2021.html', 'text/html'),
    header: ['平潭综合实验区', '2021', '2021版'],
    cells: { 'requests/newReceived/total': '70', 'active/licensing/decisions': '2293' },
  },
] as const;

test('a page printed to PDF and traditional-character copies read into the right cells', async ({
  review,
}) => {
  test.setTimeout(60_000);
  await review.dropFiles(UNSEEN.map(({ file }) => file));
  for (const { file, header, cells } of UNSEEN) {
    await review.expectStatus(file.name, 'ready');
    await review.selectReport(file.name);
    for (const part of header) await expect(review.header()).toContainText(part);
    await review.expectCells(cells, 'high');
  }
});

test('a traditional copy is shown as printed, and a cell points at its characters there', async ({
  review,
}) => {
  const { file } = UNSEEN[1];
  await review.dropFiles([file]);
  await review.expectStatus(file.name, 'ready');
  await review.selectReport(file.name);
  // The source keeps the mirror's characters and readings; only the parser reads them folded.
  await expect(review.source()).toContainText('政府信息公開');
  await expect(review.source()).toContainText('公開(kāi)');
  await review.selectCell('requests', 'newReceived', 'total');
  await expect(review.selectedSourceMarks().first()).toHaveText('23');
});
