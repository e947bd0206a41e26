import { expect, fixtureFile, SEEDS, test } from './fixtures';

// 001's 表三 row 一 reads 3 0 0 0 0 0 | 3: every check passes. 自然人 3 → 4 makes C3 of that row
// (its parts against its 总计) and C1 of the 自然人 column fail.
const C3 = 'C3:requests:newReceived';
const C1 = 'C1:requests:naturalPerson';

test.describe('the review workflow', () => {
  test.beforeEach(async ({ review }) => {
    await review.openReport(fixtureFile(SEEDS.yiyang));
  });

  test('an edit turns a check from pass to fail and back; Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo', async ({
    review,
    page,
  }) => {
    const natural = review.cell('requests', 'newReceived', 'naturalPerson');
    const total = review.cell('requests', 'newReceived', 'total');
    await review.openTab('问题');
    await expect(review.checkItem(C3)).toHaveAttribute('data-status', 'pass');
    await expect(review.reviewStatus()).toHaveText('未复核');

    await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
    await expect(total).toHaveAttribute('data-failing', 'true');
    await review.openTab('问题');
    await expect(review.checkItem(C3)).toHaveAttribute('data-status', 'fail');
    await expect(review.checkItem(C3)).toContainText('= 4 ≠ 总计 = 3');
    await expect(review.reviewStatus()).toHaveText('复核中');

    // Typed back to the parser's reading: the cell is as parsed again (R16.2), two steps to undo.
    await review.editCell('requests', 'newReceived', 'naturalPerson', '3');
    await expect(total).not.toHaveAttribute('data-failing', 'true');
    await expect(natural).not.toHaveAttribute('data-corrected', 'true');
    await expect(review.header()).toContainText('未修改');

    // The grid has the focus after an edit: the keys reach the page's undo, not a text box.
    await page.keyboard.press('Control+z');
    await expect(natural).toHaveText(/^\s*4\b/);
    await expect(total).toHaveAttribute('data-failing', 'true');
    await expect(review.header()).toContainText('已修改 1 处');
    await page.keyboard.press('Control+z');
    await expect(natural).toHaveText(/^\s*3\s*$/);
    await expect(natural).not.toHaveAttribute('data-corrected', 'true');
    await expect(review.header()).toContainText('未修改');
    // Undone to the report as parsed: the review had not started.
    await expect(review.reviewStatus()).toHaveText('未复核');

    await page.keyboard.press('Control+Shift+Z');
    await expect(natural).toHaveText(/^\s*4\b/);
    await expect(total).toHaveAttribute('data-failing', 'true');
    await page.keyboard.press('Control+y');
    await expect(natural).toHaveText(/^\s*3\b/);
    await expect(total).not.toHaveAttribute('data-failing', 'true');
    await expect(review.header()).toContainText('未修改');

    // The buttons do the same.
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(natural).toHaveText(/^\s*4\b/);
    await page.getByRole('button', { name: '重做' }).click();
    await expect(natural).toHaveText(/^\s*3\b/);
    await expect(page.getByRole('button', { name: '重做' })).toBeDisabled();
  });

  test('undo in another report selects that report and the cell', async ({ review, page }) => {
    await review.dropFiles([fixtureFile(SEEDS.dashiren)]);
    await review.expectStatus(SEEDS.dashiren, 'ready');
    // The dropped report opened once ready; the edit is made in the first one.
    await expect(review.header()).toContainText(SEEDS.dashiren);
    await review.selectReport(SEEDS.yiyang);
    await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
    await review.selectReport(SEEDS.dashiren);
    await page.keyboard.press('Control+z');
    await expect(review.header()).toContainText(SEEDS.yiyang);
    const natural = review.cell('requests', 'newReceived', 'naturalPerson');
    await expect(natural).toHaveAttribute('aria-selected', 'true');
    await expect(natural).toHaveText(/^\s*3\s*$/);
  });

  test('clicking a check selects its cells in the table and highlights their places in the source', async ({
    review,
  }) => {
    await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
    await review.openTab('问题');
    await review.checkItem(C3).locator('button.check').click();

    await expect(review.tab('表三')).toHaveAttribute('aria-selected', 'true');
    // Seven cells: the six parts and the 总计, which is the selected one.
    await expect(review.page.locator('[data-cell].is-outlined')).toHaveCount(7);
    await expect(review.cell('requests', 'newReceived', 'total')).toHaveAttribute(
      'aria-selected',
      'true',
    );
    // In the source: the 总计 as the selected place, all seven as the check's.
    await expect(review.selectedSourceMarks()).toHaveText('3');
    await expect(review.source().locator('mark.is-outlined')).toHaveCount(7);
    await expect(review.checkBar()).toContainText('C3');
    await expect(review.checkBar()).toContainText('≠');
  });

  test('a verdict with a comment; N goes to the next problem; 标记为已复核 and the queue filter', async ({
    review,
    page,
  }) => {
    await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
    const row = review.queueRow(SEEDS.yiyang);
    await expect(row.locator('.badge')).toHaveText('⚠ 2');

    await review.judge(C3, '原文错误', '原表的总计少了 1');
    await expect(review.checkItem(C3)).toHaveAttribute('data-verdict', 'source-error');
    await expect(review.verdictButton(C3, '原文错误')).toHaveAttribute('aria-pressed', 'true');
    await expect(row.locator('.badge')).toHaveText('⚠ 1');
    await expect(review.header()).toContainText('已判定 1 项');

    // N: the one failing check left without a verdict, shown in its table with the check bar.
    await page.locator('body').press('n');
    await expect(review.checkBar()).toHaveAttribute('data-check', C1);
    await expect(review.tab('表三')).toHaveAttribute('aria-selected', 'true');
    await review.checkBar().getByRole('button', { name: '解析错误', exact: true }).click();
    await expect(row.locator('.badge')).toHaveText('✓ 2');
    await page.locator('body').press('n');
    await expect(page.getByText('没有尚未判定的未通过校验')).toBeVisible();

    // The verdict is undone like an edit.
    await page.keyboard.press('Control+z');
    await expect(row.locator('.badge')).toHaveText('⚠ 1');

    await review.header().getByRole('button', { name: '标记为已复核' }).click();
    await expect(review.reviewStatus()).toHaveText('已复核');
    await expect(row).toHaveAttribute('data-review', 'reviewed');
    const filter = page.getByRole('combobox', { name: '筛选' });
    await filter.selectOption({ label: '已复核' });
    await expect(review.queueRows()).toHaveCount(1);
    // Reviewed, but with a failing check not judged: still to be reviewed as well.
    await filter.selectOption({ label: '待复核' });
    await expect(review.queueRows()).toHaveCount(1);
    await filter.selectOption({ label: '错误' });
    await expect(review.queueRows()).toHaveCount(0);
    await expect(page.getByText('没有符合筛选条件的报告。')).toBeVisible();
    await filter.selectOption({ label: '全部' });
    await review.header().getByRole('button', { name: '取消已复核' }).click();
    await expect(review.reviewStatus()).toHaveText('复核中');
  });

  test('J and K go through the queue as sorted; ? shows the keys', async ({ review, page }) => {
    await review.dropFiles([fixtureFile(SEEDS.dashiren), fixtureFile(SEEDS.prose)]);
    await review.expectStatus(SEEDS.prose, 'ready');
    await page.getByRole('combobox', { name: '排序' }).selectOption({ label: '文件名' });
    await expect(review.queueRows().first()).toContainText(SEEDS.prose);

    await review.selectReport(SEEDS.prose);
    await page.locator('body').press('j');
    await expect(review.header()).toContainText(SEEDS.yiyang);
    await page.locator('body').press('j');
    await expect(review.header()).toContainText(SEEDS.dashiren);
    await page.locator('body').press('k');
    await expect(review.header()).toContainText(SEEDS.yiyang);
    await page.locator('body').press('Alt+ArrowUp');
    await expect(review.header()).toContainText(SEEDS.prose);

    await page.locator('body').press('?');
    const help = page.getByRole('dialog', { name: '快捷键' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('下一个问题');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });
});
