import { coreFixture, expect, fixtureFile, test } from './fixtures';

// Reports arrive as saved web pages, Word files, PDFs and text copies in several encodings: each is
// read into the same tables (issue 4). Expected values are the corpus truth, checked by hand.
const FORMATS = [
  {
    file: 'corpus/022_pingtan_qu_2021.html',
    mimeType: 'text/html',
    header: ['平潭综合实验区', '2021', '2021版'],
    cells: { 'requests/newReceived/total': '70', 'active/licensing/decisions': '2293' },
  },
  {
    file: 'variants/docx-libreoffice/022_pingtan_qu_2021.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    header: ['平潭综合实验区', '2021', '2021版'],
    cells: { 'requests/newReceived/total': '70', 'appeals/review/total': '3' },
  },
  {
    file: 'corpus/001_hongze_qu_2023.pdf',
    mimeType: 'application/pdf',
    header: ['洪泽区人民政府', '2023', '2021版'],
    cells: { 'requests/newReceived/total': '21', 'active/licensing/decisions': '550' },
  },
  {
    // A text copy with every table's digits run together (layout d).
    file: 'corpus/024_pingtan_qu_2023.txt',
    mimeType: 'text/plain',
    header: ['平潭综合实验区', '2023', '2021版'],
    cells: { 'requests/newReceived/total': '81', 'appeals/review/total': '2' },
  },
  {
    // Seed 001 saved as GB18030, without a BOM (made with iconv; only this copy lives in e2e/).
    file: 'e2e:001_gb18030.txt',
    mimeType: 'text/plain',
    header: ['益阳市行政审批服务局', '2022', '2021版'],
    cells: { 'requests/newReceived/total': '3', 'requests/unable.noInfo/naturalPerson': '3' },
  },
] as const;

const load = (file: string, type: string) =>
  file.startsWith('e2e:') ? fixtureFile(file.slice(4), type) : coreFixture(file, type);
const baseName = (file: string) => file.replace(/^e2e:/, '').split('/').pop() ?? file;

test('a report in each format, dropped together, reads into the right tables', async ({
  review,
}) => {
  test.setTimeout(60_000);
  await review.dropFiles(FORMATS.map(({ file, mimeType }) => load(file, mimeType)));
  for (const { file, header, cells } of FORMATS) {
    const name = baseName(file);
    await review.expectStatus(name, 'ready');
    await review.selectReport(name);
    for (const part of header) await expect(review.header()).toContainText(part);
    await review.expectCells(cells);
  }
});

test('a scan, an encrypted PDF and a broken DOCX each say so on their row', async ({ review }) => {
  const bad = [
    { file: 'pdf/image-only.pdf', mimeType: 'application/pdf', message: '没有文字层' },
    { file: 'pdf/encrypted.pdf', mimeType: 'application/pdf', message: '已加密' },
    { file: 'docx/corrupt_truncated.docx', mimeType: 'application/zip', message: '损坏' },
  ];
  await review.dropFiles([
    ...bad.map(({ file, mimeType }) => coreFixture(file, mimeType)),
    fixtureFile('001_gb18030.txt'),
  ]);
  for (const { file, message } of bad) {
    const name = baseName(file);
    await review.expectStatus(name, 'error');
    await expect(review.queueRow(name)).toContainText(message);
  }
  await review.expectStatus('001_gb18030.txt', 'ready');
});
