import { expect, fixtureFile, fixtureText, numberSpanAfter, SEEDS, test } from './fixtures';

// In the seed, the row 一、本年新收政府信息公开申请数量 is followed by its seven numbers:
// 自然人 3, five 0s, 总计 3. The spans are worked out from the file, not taken from the parser.
const TEXT = fixtureText(SEEDS.yiyang);
const NEW_RECEIVED = '一、本年新收政府信息公开申请数量';
const [naturalStart, naturalEnd] = numberSpanAfter(TEXT, NEW_RECEIVED, 0);
const [totalStart, totalEnd] = numberSpanAfter(TEXT, NEW_RECEIVED, 6);

test.describe('cells and their source', () => {
  test.beforeEach(async ({ review }) => {
    await review.dropFiles([fixtureFile(SEEDS.yiyang)]);
    await review.expectStatus(SEEDS.yiyang, 'ready');
    await review.selectReport(SEEDS.yiyang);
  });

  test('clicking a cell scrolls the source to its span and highlights it', async ({ review }) => {
    const mark = review.sourceSpan(totalStart, totalEnd);
    await expect(mark).toHaveCount(1);
    await expect(mark).toHaveText('3');
    await expect(review.selectedSourceMarks()).toHaveCount(0);

    // Scroll the source away from the mark first, so that showing it is the click's doing.
    await review.scrollSourceToEnd();
    await expect(mark).not.toBeInViewport();

    await review.selectCell('requests', 'newReceived', 'total');

    await expect(mark).toHaveClass(/\bis-selected\b/);
    await expect(mark).toBeInViewport();
    await expect(review.selectedSourceMarks()).toHaveCount(1);
    await expect(review.selectedSourceMarks()).toHaveText('3');

    // Another cell moves the highlight.
    await review.cell('requests', 'newReceived', 'naturalPerson').click();
    await expect(review.sourceSpan(naturalStart, naturalEnd)).toHaveClass(/\bis-selected\b/);
    await expect(mark).not.toHaveClass(/\bis-selected\b/);
    await expect(review.selectedSourceMarks()).toHaveCount(1);
  });

  test('clicking a number in the source selects its cell, on its tab', async ({ review }) => {
    // The report opens on 表二; the number belongs to 表三.
    await expect(review.tab('表三')).toHaveAttribute('aria-selected', 'false');
    await expect(review.selectedCells()).toHaveCount(0);

    const mark = review.sourceSpan(naturalStart, naturalEnd);
    await mark.scrollIntoViewIfNeeded();
    await mark.click();

    await expect(review.tab('表三')).toHaveAttribute('aria-selected', 'true');
    const cell = review.cell('requests', 'newReceived', 'naturalPerson');
    await expect(cell).toHaveAttribute('aria-selected', 'true');
    await expect(cell).toBeInViewport();
    await expect(review.selectedCells()).toHaveCount(1);
    await expect(mark).toHaveClass(/\bis-selected\b/);

    // And the 总计 of the same row selects that cell instead.
    await review.sourceSpan(totalStart, totalEnd).click();
    await expect(review.cell('requests', 'newReceived', 'total')).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(cell).toHaveAttribute('aria-selected', 'false');
  });
});
