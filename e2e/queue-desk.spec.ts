import { expect, fixtureFile, SEEDS, test } from './fixtures';

const C3 = 'C3:requests:newReceived';

test.describe('the queue as a desk', () => {
  test('a dropped report opens once it is ready; a pasted one too', async ({ review, page }) => {
    await review.dropFiles([fixtureFile(SEEDS.yiyang)]);
    await expect(review.header()).toContainText(SEEDS.yiyang);
    await expect(review.tab('表二')).toHaveAttribute('aria-selected', 'true');

    await review.pasteText(fixtureFile(SEEDS.dashiren).buffer.toString('utf8'));
    await expect(review.header()).toContainText('粘贴文本-1.txt');
    // The format, and the whole name where the row shows it cut.
    await expect(review.queueRow(SEEDS.yiyang).locator('.queue-format')).toHaveText('TXT');
    await expect(page.locator('.queue-name').first()).toHaveAttribute('title', SEEDS.yiyang);
  });

  test('a batch of 5 keeps its rows in the order dropped and the first selected; J/K go by the rows on screen', async ({
    review,
    page,
  }) => {
    const names = [
      SEEDS.quzhou,
      SEEDS.yiyang,
      SEEDS.prose,
      SEEDS.dashiren,
      '004_c64e2b0abbe2f0bd.txt',
    ];
    await review.dropFiles([
      fixtureFile(SEEDS.quzhou),
      fixtureFile(SEEDS.yiyang),
      fixtureFile(SEEDS.prose),
      fixtureFile(SEEDS.dashiren),
      { ...fixtureFile(SEEDS.yiyang), name: names[4] ?? '', buffer: Buffer.from('另一份 2023') },
    ]);
    for (const name of names)
      await expect(review.queueRow(name)).not.toHaveAttribute('data-status', 'parsing');
    expect(await review.queueNames()).toEqual(names);
    await expect(review.header()).toContainText(SEEDS.quzhou);

    await page.locator('body').press('j');
    await expect(review.header()).toContainText(SEEDS.yiyang);
    // Moving on sorts the rows again; K goes to the row above on screen now.
    const shown = await review.queueNames();
    const above = shown[shown.indexOf(SEEDS.yiyang) - 1];
    await page.locator('body').press('k');
    await expect(review.header()).toContainText(above ?? SEEDS.yiyang);
  });

  test('a removed report comes back with Ctrl+Z, with its edits, in its place', async ({
    review,
    page,
  }) => {
    await review.dropFiles([fixtureFile(SEEDS.yiyang), fixtureFile(SEEDS.dashiren)]);
    await review.expectStatus(SEEDS.dashiren, 'ready');
    await review.selectReport(SEEDS.yiyang);
    await review.editCell('requests', 'newReceived', 'naturalPerson', '4');

    // Worked on: asked first.
    await review.removeReport(SEEDS.yiyang);
    await expect(review.notice()).toContainText(`已移除 ${SEEDS.yiyang}`);
    await expect(review.header()).toContainText(SEEDS.dashiren);
    await page.locator('body').press('Control+z');
    await expect(review.queueRows()).toHaveCount(2);
    expect(await review.queueNames()).toEqual([SEEDS.yiyang, SEEDS.dashiren]);
    await expect(review.header()).toContainText(SEEDS.yiyang);
    await review.openTable('requests');
    await expect(review.cell('requests', 'newReceived', 'naturalPerson')).toHaveAttribute(
      'data-corrected',
      'true',
    );
    await review.expectSaved();
    await page.reload();
    await expect(review.queueRows()).toHaveCount(2);

    // Not worked on: gone at once, and back the same way.
    await review.removeUntouched(SEEDS.dashiren);
    await page.locator('body').press('Control+z');
    await expect(review.queueRow(SEEDS.dashiren)).toHaveCount(1);
  });

  test('the same file dropped twice is one row and a notice; another file of that name is added', async ({
    review,
  }) => {
    await review.dropFiles([fixtureFile(SEEDS.yiyang)]);
    await review.expectStatus(SEEDS.yiyang, 'ready');
    await review.dropFiles([fixtureFile(SEEDS.yiyang)]);
    await expect(review.notice()).toHaveText(`已在队列中：${SEEDS.yiyang}`);
    await expect(review.queueRows()).toHaveCount(1);

    await review.dropFiles([{ ...fixtureFile(SEEDS.dashiren), name: SEEDS.yiyang }]);
    await expect(review.queueRows()).toHaveCount(2);
  });

  test('the search narrows the queue by agency, year or file name', async ({ review }) => {
    await review.dropFiles([fixtureFile(SEEDS.yiyang), fixtureFile(SEEDS.dashiren)]);
    await review.expectStatus(SEEDS.yiyang, 'ready');
    await review.expectStatus(SEEDS.dashiren, 'ready');
    await review.queueSearch().fill('益阳');
    expect(await review.queueNames()).toEqual([SEEDS.yiyang]);
    await review.queueSearch().fill('２０２０');
    expect(await review.queueNames()).toEqual([SEEDS.dashiren]);
    await review.queueSearch().fill('003_AAA');
    expect(await review.queueNames()).toEqual([SEEDS.dashiren]);
    await review.queueSearch().fill('');
    await expect(review.queueRows()).toHaveCount(2);
  });

  test('a comment typed and the page reloaded at once: it is there', async ({ review, page }) => {
    await review.openReport(fixtureFile(SEEDS.yiyang));
    await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
    await review.openTab('问题');
    const box = review.checkItem(C3).getByRole('textbox');
    await box.click();
    await page.keyboard.type('原表如此');
    // No Enter, no leaving the field.
    await review.expectSaved();
    await page.reload();
    await review.openTab('问题');
    await expect(review.checkItem(C3).getByRole('textbox')).toHaveValue('原表如此');
  });

  test('a cell selected on 表三 and a reload: the same report, tab and cell', async ({
    review,
    page,
  }) => {
    await review.dropFiles([fixtureFile(SEEDS.yiyang), fixtureFile(SEEDS.dashiren)]);
    await review.expectStatus(SEEDS.dashiren, 'ready');
    await review.selectReport(SEEDS.dashiren);
    await review.selectCell('requests', 'newReceived', 'total');
    await review.expectSaved();
    await page.reload();
    await expect(review.header()).toContainText(SEEDS.dashiren);
    await expect(review.tab('表三')).toHaveAttribute('aria-selected', 'true');
    await expect(review.cell('requests', 'newReceived', 'total')).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });
});
