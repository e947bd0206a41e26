import { expect, fixtureFile, SEEDS, test } from './fixtures';

// 001's 表三 starts:  一、新收  3 0 0 0 0 0 | 3   and   二、结转  0 0 0 0 0 0 | 0.
test.describe('editing cells like a spreadsheet', () => {
  test.beforeEach(async ({ review }) => {
    await review.dropFiles([fixtureFile(SEEDS.yiyang)]);
    await review.expectStatus(SEEDS.yiyang, 'ready');
    await review.selectReport(SEEDS.yiyang);
  });

  test('typing a value and Enter corrects the cell and keeps the original reading', async ({
    review,
    page,
  }) => {
    const cell = review.cell('requests', 'carriedOver', 'commercial');
    await review.openTable('requests');
    await expect(cell).toHaveText(/^\s*0\s*$/);
    await expect(cell).not.toHaveAttribute('data-corrected', 'true');
    await expect(review.header()).toContainText('未修改');

    await review.selectCell('requests', 'carriedOver', 'commercial');
    await page.keyboard.type('17');
    await expect(review.editor()).toHaveValue('17');
    await page.keyboard.press('Enter');

    await expect(review.editor()).toHaveCount(0);
    await expect(cell).toHaveAttribute('data-corrected', 'true');
    await expect(cell).toHaveText(/^\s*17\b/);
    // The parser's reading stays visible beside the correction.
    await expect(cell).toContainText(/原\s*[:：]\s*0/);
    await expect(review.header()).toContainText('已修改 1 处');
    // Enter moved the selection down, as in a spreadsheet.
    await expect(review.cell('requests', 'granted', 'commercial')).toHaveAttribute(
      'aria-selected',
      'true',
    );
    // Cells not edited stay as they were.
    await expect(review.cell('requests', 'carriedOver', 'naturalPerson')).not.toHaveAttribute(
      'data-corrected',
      'true',
    );
  });

  test('arrow keys and Tab move the selection', async ({ review, page }) => {
    await review.selectCell('requests', 'newReceived', 'naturalPerson');
    const selected = review.selectedCells();

    await page.keyboard.press('ArrowRight');
    await expect(selected).toHaveAttribute('data-cell', 'requests/newReceived/commercial');
    await page.keyboard.press('ArrowDown');
    await expect(selected).toHaveAttribute('data-cell', 'requests/carriedOver/commercial');
    await page.keyboard.press('ArrowLeft');
    await expect(selected).toHaveAttribute('data-cell', 'requests/carriedOver/naturalPerson');
    await page.keyboard.press('ArrowUp');
    await expect(selected).toHaveAttribute('data-cell', 'requests/newReceived/naturalPerson');

    await page.keyboard.press('Tab');
    await expect(selected).toHaveAttribute('data-cell', 'requests/newReceived/commercial');
    await page.keyboard.press('Tab');
    await expect(selected).toHaveAttribute('data-cell', 'requests/newReceived/research');
    await page.keyboard.press('Shift+Tab');
    await expect(selected).toHaveAttribute('data-cell', 'requests/newReceived/commercial');
    await expect(selected).toHaveCount(1);

    // Tab in the editor commits and moves right.
    await page.keyboard.type('5');
    await expect(review.editor()).toHaveValue('5');
    await page.keyboard.press('Tab');
    await expect(review.editor()).toHaveCount(0);
    await expect(review.cell('requests', 'newReceived', 'commercial')).toHaveAttribute(
      'data-corrected',
      'true',
    );
    await expect(selected).toHaveAttribute('data-cell', 'requests/newReceived/research');
  });

  test('Esc cancels an edit in progress', async ({ review, page }) => {
    const cell = await review.selectCell('requests', 'newReceived', 'naturalPerson');
    await page.keyboard.press('Enter');
    const editor = review.editor();
    await expect(editor).toBeVisible();
    await expect(editor).toHaveValue('3');
    await editor.fill('99');
    await page.keyboard.press('Escape');

    await expect(editor).toHaveCount(0);
    await expect(cell).toHaveText(/^\s*3\s*$/);
    await expect(cell).not.toHaveAttribute('data-corrected', 'true');
    await expect(cell).toHaveAttribute('aria-selected', 'true');
    await expect(review.header()).toContainText('未修改');

    // The grid still has the keyboard: the arrows go on working.
    await page.keyboard.press('ArrowRight');
    await expect(review.selectedCells()).toHaveAttribute(
      'data-cell',
      'requests/newReceived/commercial',
    );
  });

  test('an edit that breaks a sum marks the cells of the failing check, and undoing it clears them', async ({
    review,
  }) => {
    const total = review.cell('requests', 'newReceived', 'total');
    const natural = review.cell('requests', 'newReceived', 'naturalPerson');
    await review.openTable('requests');
    await expect(review.page.locator('[data-failing="true"]')).toHaveCount(0);
    await expect(total).not.toHaveAttribute('data-failing', 'true');

    // 自然人 3 → 4: C3 (the row's parts add up to its 总计) now fails, 4 ≠ 3.
    await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
    await expect(natural).toHaveText(/^\s*4\b/);
    await expect(total).toHaveAttribute('data-failing', 'true');
    await expect(natural).toHaveAttribute('data-failing', 'true');
    // A cell of another row, in no failing check, is not marked.
    await expect(review.cell('requests', 'carriedForward', 'research')).not.toHaveAttribute(
      'data-failing',
      'true',
    );
    await expect(review.header()).toContainText('校验未通过');

    // Back to 3: every check passes again.
    await review.editCell('requests', 'newReceived', 'naturalPerson', '3');
    await expect(natural).toHaveText(/^\s*3\b/);
    await expect(total).not.toHaveAttribute('data-failing', 'true');
    await expect(natural).not.toHaveAttribute('data-failing', 'true');
    await expect(review.page.locator('[data-failing="true"]')).toHaveCount(0);
  });
});
