import { expect, fixtureFile, fixturePath, fixtureText, SEEDS, test } from './fixtures';

test.describe('getting reports in', () => {
  test('two seeds dropped at once both parse; each shows its header, tables and issues', async ({
    review,
  }) => {
    await review.dropFiles([fixtureFile(SEEDS.yiyang), fixtureFile(SEEDS.dashiren)]);

    await expect(review.queueRows()).toHaveCount(2);
    await review.expectStatus(SEEDS.yiyang, 'ready');
    await review.expectStatus(SEEDS.dashiren, 'ready');

    // 001: the 2021 layout.
    await review.selectReport(SEEDS.yiyang);
    const header = review.header();
    await expect(header).toContainText('益阳市行政审批服务局');
    await expect(header).toContainText('2022');
    await expect(header).toContainText('2021版');
    await expect(header).not.toContainText('2019版');

    await review.openTable('requests');
    await expect(review.grid()).toBeVisible();
    await expect(review.cell('requests', 'newReceived', 'total')).toHaveText(/^\s*3\s*$/);
    await expect(review.cell('requests', 'newReceived', 'total')).toHaveAttribute(
      'role',
      'gridcell',
    );
    await expect(review.cell('requests', 'newReceived', 'total')).toHaveAttribute(
      'data-confidence',
      /^(high|low)$/,
    );
    // The printed layout: grouped column headers over the seven columns.
    await expect(review.grid().getByRole('columnheader', { name: '申请人情况' })).toBeVisible();
    await expect(review.grid().getByRole('columnheader', { name: '法人或其他组织' })).toBeVisible();
    await expect(review.grid().getByRole('columnheader', { name: '自然人' })).toBeVisible();

    await review.openTable('appeals');
    await expect(review.grid().getByRole('columnheader', { name: '行政复议' })).toBeVisible();
    await expect(review.grid().getByRole('columnheader', { name: '行政诉讼' })).toBeVisible();
    await expect(review.cell('appeals', 'review', 'total')).toBeVisible();
    await expect(review.cell('appeals', 'litigationAfterReview', 'total')).toBeVisible();

    // 003: the 2019 layout, and its text is in the file twice.
    await review.selectReport(SEEDS.dashiren);
    await expect(header).toContainText('江源区大石人镇人民政府');
    await expect(header).toContainText('2020');
    await expect(header).toContainText('2019版');
    await review.openTab('问题');
    const notice = review.tabPanel().getByRole('listitem').filter({ hasText: 'duplicate-content' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(/重复/);
    // The other report's cells are gone from the screen.
    await review.openTable('requests');
    await expect(review.cell('requests', 'newReceived', 'total')).toHaveText(/^\s*0\s*$/);
  });

  test('the file picker reads a prose-only report and lists its figures (文中数字)', async ({
    review,
  }) => {
    await expect(review.fileInput()).toHaveAttribute('type', 'file');
    await review.pickFiles([fixturePath(SEEDS.prose)]);

    await review.expectStatus(SEEDS.prose, 'ready');
    await review.selectReport(SEEDS.prose);
    await expect(review.header()).toContainText('青云谱区行政审批局');
    await expect(review.header()).toContainText('2020');

    await review.openTab('文中数字');
    const factRow = (name: RegExp) =>
      review
        .tabPanel()
        .getByRole('row')
        .filter({ has: review.page.getByRole('rowheader', { name }) });
    await expect(factRow(/主动公开/)).toHaveCount(1);
    await expect(factRow(/主动公开/)).toContainText('41');
    // 未收到政府信息公开的申请 → 0, not "no figure".
    await expect(factRow(/申请/)).toHaveCount(1);
    await expect(factRow(/申请/).getByRole('cell').first()).toHaveText(/^\s*0/);
  });

  test('示例 loads the bundled sample report', async ({ review }) => {
    await review.loadSample();
    await expect(review.queueRows()).toHaveCount(1);
    await review.expectStatus(SEEDS.yiyang, 'ready');
    await review.selectReport(SEEDS.yiyang);
    await expect(review.header()).toContainText('益阳市行政审批服务局');
    await expect(review.header()).toContainText('2021版');
    await review.openTable('requests');
    await expect(review.cell('requests', 'newReceived', 'naturalPerson')).toHaveText(/^\s*3\s*$/);
  });

  test('粘贴文本 parses pasted text into a report', async ({ review }) => {
    await review.pasteText(fixtureText(SEEDS.quzhou));

    await expect(review.queueRows()).toHaveCount(1);
    const row = review.queueRows().first();
    await expect(row).toHaveAttribute('data-status', 'ready');
    await row.getByRole('button').first().click();
    await expect(review.header()).toContainText('衢州市行政服务中心');
    await expect(review.header()).toContainText('2014');
  });
});
