import { coreFixture, expect, test } from './fixtures';

const EARLIER = '001_hongze_qu_2023.pdf';
const LATER = '002_hongze_qu_2024.pdf';

test("跨年度校验 pairs one agency's 2023 and 2024 reports and goes to the other report's cell", async ({
  review,
}) => {
  await review.dropFiles([
    coreFixture(`corpus/${EARLIER}`, 'application/pdf'),
    coreFixture(`corpus/${LATER}`, 'application/pdf'),
  ]);
  await review.expectStatus(EARLIER, 'ready');
  await review.expectStatus(LATER, 'ready');
  await review.selectReport(LATER);
  await review.openTab('问题');

  // 洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024): one agency, nine checks, all passing.
  const section = review.yearChecks();
  await expect(section.locator('li[data-year-check]')).toHaveCount(9);
  await expect(section.locator('li[data-status="pass"]')).toHaveCount(9);
  // Passed ones are folded away, as the report's own passed checks are.
  await section.getByText('9 项通过').click();
  const carried = review.yearCheck('Y1:requests:total', EARLIER);
  await expect(carried).toContainText(`对照 ${EARLIER}（2023 年）`);
  await expect(carried).toContainText('应为 0，实为 0');

  const valid = review.yearCheck('Y2:active:normativeDocuments', EARLIER);
  await expect(valid).toContainText('应为 8，实为 8');
  await review.yearCheckCell(valid, EARLIER, '现行有效件数').click();

  // The other report is opened on its 表二, with last year's 现行有效件数 selected.
  await expect(review.header()).toContainText(EARLIER);
  await expect(review.tab('表二')).toHaveAttribute('aria-selected', 'true');
  await expect(review.selectedCells()).toHaveCount(1);
  await expect(review.cell('active', 'normativeDocuments', 'valid')).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // A correction there shows at once from the other side: 6 + 3 − 0 is not 8.
  await review.editCell('active', 'normativeDocuments', 'valid', '6');
  await review.openTab('问题');
  const fromEarlier = review.yearCheck('Y2:active:normativeDocuments', LATER);
  await expect(fromEarlier).toHaveAttribute('data-status', 'fail');
  await expect(fromEarlier).toContainText('不一致');
  await expect(fromEarlier).toContainText('应为 9，实为 8');

  // And back: the link to this year's cell opens the later report on it.
  await review.yearCheckCell(fromEarlier, LATER, '现行有效件数').click();
  await expect(review.header()).toContainText(LATER);
  await expect(review.cell('active', 'normativeDocuments', 'valid')).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

test('a report with no other year of its agency in the queue says so', async ({ review }) => {
  await review.openReport(coreFixture(`corpus/${LATER}`, 'application/pdf'));
  await review.openTab('问题');
  await expect(review.yearChecks()).toContainText('队列中没有同一机关上一年或下一年的报告');
});
