import { coreFixture, expect, test } from './fixtures';

// The original beside the table for a saved web page and a Word file (issue 9): the report's tables
// as printed, spans kept, the selected cell's printed cell outlined and in view, a click on a
// printed number selecting its cell, a check's cells outlined; kept over a reload.
const FILES = [
  coreFixture('corpus/022_pingtan_qu_2021.html', 'text/html'),
  coreFixture(
    'variants/docx-libreoffice/022_pingtan_qu_2021.docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ),
];
const C3 = 'C3:requests:newReceived';

test.describe('the printed tables beside the grid', () => {
  for (const file of FILES) {
    test(`${file.name}: 原文 shows its tables; the selected cell is outlined there, and a click on a printed number selects its cell`, async ({
      review,
      page,
    }) => {
      await review.openReport(file);
      const source = review.source();
      await expect(review.sourceTab('原文')).toHaveAttribute('aria-selected', 'true');
      // 表二, 表三 and 表四, as tables with their merged cells.
      await expect(source.locator('table.printed-table')).toHaveCount(3);
      await expect(source.locator('td[rowspan="3"][colspan="3"]')).toContainText('勾稽关系');

      await review.selectCell('requests', 'newReceived', 'total');
      const selected = source.locator('.printed-cell.is-selected');
      await expect(selected).toHaveCount(1);
      await expect(selected).toHaveText('70');
      await expect(selected).toBeInViewport();
      // Printed in the row of its label, in the last column.
      await expect(selected.locator('xpath=..')).toContainText('一、本年新收政府信息公开申请数量');

      // Another number, found by its printed row: the last cell of 二、上年结转.
      const carried = source.locator('tr', { hasText: '二、上年结转政府信息公开申请数量' });
      await carried.locator('td').last().click();
      await expect(review.cell('requests', 'carriedOver', 'total')).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await expect(carried.locator('td').last()).toHaveClass(/is-selected/);

      // The text stays a tab.
      await review.sourceTab('文本').click();
      await expect(review.sourceLines().first()).toBeVisible();
      await review.sourceTab('原文').click();
      await expect(source.locator('table.printed-table')).toHaveCount(3);

      // Kept over a reload: the stored original is read again.
      await review.expectSaved();
      await page.reload();
      await review.selectReport(file.name);
      await expect(review.sourceTab('原文')).toHaveAttribute('aria-selected', 'true');
      await expect(source.locator('table.printed-table')).toHaveCount(3);
    });
  }

  test('a selected check outlines its cells in the printed table, the total as selected', async ({
    review,
  }) => {
    const [html] = FILES;
    if (!html) throw new Error('no HTML fixture');
    await review.openReport(html);
    await review.editCell('requests', 'newReceived', 'naturalPerson', '65');
    await review.openTab('问题');
    await review.checkItem(C3).locator('button.check').click();
    const source = review.source();
    // The six parts and the 总计, read from the row 一、本年新收.
    const outlined = source.locator('.printed-cell.is-outlined');
    await expect(outlined).toHaveCount(7);
    await expect(outlined).toHaveText(['64', '0', '0', '2', '0', '4', '70']);
    await expect(source.locator('.printed-cell.is-selected')).toHaveText('70');
  });
});
