import { expect, fixtureFile, SEEDS, test } from './fixtures';

// 001's 表三: 一、新收 3 0 0 0 0 0 | 3; 二、结转 and （一）予以公开 all 0; （四）1.不掌握 3 0 0 0 0 0 | 3.
test.describe('spreadsheet keys in the grid', () => {
  test.beforeEach(async ({ review }) => {
    await review.openReport(fixtureFile(SEEDS.yiyang));
  });

  test('a block pasted from Excel lands from the selected cell, clipped, as one undo step', async ({
    review,
    page,
  }) => {
    await review.selectCell('requests', 'carriedOver', 'legal');
    // As Excel copies it: CRLF, a last line break, a field quoted because it holds a tab.
    await review.pasteIntoGrid('7\t8\t9\r\n"a\tb"\t11\t12\r\n');

    await expect(review.cell('requests', 'carriedOver', 'legal')).toHaveText(/^\s*7\b/);
    await expect(review.cell('requests', 'carriedOver', 'otherOrg')).toHaveText(/^\s*8\b/);
    await expect(review.cell('requests', 'carriedOver', 'total')).toHaveText(/^\s*9\b/);
    // Words in a count cell are flagged where they stand.
    const words = review.cell('requests', 'granted', 'legal');
    await expect(words).toHaveAttribute('data-not-number', 'true');
    await expect(words).toContainText('非数字');
    await expect(review.cell('requests', 'granted', 'total')).toHaveText(/^\s*12\b/);
    // The block stays selected: two rows of three.
    await expect(review.rangeCells()).toHaveCount(6);
    await expect(review.header()).toContainText('已修改 6 处');

    await page.keyboard.press('Control+z');
    await expect(review.header()).toContainText('未修改');
    await expect(page.locator('[data-corrected="true"]')).toHaveCount(0);
  });

  test('a 3×2 block copied as TSV pastes elsewhere, and one undo reverts the paste', async ({
    review,
    page,
  }) => {
    await review.selectCell('requests', 'carriedOver', 'legal');
    await review.pasteIntoGrid('7\t8\t9\n4\t5\t6');
    await expect(review.header()).toContainText('已修改 6 处');

    await review.selectCell('requests', 'carriedOver', 'legal');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(review.rangeCells()).toHaveCount(6);
    expect(await review.copyFromGrid()).toBe('7\t8\t9\r\n4\t5\t6');

    // Shift+click spans a range too; a plain click then selects one cell again.
    await review.cell('requests', 'granted', 'total').click({ modifiers: ['Shift'] });
    await expect(review.rangeCells()).toHaveCount(6);
    await review.cell('requests', 'newReceived', 'naturalPerson').click();
    await expect(review.rangeCells()).toHaveCount(1);

    await review.pasteIntoGrid('7\t8\t9\r\n4\t5\t6\r\n');
    await expect(review.cell('requests', 'newReceived', 'research')).toHaveText(/^\s*9\b/);
    await expect(review.cell('requests', 'carriedOver', 'naturalPerson')).toHaveText(/^\s*4\b/);
    await expect(review.header()).toContainText('已修改 12 处');

    await page.keyboard.press('Control+z');
    await expect(review.cell('requests', 'newReceived', 'naturalPerson')).toHaveText(/^\s*3\s*$/);
    await expect(review.cell('requests', 'carriedOver', 'research')).toHaveText(/^\s*0\s*$/);
    await expect(review.cell('requests', 'carriedOver', 'legal')).toHaveText(/^\s*7\b/);
    await expect(review.header()).toContainText('已修改 6 处');
  });

  test('a paste at the right edge is cut off there', async ({ review }) => {
    await review.selectCell('requests', 'newReceived', 'total');
    await review.pasteIntoGrid('5\t6\t7');
    await expect(review.cell('requests', 'newReceived', 'total')).toHaveText(/^\s*5\b/);
    await expect(review.header()).toContainText('已修改 1 处');
  });

  test('Delete clears the selected cell without opening an editor; Backspace a range', async ({
    review,
    page,
  }) => {
    const cell = await review.selectCell('requests', 'newReceived', 'naturalPerson');
    await page.keyboard.press('Delete');
    await expect(review.editor()).toHaveCount(0);
    await expect(cell).toHaveClass(/kind-blank/);
    await expect(cell).toHaveAttribute('data-corrected', 'true');
    await expect(review.header()).toContainText('已修改 1 处');

    await review.selectCell('requests', 'unable.noInfo', 'naturalPerson');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Backspace');
    await expect(review.editor()).toHaveCount(0);
    await expect(review.cell('requests', 'unable.noInfo', 'total')).toHaveClass(/kind-blank/);
    // Cells that were 0 are blank now too: blank is not 0.
    await expect(review.header()).toContainText('已修改 8 处');
  });

  test('Home and End go along the row, Ctrl+Home and Ctrl+End to the table’s corners', async ({
    review,
    page,
  }) => {
    await review.selectCell('requests', 'carriedOver', 'research');
    const selected = review.selectedCells();
    await page.keyboard.press('End');
    await expect(selected).toHaveAttribute('data-cell', 'requests/carriedOver/total');
    await page.keyboard.press('Home');
    await expect(selected).toHaveAttribute('data-cell', 'requests/carriedOver/naturalPerson');
    await page.keyboard.press('Control+End');
    await expect(selected).toHaveAttribute('data-cell', 'requests/carriedForward/total');
    await page.keyboard.press('Control+Home');
    await expect(selected).toHaveAttribute('data-cell', 'requests/newReceived/naturalPerson');
  });

  test('an IME composition on a selected cell edits it, full-width digits read as a number', async ({
    review,
    page,
  }) => {
    const cell = await review.selectCell('requests', 'newReceived', 'naturalPerson');
    await review.compose('１２');
    await expect(review.editor()).toHaveValue('１２');
    await page.keyboard.press('Enter');
    await expect(review.editor()).toHaveCount(0);
    await expect(cell).toHaveAttribute('data-corrected', 'true');
    await expect(cell).not.toHaveAttribute('data-not-number', 'true');
    // 12 is a number: C3 (自然人 … = 总计 3) now fails instead of being unable to run.
    await expect(review.checkStatus()).toContainText(/\d+ 项校验未通过/);
    await expect(review.checkStatus()).not.toContainText('无法判断');
  });

  test('an edit back to the parser’s reading clears the mark and the counter', async ({
    review,
  }) => {
    const cell = await review.editCell('requests', 'carriedOver', 'commercial', '17');
    await expect(cell).toContainText(/原\s*[:：]\s*0/);
    await expect(review.header()).toContainText('已修改 1 处');
    await review.editCell('requests', 'carriedOver', 'commercial', '5');
    await expect(review.header()).toContainText('已修改 1 处');

    await review.editCell('requests', 'carriedOver', 'commercial', '0');
    await expect(cell).not.toHaveAttribute('data-corrected', 'true');
    await expect(cell).not.toContainText('原');
    await expect(review.header()).toContainText('未修改');

    await review.editCell('requests', 'carriedOver', 'commercial', 'abc');
    await expect(cell).toHaveAttribute('data-not-number', 'true');
    await expect(review.header()).toContainText('已修改 1 处');
  });

  test('at 1024 px the arrows reach 总计 with the row labels and the header still in view', async ({
    review,
    page,
  }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await review.selectCell('requests', 'denied.thirdPartyRights', 'naturalPerson');
    const total = review.cell('requests', 'denied.thirdPartyRights', 'total');
    for (let step = 0; step < 6; step++) await page.keyboard.press('ArrowRight');
    await expect(total).toHaveAttribute('aria-selected', 'true');
    await expect(total).toBeInViewport({ ratio: 1 });

    const label = review.grid().locator('tr', { has: total }).locator('th.row-label');
    await expect(label).toBeInViewport();
    const labelBox = await label.boundingBox();
    const totalBox = await total.boundingBox();
    expect(labelBox && totalBox && labelBox.x + labelBox.width <= totalBox.x + 1).toBe(true);
    await expect(review.grid().getByRole('columnheader', { name: '总计' })).toBeInViewport();

    // Down to the last row: the selected cell is not hidden under the header.
    await page.keyboard.press('Control+End');
    const last = review.cell('requests', 'carriedForward', 'total');
    // Short of 1 only by the sub-pixel edge of a box laid out at fractional offsets.
    await expect(last).toBeInViewport({ ratio: 0.95 });
    await page.keyboard.press('Control+Home');
    const first = review.cell('requests', 'newReceived', 'naturalPerson');
    const header = review.grid().locator('thead');
    await expect(first).toBeInViewport({ ratio: 1 });
    const firstBox = await first.boundingBox();
    const headerBox = await header.boundingBox();
    expect(firstBox && headerBox && firstBox.y >= headerBox.y + headerBox.height - 1).toBe(true);
  });

  test('the panes resize from the keyboard, collapse, and keep their split after a reload', async ({
    review,
    page,
  }) => {
    const separator = review.paneSeparator();
    await expect(separator).toHaveAttribute('aria-valuenow', '40');
    await separator.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(separator).toHaveAttribute('aria-valuenow', '50');

    await page.getByRole('button', { name: '收起原文' }).click();
    await expect(review.source()).toBeHidden();
    await expect(review.grid()).toBeVisible();

    await page.reload();
    await review.selectReport(SEEDS.yiyang);
    await expect(review.source()).toBeHidden();
    await page.getByRole('button', { name: '展开原文' }).click();
    await expect(review.source()).toBeVisible();
    await expect(review.paneSeparator()).toHaveAttribute('aria-valuenow', '50');

    // Dragged with the pointer, it follows it.
    const box = await review.paneSeparator().boundingBox();
    if (!box) throw new Error('no separator');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x - 200, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect(review.paneSeparator()).not.toHaveAttribute('aria-valuenow', '50');
  });
});
