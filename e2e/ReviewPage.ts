import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** A file handed to the page as bytes, for drops and the file input alike. */
export interface FixtureFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The three printed tables and the tab each one is on. */
const TABLE_TABS = { active: '表二', requests: '表三', appeals: '表四' } as const;
export type TableId = keyof typeof TABLE_TABS;

export type Verdict = '解析错误' | '原文错误' | '忽略';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The review screen as a user sees it: the ways files get in (drop, picker, paste, sample), the
 * queue, the report header, the source and the tables. Selectors are the app's testability
 * contract: data-testid, data-status, data-cell, data-span, ARIA roles and the Chinese labels.
 */
export class ReviewPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { level: 1, name: '年报校对台' })).toBeVisible();
  }

  /** Opens the app at `url` instead of the server's `/`: the single file, from disk. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { level: 1, name: '年报校对台' })).toBeVisible();
  }

  // ── getting files in ────────────────────────────────────────────────────────────────────────

  /**
   * Drops files on the window the way a browser does: one DataTransfer carrying File objects,
   * then dragenter, dragover and drop on the element under the pointer (by default whatever is in
   * the middle of the window, since the whole window is the drop zone). Fails unless the page
   * accepts the drag (preventDefault on dragover) and handles the drop itself (preventDefault on
   * drop; otherwise the browser would navigate to the file).
   */
  async dropFiles(files: readonly FixtureFile[], target?: Locator): Promise<void> {
    const payload = files.map((file) => ({
      name: file.name,
      type: file.mimeType,
      base64: file.buffer.toString('base64'),
    }));
    const dataTransfer = await this.page.evaluateHandle((items) => {
      const transfer = new DataTransfer();
      for (const item of items) {
        const binary = atob(item.base64);
        const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
        transfer.items.add(new File([bytes], item.name, { type: item.type }));
      }
      return transfer;
    }, payload);

    const element = target
      ? await target.elementHandle()
      : await this.page.evaluateHandle(
          () => document.elementFromPoint(innerWidth / 2, innerHeight / 2) ?? document.body,
        );
    const outcome = await this.page.evaluate(
      ({ element: at, transfer }) => {
        const node = at as Element;
        const box = node.getBoundingClientRect();
        const init = {
          bubbles: true,
          cancelable: true,
          composed: true,
          dataTransfer: transfer,
          clientX: box.left + box.width / 2,
          clientY: box.top + box.height / 2,
        };
        // dispatchEvent returns false when a listener called preventDefault().
        const fire = (type: string) => !node.dispatchEvent(new DragEvent(type, init));
        fire('dragenter');
        const accepted = fire('dragover');
        const handled = accepted ? fire('drop') : false;
        return { accepted, handled, target: node.tagName.toLowerCase() };
      },
      { element, transfer: dataTransfer },
    );
    await dataTransfer.dispose();
    await element?.dispose();
    expect(outcome.accepted, `dragover on <${outcome.target}> was not preventDefault()ed`).toBe(
      true,
    );
    expect(outcome.handled, `drop on <${outcome.target}> was not preventDefault()ed`).toBe(true);
  }

  /** The same, through Playwright's own external-drop simulation. */
  async dropWithPlaywright(files: FixtureFile[], target?: Locator): Promise<void> {
    await (target ?? this.page.locator('body')).drop({ files });
  }

  /** 打开文件: the real `<input type="file">` behind its label. */
  fileInput(): Locator {
    return this.page.getByLabel('打开文件');
  }

  async pickFiles(files: string[] | FixtureFile[]): Promise<void> {
    await this.fileInput().setInputFiles(files);
  }

  async pasteText(text: string): Promise<void> {
    await this.page.getByRole('button', { name: '粘贴文本' }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: '报告全文' }).fill(text);
    await dialog.getByRole('button', { name: '解析', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async loadSample(): Promise<void> {
    await this.page.getByRole('button', { name: '示例', exact: true }).click();
  }

  // ── the queue ───────────────────────────────────────────────────────────────────────────────

  queueRows(): Locator {
    return this.page.getByTestId('queue-row');
  }

  queueRow(name: string): Locator {
    return this.queueRows().filter({ hasText: name });
  }

  /** The badges of a queue row: `⚠ 1`, `表不完整`, `7 项无法判断`, `没有年报数据`. */
  queueBadges(name: string): Locator {
    return this.queueRow(name).locator('.badge');
  }

  async expectStatus(name: string, status: 'parsing' | 'ready' | 'error'): Promise<void> {
    await expect(this.queueRow(name)).toHaveAttribute('data-status', status);
  }

  /** Drops the fixture, waits for it to be parsed, and opens it. */
  async openReport(file: FixtureFile): Promise<void> {
    await this.dropFiles([file]);
    await this.expectStatus(file.name, 'ready');
    await this.selectReport(file.name);
  }

  /** The row's own button, which selects its report (beside it: 取消, ×). */
  queueRowButton(name: string): Locator {
    return this.queueRow(name).getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) });
  }

  async selectReport(name: string): Promise<void> {
    await this.queueRowButton(name).click();
    await expect(this.header()).toContainText(name);
  }

  /** × on the row, answered 移除 in the app's own dialog. */
  async removeReport(name: string): Promise<void> {
    await this.queueRow(name)
      .getByRole('button', { name: `移除 ${name}`, exact: true })
      .click();
    const dialog = this.page.getByRole('dialog', { name: '移除此报告？' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '移除', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.queueRow(name)).toHaveCount(0);
  }

  /** 取消 on the row of a file still parsing. */
  async cancelParse(name: string): Promise<void> {
    await this.queueRow(name)
      .getByRole('button', { name: `取消解析 ${name}`, exact: true })
      .click();
    await expect(this.queueRow(name)).toHaveAttribute('data-stopped', 'cancelled');
  }

  // ── the selected report ─────────────────────────────────────────────────────────────────────

  header(): Locator {
    return this.page.getByTestId('report-header');
  }

  /** What the header says of the checks: `⚠ 1 项校验未通过 · 7 项无法判断 · 表不完整`, `✓ 校验全部通过`. */
  checkStatus(): Locator {
    return this.header().getByTestId('check-status');
  }

  tab(label: string): Locator {
    // A tab's name may end in a count (问题 3, 文中数字 5).
    return this.page.getByRole('tab', { name: new RegExp(`^${escapeRegExp(label)}`) });
  }

  tabPanel(): Locator {
    return this.page.getByRole('tabpanel');
  }

  async openTab(label: string): Promise<void> {
    await this.tab(label).click();
    await expect(this.tab(label)).toHaveAttribute('aria-selected', 'true');
  }

  async openTable(table: TableId): Promise<void> {
    await this.openTab(TABLE_TABS[table]);
  }

  grid(): Locator {
    return this.tabPanel().getByRole('grid');
  }

  cell(table: string, row: string, column: string): Locator {
    return this.page.locator(`[data-cell="${table}/${row}/${column}"]`);
  }

  /**
   * Opens each cell's tab and expects its value (cells keyed `table/row/column`), and its confidence
   * where one is given.
   */
  async expectCells(cells: Readonly<Record<string, string>>, confidence?: 'high'): Promise<void> {
    for (const [address, value] of Object.entries(cells)) {
      const [table, row, column] = address.split('/') as [TableId, string, string];
      await this.openTable(table);
      const cell = this.cell(table, row, column);
      await expect(cell).toHaveText(new RegExp(`^\\s*${value}\\s*$`));
      if (confidence) await expect(cell).toHaveAttribute('data-confidence', confidence);
    }
  }

  selectedCells(): Locator {
    return this.page.locator('[data-cell][aria-selected="true"]');
  }

  /** Opens the cell's tab, clicks the cell, and waits until it is the selected one. */
  async selectCell(table: TableId, row: string, column: string): Promise<Locator> {
    await this.openTable(table);
    const cell = this.cell(table, row, column);
    await cell.click();
    await expect(cell).toHaveAttribute('aria-selected', 'true');
    return cell;
  }

  /** The text box of the cell being edited, if any. */
  editor(): Locator {
    return this.grid().getByRole('textbox');
  }

  // ── spreadsheet keys ────────────────────────────────────────────────────────────────────────

  /** The cells of the grid's range (Shift+arrows, Shift+click), the selected one included. */
  rangeCells(): Locator {
    return this.grid().locator('[data-cell][aria-selected="true"]');
  }

  /** Ctrl+C as the browser delivers it: a copy event on the grid; returns what it put on the clipboard. */
  async copyFromGrid(): Promise<string> {
    return this.grid().evaluate((grid) => {
      const transfer = new DataTransfer();
      grid.dispatchEvent(
        new ClipboardEvent('copy', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
      return transfer.getData('text/plain');
    });
  }

  /** Ctrl+V of the given text, as Excel puts it on the clipboard: a paste event on the grid. */
  async pasteIntoGrid(text: string): Promise<void> {
    await this.grid().evaluate((grid, pasted) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', pasted);
      grid.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    }, text);
  }

  /**
   * Types through an IME onto the selected cell: compositionstart where the keyboard is (the grid),
   * then the composition and its result in whatever has the focus after it (the cell's editor).
   */
  async compose(text: string): Promise<void> {
    await this.page.evaluate(() =>
      document.activeElement?.dispatchEvent(
        new CompositionEvent('compositionstart', { bubbles: true, data: '' }),
      ),
    );
    await expect(this.editor()).toBeFocused();
    await this.editor().evaluate((input, composed) => {
      const box = input as HTMLInputElement;
      box.dispatchEvent(
        new CompositionEvent('compositionupdate', { bubbles: true, data: composed }),
      );
      // React's own value tracker must see the change as the browser's, not as a script's.
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setValue?.call(box, box.value + composed);
      box.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: composed }));
      box.dispatchEvent(
        new InputEvent('input', { bubbles: true, data: composed, inputType: 'insertText' }),
      );
    }, text);
  }

  /** The bar between the source and the tables, which resizes them. */
  paneSeparator(): Locator {
    return this.page.getByRole('separator', { name: '调整原文与表格的宽度' });
  }

  /** Selects the cell, types the new value over it (as in a spreadsheet) and commits with Enter. */
  async editCell(table: TableId, row: string, column: string, value: string): Promise<Locator> {
    const cell = await this.selectCell(table, row, column);
    await this.page.keyboard.type(value);
    await expect(this.editor()).toHaveValue(value);
    await this.page.keyboard.press('Enter');
    await expect(this.editor()).toHaveCount(0);
    return cell;
  }

  // ── the source ──────────────────────────────────────────────────────────────────────────────

  source(): Locator {
    return this.page.getByRole('region', { name: '原文' });
  }

  sourceSpan(start: number, end: number): Locator {
    return this.source().locator(`[data-span="${start}-${end}"]`);
  }

  /** The marks the UI shows as the current place in the source. */
  selectedSourceMarks(): Locator {
    return this.source().locator('[data-span].is-selected, [data-span][aria-current="true"]');
  }

  /** The source's lines in the page: only those in view (and a margin) are drawn. */
  sourceLines(): Locator {
    return this.source().locator('.src-line');
  }

  /** A pane that failed to render, in place of it: `此报告无法显示：…`, with 移除此报告 and 重试. */
  paneErrors(): Locator {
    return this.page.getByTestId('pane-error');
  }

  /** The note over a table too big to lay out: `表中有 150000 行，仅显示前 500 行`. */
  tableCut(): Locator {
    return this.tabPanel().getByTestId('table-cut');
  }

  /** Scrolls every scrollable part of the source pane to its end. */
  /** The source pane's 原文 | 文本 tabs (a PDF). */
  sourceTab(label: '原文' | '文本'): Locator {
    return this.source().getByRole('tab', { name: label, exact: true });
  }

  /** The PDF's pages in the 原文 tab; each page is drawn on a canvas while on screen. */
  pdfPages(): Locator {
    return this.source().locator('.pdf-page');
  }

  /** The outlined box of the selected cell on its page. */
  selectedPageBox(): Locator {
    return this.source().locator('.pdf-box.is-selected');
  }

  /** The box of a value on the page, by the span of the display text it was read as. */
  pageBox(start: number, end: number): Locator {
    return this.source().locator(`.pdf-box[data-span="${start}-${end}"]`);
  }

  async scrollSourceToEnd(): Promise<void> {
    await this.source().evaluate((pane) => {
      for (const element of [pane, ...pane.querySelectorAll('*')]) {
        if (element.scrollHeight > element.clientHeight) element.scrollTop = element.scrollHeight;
      }
    });
  }

  // ── export ──────────────────────────────────────────────────────────────────────────────────

  /** 导出 ▾ → 本报告 JSON, and returns the download (waited for from before the click). */
  async download(): Promise<Download> {
    return this.downloadFromMenu('本报告 JSON');
  }

  /** Opens 导出 ▾, chooses the item, and returns the download it starts. */
  async downloadFromMenu(item: '本报告 JSON' | '全部 JSON Lines' | 'CSV 长表'): Promise<Download> {
    await this.page.getByRole('button', { name: /^导出/ }).click();
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('menuitem', { name: item }).click();
    return download;
  }

  /** The downloaded file's bytes, exactly as written. */
  async downloadedBytes(download: Download): Promise<Buffer> {
    return readFile(await download.path());
  }

  // ── review workflow ─────────────────────────────────────────────────────────────────────────

  /** A check in the 问题 list, by its id (`C3:requests:newReceived`). */
  checkItem(id: string): Locator {
    return this.tabPanel().locator(`li[data-check="${id}"]`);
  }

  /** The bar under a table that shows the selected check. */
  checkBar(): Locator {
    return this.page.locator('section.check-bar');
  }

  /** The suggestions shown under a check in the 问题 list. */
  suggestionsOf(id: string): Locator {
    return this.checkItem(id).locator('[data-suggestion]');
  }

  /** Every suggestion on the page: in the 问题 list and in the check bar. */
  suggestions(): Locator {
    return this.page.locator('[data-suggestion]');
  }

  /** A verdict button of a check in the 问题 list. */
  verdictButton(id: string, verdict: Verdict): Locator {
    return this.checkItem(id)
      .getByRole('group')
      .getByRole('button', { name: verdict, exact: true });
  }

  /** Marks a check 解析错误 / 原文错误 / 忽略 in the 问题 list, with a comment committed by Enter. */
  async judge(id: string, verdict: Verdict, comment?: string) {
    await this.openTab('问题');
    const item = this.checkItem(id);
    await this.verdictButton(id, verdict).click();
    await expect(item).toHaveAttribute('data-verdict', /./);
    if (comment === undefined) return;
    const box = item.getByRole('textbox');
    await box.fill(comment);
    await box.press('Enter');
    await expect(item.getByRole('textbox')).toHaveValue(comment);
  }

  reviewStatus(): Locator {
    return this.header().getByTestId('review-status');
  }

  saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  /** Under the top bar when reports could not be saved: which ones, and how to make room. */
  saveDetail(): Locator {
    return this.page.getByTestId('save-detail');
  }

  /** The passing word in the top bar, e.g. why an edit in a read-only tab was refused. */
  notice(): Locator {
    return this.page.locator('.notice-flash');
  }

  /** `本工作区已在另一个标签页中打开，此页只读` with 在此编辑, when another tab edits the workspace. */
  readOnlyBanner(): Locator {
    return this.page.getByTestId('read-only-banner');
  }

  /** 在此编辑: asks the tab that edits to hand over, and waits until this one edits. */
  async takeOver(): Promise<void> {
    await this.readOnlyBanner().getByRole('button', { name: '在此编辑' }).click();
    await expect(this.readOnlyBanner()).toHaveCount(0);
  }

  /** Waits until the top bar says everything shown is written to IndexedDB. */
  async expectSaved(): Promise<void> {
    await expect(this.saveState()).toHaveAttribute('data-state', 'saved');
    await expect(this.saveState()).toHaveText(/已保存/);
  }

  /** 清空工作区, answered 清空 in the app's own dialog. */
  async clearWorkspace(): Promise<void> {
    await this.page.getByRole('button', { name: '清空工作区' }).click();
    const dialog = this.page.getByRole('dialog', { name: '清空工作区？' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '清空', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.queueRows()).toHaveCount(0);
  }

  // ── the queue as a desk ─────────────────────────────────────────────────────────────────────

  /** 搜索队列: the box over the queue that narrows it by agency, year or file name. */
  queueSearch(): Locator {
    return this.page.getByRole('searchbox', { name: '搜索队列' });
  }

  /** The names of the queue's rows, top to bottom, as the reader hears them. */
  async queueNames(): Promise<string[]> {
    return this.queueRows().locator('.queue-name .visually-hidden').allTextContents();
  }

  /** × on the row of a report nobody has worked on: it goes at once, without a question. */
  async removeUntouched(name: string): Promise<void> {
    await this.queueRow(name)
      .getByRole('button', { name: `移除 ${name}`, exact: true })
      .click();
    await expect(this.queueRow(name)).toHaveCount(0);
  }

  async downloadJson(): Promise<{ download: Download; json: unknown }> {
    const download = await this.download();
    const path = await download.path();
    const json: unknown = JSON.parse(await readFile(path, 'utf8'));
    return { download, json };
  }

  // ── across years ────────────────────────────────────────────────────────────────────────────

  /** 跨年度校验 in the 问题 tab: the selected report against the same agency's other years. */
  yearChecks(): Locator {
    return this.tabPanel().getByRole('region', { name: '跨年度校验' });
  }

  /** A year-over-year check (`Y1:requests:total`) against the report of another file. */
  yearCheck(id: string, otherFile: string): Locator {
    return this.yearChecks().locator(`li[data-year-check="${id}"][data-other="${otherFile}"]`);
  }

  /** In a year-over-year check, the link to a cell of the given file's report. */
  yearCheckCell(check: Locator, file: string, text: string | RegExp): Locator {
    return check.locator(`button[data-report="${file}"]`).filter({ hasText: text });
  }
}
