import type { FixtureFile } from './ReviewPage';
import { expect, fixtureFile, SEEDS, test } from './fixtures';

/**
 * A PDF of `pages` pages, each a ruled grid of 300 numbers: nothing unusual, only long — a
 * hundred pages keep a worker busy for seconds, long enough to cancel.
 */
function longPdf(name: string, pages: number): FixtureFile {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const pagesId = add('');
  const kids: number[] = [];
  for (let page = 0; page < pages; page++) {
    const ops = ['0.5 w'];
    for (let r = 0; r <= 30; r++) ops.push(`50 ${750 - r * 22} m 550 ${750 - r * 22} l S`);
    for (let c = 0; c <= 10; c++) ops.push(`${50 + c * 50} 750 m ${50 + c * 50} 90 l S`);
    ops.push('BT /F1 9 Tf');
    for (let r = 0; r < 30; r++) {
      for (let c = 0; c < 10; c++) {
        ops.push(`1 0 0 1 ${55 + c * 50} ${735 - r * 22} Tm (${(page * 7 + r * 3 + c) % 1000}) Tj`);
      }
    }
    ops.push('ET');
    const stream = `${ops.join('\n')}\n`;
    const content = add(`<< /Length ${stream.length} >>\nstream\n${stream}endstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] ` +
          `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[pagesId - 1] =
    `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${pages} >>`;
  const catalog = add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(pdf, 'latin1') };
}

test.describe('removing a report', () => {
  test('× on a row removes its report, selects the one beside it, and it stays gone after a reload', async ({
    review,
    page,
  }) => {
    await review.dropFiles([fixtureFile(SEEDS.yiyang), fixtureFile(SEEDS.dashiren)]);
    await review.expectStatus(SEEDS.yiyang, 'ready');
    await review.expectStatus(SEEDS.dashiren, 'ready');
    await review.selectReport(SEEDS.yiyang);

    // Nothing done to it: removed without a question (Ctrl+Z brings it back).
    await review.removeUntouched(SEEDS.yiyang);
    await expect(review.queueRows()).toHaveCount(1);
    await expect(review.header()).toContainText(SEEDS.dashiren);
    // The focus goes on to the report selected in its place.
    await expect(review.queueRowButton(SEEDS.dashiren)).toBeFocused();
    await review.expectSaved();

    await page.reload();
    await expect(review.queueRows()).toHaveCount(1);
    await expect(review.queueRow(SEEDS.dashiren)).toHaveAttribute('data-status', 'ready');
  });

  test('the keyboard reaches ×; a report worked on is asked about, the question can be declined, and the last report removed', async ({
    review,
    page,
  }) => {
    await review.openReport(fixtureFile(SEEDS.yiyang));
    await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
    const remove = review.queueRow(SEEDS.yiyang).getByRole('button', {
      name: `移除 ${SEEDS.yiyang}`,
    });
    await review.queueRowButton(SEEDS.yiyang).focus();
    await page.keyboard.press('Tab');
    await expect(remove).toBeFocused();
    await expect(remove).toHaveCSS('opacity', '1');

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '移除此报告？' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(SEEDS.yiyang);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(review.queueRows()).toHaveCount(1);

    await review.removeReport(SEEDS.yiyang);
    await expect(page.getByText('尚无文件')).toBeVisible();
    await expect(
      page.getByRole('heading', { name: '把政府信息公开工作年度报告拖到这里' }),
    ).toBeVisible();
  });
});

test.describe('cancelling a parse', () => {
  test('取消 on a file still parsing stops it: 已取消, among the errors; the file queued behind it is parsed', async ({
    review,
    page,
  }) => {
    const long = longPdf('long.pdf', 100);
    await review.dropFiles([long, fixtureFile(SEEDS.yiyang)]);
    await review.expectStatus(long.name, 'parsing');

    await review.cancelParse(long.name);
    await expect(review.queueRow(long.name)).toContainText('已取消');
    await expect(review.queueRow(long.name).getByRole('button', { name: /^取消解析/ })).toHaveCount(
      0,
    );
    await review.expectStatus(SEEDS.yiyang, 'ready');

    await review.queueRowButton(long.name).click();
    await expect(page.locator('.placeholder')).toContainText('已取消');

    await page.getByLabel('筛选').selectOption('error');
    await expect(review.queueRows()).toHaveCount(1);
    await expect(review.queueRow(long.name)).toBeVisible();
  });
});
