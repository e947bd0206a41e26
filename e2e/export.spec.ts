import Papa from 'papaparse';
import { coreFixture, expect, fixtureFile, SEEDS, test } from './fixtures';

test('CSV 长表 opens in Excel with labels, the original of a correction and the verdict', async ({
  review,
}) => {
  await review.openReport(fixtureFile(SEEDS.yiyang));
  await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
  await review.judge('C3:requests:newReceived', '原文错误', '原表如此');

  const bytes = await review.downloadedBytes(await review.downloadFromMenu('CSV 长表'));
  const text = bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  const rows = parsed.data;
  const cell = rows.find(
    (r) =>
      r['table'] === 'requests' && r['row'] === 'newReceived' && r['column'] === 'naturalPerson',
  );
  expect(cell).toMatchObject({
    file: SEEDS.yiyang,
    reviewStatus: 'in-progress',
    tableTitle: '收到和处理政府信息公开申请情况',
    rowLabel: '一、本年新收政府信息公开申请数量',
    columnLabel: '自然人',
    value: '4',
    corrected: 'true',
    originalValue: '3',
    originalRaw: '3',
    comments: 'C3:requests:newReceived=原表如此',
  });
  expect(cell?.['checks']).toContain('C3:requests:newReceived=fail/source-error');
  const untouched = rows.find(
    (r) => r['table'] === 'requests' && r['row'] === 'newReceived' && r['column'] === 'total',
  );
  expect(untouched).toMatchObject({ corrected: 'false', originalValue: '', columnLabel: '总计' });
});

test('two formats of one report download under names that keep their extension, and import back', async ({
  review,
}) => {
  const html = coreFixture('corpus/022_pingtan_qu_2021.html', 'text/html');
  const txt = coreFixture('corpus/022_pingtan_qu_2021.txt', 'text/plain');
  await review.dropFiles([html, txt]);
  await review.expectStatus(html.name, 'ready');
  await review.expectStatus(txt.name, 'ready');

  const names: string[] = [];
  let exported: Buffer | null = null;
  for (const file of [html, txt]) {
    await review.selectReport(file.name);
    const download = await review.download();
    names.push(download.suggestedFilename());
    exported = await review.downloadedBytes(download);
  }
  expect(names).toEqual([
    '022_pingtan_qu_2021.html.report.json',
    '022_pingtan_qu_2021.txt.report.json',
  ]);

  // The download is recognised as an export: it replaces its report in the queue, not parsed anew.
  if (!exported) throw new Error('no export downloaded');
  await review.pickFiles([
    { name: names[1] ?? '', mimeType: 'application/json', buffer: exported },
  ]);
  await expect(review.queueRow(txt.name)).toContainText(
    `已替换队列中的同一报告（导入自 ${names[1] ?? ''}）`,
  );
  await expect(review.queueRows()).toHaveCount(2);
});
