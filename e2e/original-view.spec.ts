import { coreFixture, expect, test } from './fixtures';

// The original beside the table (issue 9): a PDF's printed page, the selected cell outlined on it,
// a click on a number selecting its cell; kept over a reload; none for an imported report.
const PDF = coreFixture('corpus/001_hongze_qu_2023.pdf', 'application/pdf');

test.describe('the original page beside the table', () => {
  test('a PDF opens on its pages; the selected cell is outlined over its number, and a click on another number selects it', async ({
    review,
    page,
  }) => {
    await review.openReport(PDF);
    await expect(review.sourceTab('原文')).toHaveAttribute('aria-selected', 'true');
    await expect(review.pdfPages().first()).toBeVisible();

    await review.selectCell('requests', 'newReceived', 'total');
    const outline = review.selectedPageBox();
    await expect(outline).toBeVisible();
    await expect(outline).toHaveAccessibleName('单元格 21');
    // The outline lies on a page, over the drawn page (its canvas), in view.
    const box = await outline.boundingBox();
    const pageElement = outline.locator('xpath=ancestor::div[@data-page]');
    const pageBox = await pageElement.boundingBox();
    expect(box && pageBox).toBeTruthy();
    if (box && pageBox) {
      expect(box.x).toBeGreaterThanOrEqual(pageBox.x);
      expect(box.y).toBeGreaterThanOrEqual(pageBox.y);
      expect(box.x + box.width).toBeLessThanOrEqual(pageBox.x + pageBox.width);
      expect(box.y + box.height).toBeLessThanOrEqual(pageBox.y + pageBox.height);
    }
    await expect(pageElement.locator('canvas')).toBeVisible();
    await expect(outline).toBeInViewport();

    // Another value on the page: its cell is selected in the table.
    await review.selectCell('requests', 'carriedOver', 'total');
    const other = review.selectedPageBox();
    const span = await other.getAttribute('data-span');
    await review.selectCell('requests', 'newReceived', 'total');
    const [start, end] = (span ?? '').split('-').map(Number);
    await review.pageBox(start ?? 0, end ?? 0).click();
    await expect(review.cell('requests', 'carriedOver', 'total')).toHaveAttribute(
      'aria-selected',
      'true',
    );

    // The text stays a tab.
    await review.sourceTab('文本').click();
    await expect(review.sourceLines().first()).toBeVisible();
    await review.sourceTab('原文').click();

    // Kept over a reload.
    await review.expectSaved();
    await page.reload();
    await review.selectReport(PDF.name);
    await expect(review.sourceTab('原文')).toHaveAttribute('aria-selected', 'true');
    await expect(review.pdfPages().first().locator('canvas')).toBeVisible();
  });

  test('an imported .report.json has no original, and says so', async ({ review }) => {
    await review.openReport(PDF);
    const download = await review.downloadFromMenu('本报告 JSON');
    const json = await review.downloadedBytes(download);
    await review.clearWorkspace();
    await review.dropFiles([
      { name: '001_hongze_qu_2023.pdf.report.json', mimeType: 'application/json', buffer: json },
    ]);
    // Back under its source's name.
    await review.expectStatus(PDF.name, 'ready');
    await review.selectReport(PDF.name);
    await expect(review.sourceTab('原文')).toHaveAttribute('aria-selected', 'false');
    await review.sourceTab('原文').click();
    await expect(review.source()).toContainText('此报告没有原文');
  });
});
