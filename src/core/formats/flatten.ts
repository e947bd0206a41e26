import { LIMITS, LimitExceeded, tooManyCells } from '../limits';
import type { FailureCode, ParsedIssue, Span } from '../types';

/** What a reader of HTML or DOCX gives: a display text, or why the file cannot be read. */
export type ReadResult =
  | { ok: true; text: string; issues: ParsedIssue[] }
  | { ok: false; code: FailureCode; message: string };

/**
 * The table rows and cells a reader has read in the whole file, up to LIMITS.tableRows and LIMITS.cells
 * (SPEC R14.4): past either, reading stops with LimitExceeded, before the file's tables fill memory.
 */
export class TableCount {
  private rows = 0;
  private cells = 0;

  row(): void {
    this.rows += 1;
    if (this.rows > LIMITS.tableRows) {
      throw new LimitExceeded(
        'too-many-rows',
        `表格行数超过上限：最多读取 ${LIMITS.tableRows} 行，此文件超过 ${LIMITS.tableRows} 行，未读取`,
      );
    }
  }

  cell(): void {
    this.cells += 1;
    if (this.cells > LIMITS.cells) throw tooManyCells();
  }
}

/** The warning of a document nested deeper than LIMITS.depth, whose deeper tags were left out (SPEC R14.6). */
export function flattenedIssue(deepest: number): ParsedIssue {
  return {
    code: 'nesting-flattened',
    severity: 'warning',
    message: `标签嵌套超过 ${LIMITS.depth} 层（此文件深达 ${deepest} 层）：更深的标签未按结构读取，只保留其文字`,
    span: null,
  };
}

/** One cell of a source table (HTML `<td>`, DOCX `w:tc`), before its spans are expanded. */
export interface FlatCell {
  /** The cell's text on one line, already trimmed (empty for a blank cell). */
  text: string;
  rowspan: number;
  colspan: number;
}

// HTML's own limits on a span; and a budget of grid slots, so a hostile page (thousands of cells
// spanning thousands of rows) cannot make the grid quadratic: past it, spans are not expanded.
const MAX_SPAN = 1000;
const MAX_SLOTS = 100_000;

function span(value: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.min(Math.floor(value), MAX_SPAN) : 1;
}

/**
 * Writes a table as the lines of the flattened text form (SPEC R2, R11.2): every cell as `text |`
 * (a blank cell as a bare `|`) in the row where it starts, then, when the row has grid slots it does
 * not own (covered by a rowspan from above or by a colspan), a run of that many `|` on its own line.
 * Spans are expanded through an occupancy grid, so a cell after a rowspan lands in the right slot.
 * A rowspan is cut at the last row of the table.
 */
export function flattenTable(rows: readonly (readonly FlatCell[])[]): {
  lines: string[];
  spansIgnored: boolean;
  /** The line of each row's first cell: its cells are the lines from there, one each. */
  starts: number[];
  /** Each cell's spans as expanded (cut at the last row, 1 × 1 past the budget), row by row. */
  shapes: { rowSpan: number; colSpan: number }[];
} {
  const lines: string[] = [];
  const starts: number[] = [];
  const shapes: { rowSpan: number; colSpan: number }[] = [];
  // occupied[r]: the slots of row r taken by a cell (its own, or a rowspan from a row above).
  const occupied: Set<number>[] = rows.map(() => new Set<number>());
  let budget = MAX_SLOTS;
  let spansIgnored = false;
  rows.forEach((row, r) => {
    const taken = occupied[r] ?? new Set<number>();
    starts.push(lines.length);
    let column = 0;
    for (const cell of row) {
      while (taken.has(column)) column += 1;
      let rowspan = Math.min(span(cell.rowspan), rows.length - r);
      let colspan = span(cell.colspan);
      budget -= rowspan * colspan;
      if (budget < 0) rowspan = colspan = 1;
      if (budget < 0) spansIgnored = true;
      lines.push(cell.text === '' ? '|' : `${cell.text} |`);
      shapes.push({ rowSpan: rowspan, colSpan: colspan });
      for (let dr = 0; dr < rowspan; dr += 1) {
        const slots = occupied[r + dr];
        if (slots) for (let dc = 0; dc < colspan; dc += 1) slots.add(column + dc);
      }
      column += colspan;
    }
    // Every taken slot of the row that is not the top-left slot of one of its own cells is covered
    // (a set, so overlapping spans of a malformed table count once).
    const run = Math.max(0, taken.size - row.length);
    if (run > 0) lines.push('|'.repeat(run));
  });
  return { lines, spansIgnored, starts, shapes };
}

/**
 * A document read as blocks by a format reader (HTML, DOCX): text, `null` for a line break (the end
 * of a paragraph, a `<br>`), or a table.
 */
export type Block = string | null | TableBlock;

export interface CellBlocks {
  blocks: Block[];
  rowspan: number;
  colspan: number;
}

export interface TableBlock {
  kind: 'table';
  /** Text inside the table but in no cell (a caption; stray text a browser shows before the table). */
  before: Block[];
  rows: CellBlocks[][];
}

/** Runs of HTML/XML whitespace become one space; NBSP is kept, and trimmed at the ends with the rest. */
function collapse(text: string): string {
  return text.replace(/[\t\n\f\r ]+/g, ' ').trim();
}

/** A cell of a data table as the source prints it (SPEC R11.20). */
interface PrintedCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /**
   * Where the cell is in the display text: its text on its `text |` line, so that a report cell read
   * from it has a span within this one (empty, just before the `|`, for a blank cell).
   */
  span: Span;
}

/** A data table as printed: its rows of cells, each cell in the row where it starts. */
export interface PrintedTable {
  rows: PrintedCell[][];
}

/** A printed cell while the text is written: its line, not yet its offset. */
type CellAtLine = Omit<PrintedCell, 'span'> & { line: number };

/**
 * The display text of a document read as blocks, after its leading lines (an HTML page's title),
 * and the issue of tables whose spans were too many to expand. Given `printed`, the data tables
 * are added to it as printed (SPEC R11.20), by the writing that makes the text.
 */
export function renderDocument(
  blocks: readonly Block[],
  leading: readonly string[] = [],
  printed?: PrintedTable[],
): { text: string; issues: ParsedIssue[] } {
  const lines = leading.map(collapse).filter((line) => line !== '');
  const tables: CellAtLine[][][] | undefined = printed ? [] : undefined;
  const ignored = renderBlocks(blocks, lines, tables);
  const issues: ParsedIssue[] = [];
  if (ignored > 0) {
    issues.push({
      code: 'table-spans-ignored',
      severity: 'warning',
      message: `有 ${ignored} 个表格的合并单元格过多，未按合并展开，表格位置可能不准`,
      span: null,
    });
  }
  if (printed && tables) {
    // The text is the lines joined by `\n`: a line starts one past the end of the one before.
    const at: number[] = [];
    let offset = 0;
    for (const line of lines) {
      at.push(offset);
      offset += line.length + 1;
    }
    for (const rows of tables) {
      printed.push({
        rows: rows.map((row) =>
          row.map(({ line, ...cell }) => {
            const start = at[line] ?? 0;
            return { ...cell, span: [start, start + cell.text.length] };
          }),
        ),
      });
    }
  }
  return { text: lines.join('\n'), issues };
}

/**
 * Writes blocks as lines (SPEC R11.1–R11.4): text up to a break is one line (whitespace collapsed,
 * empty lines dropped); a data table is flattened (and, given `tables`, added to it with the line of
 * each cell); a layout table (one that holds a table in a cell, or a frame whose rows have one cell
 * each) is a container whose cells are written as lines.
 * Returns how many tables had their spans left unexpanded (too many grid slots).
 */
function renderBlocks(
  blocks: readonly Block[],
  lines: string[],
  tables?: CellAtLine[][][],
): number {
  let ignored = 0;
  let line = '';
  const flush = () => {
    const text = collapse(line);
    if (text !== '') lines.push(text);
    line = '';
  };
  for (const block of blocks) {
    if (block === null) flush();
    else if (typeof block === 'string') line += block;
    else {
      flush();
      ignored += renderTable(block, lines, tables);
    }
  }
  flush();
  return ignored;
}

function renderTable(table: TableBlock, lines: string[], tables?: CellAtLine[][][]): number {
  let ignored = renderBlocks(table.before, lines, tables);
  const layout =
    table.rows.every((row) => row.length <= 1) ||
    table.rows.some((row) => row.some((cell) => cell.blocks.some(isTable)));
  if (layout) {
    for (const row of table.rows)
      for (const cell of row) ignored += renderBlocks(cell.blocks, lines, tables);
    return ignored;
  }
  const cells = table.rows.map((row) =>
    row.map((cell) => ({
      text: cellText(cell.blocks),
      rowspan: cell.rowspan,
      colspan: cell.colspan,
    })),
  );
  const flat = flattenTable(cells);
  if (tables) {
    const first = lines.length;
    let index = 0;
    tables.push(
      cells.map((row, r) =>
        row.map((cell, k) => ({
          text: cell.text,
          ...(flat.shapes[index++] ?? { rowSpan: 1, colSpan: 1 }),
          line: first + (flat.starts[r] ?? 0) + k,
        })),
      ),
    );
  }
  // A loop, not a spread: a table of a million cells would overflow the call's arguments.
  for (const line of flat.lines) lines.push(line);
  return ignored + (flat.spansIgnored ? 1 : 0);
}

function isTable(block: Block): block is TableBlock {
  return block !== null && typeof block !== 'string';
}

/** A cell is one line: its paragraphs and line breaks are joined with a space. */
function cellText(blocks: readonly Block[]): string {
  let text = '';
  for (const block of blocks) {
    if (block === null) text += ' ';
    else if (typeof block === 'string') text += block;
  }
  return collapse(text);
}
