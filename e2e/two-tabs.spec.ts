import { ReviewPage } from './ReviewPage';
import { expect, fixtureFile, SEEDS, test } from './fixtures';

const READ_ONLY = '本工作区已在另一个标签页中打开，此页只读';

test.describe('two tabs on one workspace', () => {
  test('the second tab is read-only and says so; handed over, the edits of both tabs are kept', async ({
    review,
    context,
  }) => {
    await review.openReport(fixtureFile(SEEDS.yiyang));
    await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
    await review.expectSaved();

    const other = new ReviewPage(await context.newPage());
    await other.goto();
    await expect(other.readOnlyBanner()).toContainText(READ_ONLY);
    await expect(review.readOnlyBanner()).toHaveCount(0);
    // It shows what the first tab saved.
    await other.selectReport(SEEDS.yiyang);
    await other.openTable('requests');
    await expect(other.cell('requests', 'newReceived', 'naturalPerson')).toHaveText(/^\s*4\b/);

    // Editing, dropping and clearing are refused, and it says why.
    await other.selectCell('requests', 'newReceived', 'commercial');
    await other.page.keyboard.type('9');
    await expect(other.notice()).toHaveText('此页只读：工作区正在另一个标签页中编辑');
    await expect(other.editor()).toHaveCount(0);
    await other.dropFiles([fixtureFile(SEEDS.dashiren)]);
    await other.page.getByRole('button', { name: '清空工作区' }).click();
    await other.page.getByRole('dialog').getByRole('button', { name: '清空', exact: true }).click();
    await expect(other.queueRows()).toHaveCount(1);

    // 在此编辑: the first tab saves, turns read-only, and the second one edits.
    await other.takeOver();
    await expect(review.readOnlyBanner()).toContainText(READ_ONLY);
    await other.editCell('requests', 'newReceived', 'commercial', '9');
    await other.expectSaved();
    await review.selectCell('requests', 'newReceived', 'naturalPerson');
    await review.page.keyboard.type('5');
    await expect(review.notice()).toHaveText('此页只读：工作区正在另一个标签页中编辑');

    // Both edits are in the workspace, whichever tab reads it.
    for (const tab of [review, other]) {
      await tab.page.reload();
      await tab.selectReport(SEEDS.yiyang);
      await tab.openTable('requests');
      await expect(tab.cell('requests', 'newReceived', 'naturalPerson')).toHaveText(/^\s*4\b/);
      await expect(tab.cell('requests', 'newReceived', 'commercial')).toHaveText(/^\s*9\b/);
      await expect(tab.header()).toContainText('已修改 2 处');
    }
  });

  test('when the editing tab closes, the waiting tab takes over with what it saved', async ({
    review,
    context,
  }) => {
    const other = new ReviewPage(await context.newPage());
    await other.goto();
    await expect(other.readOnlyBanner()).toContainText(READ_ONLY);

    await review.openReport(fixtureFile(SEEDS.yiyang));
    await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
    await review.expectSaved();
    await review.page.close();

    await expect(other.readOnlyBanner()).toHaveCount(0);
    await other.selectReport(SEEDS.yiyang);
    await other.editCell('requests', 'newReceived', 'commercial', '9');
    await other.expectSaved();
    await other.page.reload();
    await other.selectReport(SEEDS.yiyang);
    await expect(other.header()).toContainText('已修改 2 处');
  });

  test('without Web Locks both tabs edit, it says so, and neither writes over the other', async ({
    review,
    context,
  }) => {
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined }),
    );
    await review.page.reload();
    await review.openReport(fixtureFile(SEEDS.yiyang));
    await review.expectSaved();
    const uncoordinated = '此浏览器无法协调多个标签页';
    await expect(review.readOnlyBanner()).toContainText(uncoordinated);

    const other = new ReviewPage(await context.newPage());
    await other.goto();
    await other.selectReport(SEEDS.yiyang);
    await other.editCell('requests', 'newReceived', 'commercial', '9');
    await other.expectSaved();

    // The first tab read the workspace before that write: its next save (the place it selects,
    // which a reload reopens) is refused, it says so, and it edits no more.
    await review.selectCell('requests', 'newReceived', 'naturalPerson');
    await expect(review.saveState()).toHaveText(
      '保存失败：另一个标签页修改了工作区，此页的修改不能再保存',
    );
    await expect(review.readOnlyBanner()).toContainText('另一个标签页修改了工作区，此页只读');
    await review.page.keyboard.type('4');
    await expect(review.editor()).toHaveCount(0);

    await other.page.reload();
    await other.selectReport(SEEDS.yiyang);
    await expect(other.header()).toContainText('已修改 1 处');
    await other.openTable('requests');
    await expect(other.cell('requests', 'newReceived', 'commercial')).toHaveText(/^\s*9\b/);
  });
});
