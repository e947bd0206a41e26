import { readFileSync } from 'node:fs';
import { expect, fixtureFile, SEEDS, test } from './fixtures';

/** A page cut after 表三 row 6, with no 表四; its prose says 75 requests where 表三 says 74. */
const PARTIAL = 'partial_2023.txt';
/** The corpus README: not a report, though it quotes one glued 表三 row in backticks. */
const README = {
  name: 'README.md',
  mimeType: 'text/markdown',
  buffer: readFileSync(new URL('../src/core/fixtures/corpus/README.md', import.meta.url)),
};
const T1 = 'T1:requestsReceived';
const T1_TEXT = '正文 本机关共收到政府信息公开申请75件 ≠ 表三 本年新收 74';

test.describe('honest status', () => {
  test.beforeEach(async ({ review }) => {
    await review.dropFiles([fixtureFile(SEEDS.yiyang), README, fixtureFile(PARTIAL)]);
    await review.expectStatus(PARTIAL, 'ready');
    await review.expectStatus(SEEDS.yiyang, 'ready');
    // A file with no report data is an error row that says why.
    await review.expectStatus(README.name, 'error');
  });

  test('a partial page says what could not be checked, beside its failing count, in the header and the queue', async ({
    review,
  }, testInfo) => {
    await review.selectReport(PARTIAL);
    await expect(review.checkStatus()).toHaveText('⚠ 1 项校验未通过 · 7 项无法判断 · 表不完整');
    await expect(review.checkStatus()).toHaveClass(/is-bad/);
    await expect(review.queueBadges(PARTIAL)).toHaveText(['⚠ 1', '表不完整']);
    await review.page.screenshot({ path: testInfo.outputPath('partial.png') });
    await review.header().screenshot({ path: testInfo.outputPath('partial-header.png') });

    // Judging the failing check leaves the checks that could not run: still not all passed.
    await review.judge(T1, '原文错误');
    await expect(review.checkStatus()).toHaveText(
      '? 1 项校验未通过（已判定 1 项） · 7 项无法判断 · 表不完整',
    );
    await expect(review.checkStatus()).toHaveClass(/is-unsure/);
    await expect(review.queueBadges(PARTIAL)).toHaveText(['✓ 1', '表不完整']);
  });

  test('a README that only quotes a row is no report: no template, no checks, never all passed', async ({
    review,
  }, testInfo) => {
    await review.selectReport(README.name);
    await expect(review.header()).toContainText('未识别');
    await expect(review.checkStatus()).toHaveText('⚠ 没有年报数据');
    await expect(review.queueRow(README.name)).toContainText('不是年度报告');
    await expect(review.queueBadges(README.name)).toHaveCount(0);
    await review.openTab('问题');
    await expect(review.tabPanel()).toContainText('没有可运行的校验');
    await expect(review.tabPanel()).toContainText('no-report-data');
    await review.page.screenshot({ path: testInfo.outputPath('readme.png') });

    // A whole report whose checks all ran and passed is the only one that says so.
    await review.selectReport(SEEDS.yiyang);
    await expect(review.checkStatus()).toHaveText('✓ 校验全部通过');
    await expect(review.queueBadges(SEEDS.yiyang)).toHaveCount(0);
  });

  test('T1 shows the prose figure with its words, in the check list and the check bar', async ({
    review,
  }, testInfo) => {
    await review.selectReport(PARTIAL);
    await review.openTab('问题');
    await expect(review.checkItem(T1)).toContainText(T1_TEXT);
    await expect(review.checkItem(T1)).toContainText('正文 · 表三');
    // The checks that could not run are listed apart from the failing one, and say why.
    await expect(review.tabPanel()).toContainText('7 项无法判断');
    await expect(review.checkItem('C1:requests:total')).toHaveAttribute('data-status', 'uncertain');
    await review.page.screenshot({ path: testInfo.outputPath('checks.png') });

    await review.checkItem(T1).getByRole('button').first().click();
    await expect(review.checkBar()).toHaveAttribute('data-check', T1);
    await expect(review.checkBar()).toContainText(T1_TEXT);
    await expect(review.cell('requests', 'newReceived', 'total')).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  test('需复核优先 puts failing checks first, then reports that could not all be checked, then clean ones', async ({
    review,
  }) => {
    const cut = { ...fixtureFile(PARTIAL), name: 'cut_no_failure.txt' };
    cut.buffer = Buffer.from(cut.buffer.toString('utf8').replace('申请75件', '申请74件'));
    await review.dropFiles([cut]);
    await review.expectStatus(cut.name, 'ready');
    await expect(review.queueBadges(cut.name)).toHaveText(['表不完整']);
    await expect(review.queueRows()).toHaveText([
      new RegExp(PARTIAL),
      new RegExp(cut.name),
      new RegExp(SEEDS.yiyang),
      /README\.md/,
    ]);
  });
});
