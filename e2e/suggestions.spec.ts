import { expect, test } from './fixtures';

// 表三 row 一 printed 1 | 20 | 0 | 0 | 0 | 3 | 15: its parts add up to 24, not 15. Read 12 | 0, the
// 2 of 自然人 having slipped into 商业企业, they do; the core suggests that reading. 表四's printed
// row of 15 has a 1 slipped from 行政复议's 总计 (3) into the next group's 结果维持 (12).
const SLIPPED = [
  '某县人民政府办公室2023年政府信息公开工作年度报告',
  '三、收到和处理政府信息公开申请情况',
  '本年制发件数 |',
  '一、本年新收政府信息公开申请数量 | 1 | 20 | 0 | 0 | 0 | 3 | 15 | ||',
  '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议 | 行政诉讼',
  '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉',
  '1 | 0 | 2 | 0 | 31 | 2 | 0 | 0 | 0 | 12 | 0 | 0 | 0 | 0 | 0',
].join('\n');
const NAME = '粘贴文本-1.txt';
const C3 = 'C3:requests:newReceived';
const LINE = '建议：自然人 1→12，商业企业 20→0（可使 C3 校验通过）';
const C4 = 'C4:appeals:review';
// Its cells are in two printed rows: each is named by its row and column.
const APPEALS_LINE =
  '建议：行政复议 总计 31→3，行政诉讼·未经复议直接起诉 结果维持 2→12（可使 C4 等 2 项校验通过）';

test.describe('suggestions for split and joined digits', () => {
  test.beforeEach(async ({ review }) => {
    await review.pasteText(SLIPPED);
    await review.expectStatus(NAME, 'ready');
    await expect(review.header()).toContainText('2 条修正建议');
  });

  test('a suggestion selects its cells; 采纳 corrects them and the check passes; Ctrl+Z brings the old values back', async ({
    review,
    page,
  }) => {
    const natural = review.cell('requests', 'newReceived', 'naturalPerson');
    const commercial = review.cell('requests', 'newReceived', 'commercial');
    await review.openTab('问题');
    const suggestion = review.suggestionsOf(C3);
    await expect(review.checkItem(C3)).toHaveAttribute('data-status', 'fail');
    await expect(suggestion).toHaveCount(1);
    await expect(suggestion).toContainText(LINE);
    await expect(review.suggestionsOf(C4)).toContainText(APPEALS_LINE);

    // The line selects the two cells it would change, in the table and in the source.
    await suggestion.getByRole('button', { name: LINE }).click();
    await expect(review.tab('表三')).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('[data-cell].is-outlined')).toHaveCount(2);
    await expect(natural).toHaveClass(/is-outlined/);
    await expect(commercial).toHaveClass(/is-outlined/);
    await expect(natural).toHaveAttribute('aria-selected', 'true');
    await expect(review.source().locator('mark.is-outlined')).toHaveCount(2);
    await expect(review.selectedSourceMarks()).toHaveText('1');

    // The check bar offers it too.
    const bar = review.checkBar();
    await expect(bar).toHaveAttribute('data-check', C3);
    await expect(bar.locator('[data-suggestion]')).toContainText(LINE);
    await bar.getByRole('button', { name: '采纳', exact: true }).click();

    await expect(natural).toHaveText(/^\s*12\b/);
    await expect(commercial).toHaveText(/^\s*0\b/);
    await expect(natural).toHaveAttribute('data-corrected', 'true');
    await expect(commercial).toHaveAttribute('data-corrected', 'true');
    await expect(bar).toHaveClass(/status-pass/);
    await expect(bar.locator('[data-suggestion]')).toHaveCount(0);
    await expect(review.header()).toContainText('已修改 2 处');
    await expect(review.header()).toContainText('1 条修正建议');
    await expect(review.reviewStatus()).toHaveText('复核中');
    await review.openTab('问题');
    await expect(review.checkItem(C3)).toHaveAttribute('data-status', 'pass');
    await expect(review.suggestions()).toHaveCount(1);

    // One undo step: both cells as printed, the check failing, the suggestion back.
    await page.keyboard.press('Control+z');
    await expect(review.checkItem(C3)).toHaveAttribute('data-status', 'fail');
    await expect(review.suggestionsOf(C3)).toContainText(LINE);
    await expect(review.header()).toContainText('未修改');
    await expect(review.reviewStatus()).toHaveText('未复核');
    await review.openTable('requests');
    await expect(natural).toHaveText(/^\s*1\s*$/);
    await expect(commercial).toHaveText(/^\s*20\s*$/);
    await expect(natural).not.toHaveAttribute('data-corrected', 'true');
    await expect(commercial).not.toHaveAttribute('data-corrected', 'true');
  });

  test('不采纳 hides the suggestion, the export keeps it turned down, and Ctrl+Z brings it back', async ({
    review,
    page,
  }) => {
    await review.openTab('问题');
    const suggestion = review.suggestionsOf(C3);
    await suggestion.getByRole('button', { name: '不采纳', exact: true }).click();
    await expect(suggestion).toHaveCount(0);
    await expect(review.suggestionsOf(C4)).toHaveCount(1);
    await expect(review.checkItem(C3)).toHaveAttribute('data-status', 'fail');
    await expect(review.header()).toContainText('1 条修正建议');
    await expect(review.reviewStatus()).toHaveText('复核中');

    const { json } = await review.downloadJson();
    expect(json).toMatchObject({
      review: { status: 'in-progress', rejectedSuggestions: [expect.stringContaining(C3)] },
      edits: [],
    });

    await page.keyboard.press('Control+z');
    await expect(suggestion).toContainText(LINE);
    await expect(review.header()).toContainText('2 条修正建议');
    await expect(review.reviewStatus()).toHaveText('未复核');
  });

  test('a suggestion turned down stays so after a reload; one taken stays taken', async ({
    review,
    page,
  }) => {
    await review.openTab('问题');
    await review.suggestionsOf(C4).getByRole('button', { name: '采纳', exact: true }).click();
    await review.suggestionsOf(C3).getByRole('button', { name: '不采纳', exact: true }).click();
    await expect(review.suggestions()).toHaveCount(0);
    await review.expectSaved();

    await page.reload();
    await expect(review.header()).toContainText(NAME);
    await expect(review.header()).toContainText('已修改 2 处');
    await expect(review.header()).not.toContainText('修正建议');
    await review.openTab('问题');
    await expect(review.checkItem(C3)).toHaveAttribute('data-status', 'fail');
    await expect(review.checkItem(C4)).toHaveAttribute('data-status', 'pass');
    await expect(review.suggestions()).toHaveCount(0);
  });
});
