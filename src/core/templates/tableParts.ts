import { parseCellText } from '../cells';
import { settleRows, type Placement, type RowEquation, type Slot } from '../layout';
import type { Cell, ParsedIssue, Row, Span, Table } from '../types';
import { equationsOf, sideKeys, type EquationKeys } from './equations';
import type { RowDef, TableDef, TemplateDef } from './national';
import { greatest, least } from '../arrays';

// What the token reader (matchTemplate.ts) and the digit-run reader (readGlued.ts) share.

export interface TableReading {
  tables: Table[];
  /** Where each table stands in the text: its numbers are not prose facts. */
  regions: Span[];
  issues: ParsedIssue[];
}

export interface Found {
  table: Table;
  region: Span;
  /** Labels of the rows whose cells stay low confidence. */
  ambiguous: string[];
  /** Labels of the rows printed with more numbers than the template has columns. */
  overfull?: string[];
  /** Labels of rows the template does not know, kept as `extra.N` rows. */
  extras?: string[];
  /** Labels of template rows the table should have and does not. */
  missing?: string[];
  /** Labels read as a template row although characters of it are missing. */
  garbled?: string[];
  /** Where the next table's search starts (a token index or a text offset, per reader). */
  next: number;
}

export interface PlacedRow {
  key: string;
  label: string;
  columns: readonly string[];
  placement: Placement;
}

/** Reads each of the template's tables in document order and gathers the layout issues (SPEC R5.5). */
export function collectTables(
  template: TemplateDef,
  find: (def: TableDef, from: number) => Found | null,
): TableReading {
  const reading: TableReading = { tables: [], regions: [], issues: [] };
  const read: [TableDef, Found][] = [];
  let from = 0;
  for (const def of template.tables) {
    const found = find(def, from);
    if (!found) continue;
    read.push([def, found]);
    reading.tables.push(found.table);
    reading.regions.push(found.region);
    if (found.ambiguous.length > 0) {
      reading.issues.push({
        code: 'ambiguous-layout',
        severity: 'warning',
        message: `${def.title}：${found.ambiguous.join('、')} 的数字无法唯一确定位置或拆分，已标为低置信度，请核对`,
        span: found.region,
      });
    }
    if (found.overfull && found.overfull.length > 0) {
      reading.issues.push({
        code: 'extra-cells',
        severity: 'warning',
        message: `${def.title}：${found.overfull.join('、')} 印出的数字多于模板的列数，多出的数字未读入，已标为低置信度，请核对`,
        span: found.region,
      });
    }
    if (found.extras && found.extras.length > 0) {
      reading.issues.push({
        code: 'unknown-row',
        severity: 'warning',
        message: `${def.title}：${found.extras.map((label) => `“${label}”`).join('、')} 不是模板中的行，已作为附加行保留，请核对`,
        span: found.region,
      });
    }
    if (found.garbled && found.garbled.length > 0) {
      reading.issues.push({
        code: 'label-garbled',
        severity: 'info',
        message: `${def.title}：${found.garbled.join('；')}（行名缺字），请核对`,
        span: found.region,
      });
    }
    if (found.missing && found.missing.length > 0) {
      reading.issues.push({
        code: 'row-missing',
        severity: 'warning',
        message: `${def.title}：没有找到 ${found.missing.map((label) => `“${label}”`).join('、')}，请对照原文核对`,
        span: found.region,
      });
    }
    from = found.next;
  }
  read.forEach(([def, found], index) => {
    const cut = cutShort(template, def, found, index < read.length - 1);
    if (cut) reading.issues.push(cut);
  });
  return reading;
}

/**
 * A table that stops early (SPEC R3.13): 表四's printed row places fewer than its cells, or template
 * rows after the last row read are absent — in 表三 always, since every form ends with （七）总计 and
 * 四、结转下年度继续办理; in 表二 only when no later table was read, since a report may leave out its
 * last blocks (a 2019 form without （九）项) and go on to 表三.
 */
function cutShort(
  template: TemplateDef,
  def: TableDef,
  found: Found,
  laterTable: boolean,
): ParsedIssue | null {
  if (def.anyOrder) return null;
  if (def.reader === 'grouped-row') {
    const cells = found.table.rows.flatMap((row) => Object.values(row.cells));
    const placed = cells.filter((cell) => cell.span !== null).length;
    if (placed === cells.length) return null;
    return {
      code: 'table-incomplete',
      severity: 'warning',
      message: `${def.title}：只读到 ${placed} 格（应有 ${cells.length} 格），表格可能被截断，或空白格没有印出：请对照原文核对`,
      span: found.region,
    };
  }
  if (laterTable && !def.allRowsPrinted) return null;
  const keys = new Set(found.table.rows.map((row) => row.key));
  const last = def.rows.reduce((at, row, i) => (keys.has(row.key) ? i : at), -1);
  const lastRow = found.table.rows.find((row) => row.key === def.rows[last]?.key);
  const absent = printedRows(template, def, keys).filter((row) => def.rows.indexOf(row) > last);
  const end = absent[absent.length - 1];
  if (!lastRow || !end) return null;
  return {
    code: 'table-incomplete',
    severity: 'warning',
    message: `${def.title}：“${lastRow.label}”之后的 ${absent.length} 行（直至“${end.label}”）没有读到，表格可能被截断（只截取了部分页面），或这些行没能识别：请对照原件核对`,
    span: spanOf(Object.values(lastRow.cells)) ?? found.region,
  };
}

/**
 * The template's rows as the report's form prints them: a row the 2021 form splits (（六）其他处理) as
 * one row where the report prints it so or the form is 2019's, as its sub-rows otherwise.
 */
function printedRows(template: TemplateDef, def: TableDef, keys: ReadonlySet<string>): RowDef[] {
  const asOneRow = (row: RowDef) =>
    keys.has(row.key) || (template.id === '2019' && !row.splitInto?.some((key) => keys.has(key)));
  return def.rows.filter((row) => {
    if (row.splitInto) return asOneRow(row);
    const whole = def.rows.find((other) => other.splitInto?.includes(row.key));
    return !whole || !asOneRow(whole);
  });
}

/** From the first to the last character of the cells that have a place in the text. */
function spanOf(cells: readonly Cell[]): Span | null {
  const spans = cells.flatMap((cell) => (cell.span ? [cell.span] : []));
  if (spans.length === 0) return null;
  return [least(spans.map(([start]) => start)), greatest(spans.map(([, end]) => end))];
}

/** A labelled table from its rows' placements, settled together with the table's equations. */
export function settleTable(
  def: TableDef,
  entries: readonly PlacedRow[],
): { table: Table; ambiguous: string[] } {
  const width = greatest(entries.map((entry) => entry.columns.length));
  const keys = entries.map((entry) => entry.key);
  const settled = settleRows(
    entries.map((entry) => entry.placement),
    width,
    readNumber,
    (grid) => tableScore(def, keys, grid),
  );
  const rows = entries.map((entry, index) => ({
    key: entry.key,
    label: entry.label,
    cells: cellsOf(entry.columns, settled.slots[index] ?? []),
  }));
  return {
    table: tableOf(def, rows),
    ambiguous: settled.ambiguous.map((index) => rows[index]?.label ?? ''),
  };
}

/** 表四's one printed row of 15 cells as its three rows of five (SPEC R3.6). */
export function settleAppeals(
  def: TableDef,
  placement: Placement,
): { table: Table; ambiguous: string[] } {
  const size = def.columns.length;
  const settled = settleRows([placement], def.rows.length * size, readNumber, (grid) =>
    groupSums(def, grid[0] ?? []),
  );
  const slots = settled.slots[0] ?? [];
  const rows = def.rows.map((rowDef, group) => ({
    key: rowDef.key,
    label: rowDef.label,
    cells: cellsOf(rowDef.columns, slots.slice(group * size, (group + 1) * size)),
  }));
  return { table: tableOf(def, rows), ambiguous: settled.ambiguous.length > 0 ? [def.title] : [] };
}

/** 表四's row equation over its printed row, used to place its values: every group's total sums its results. */
export function appealsEquation(def: TableDef): RowEquation {
  return (values) => groupSums(def, values) === def.rows.length;
}

/** The table's row equation (C3 for 表三) over one row's values, used to place them; or none. */
export function rowEquation(def: TableDef): RowEquation | undefined {
  return rowHolds(def) ?? undefined;
}

export function readNumber(text: string): number | null {
  return parseCellText(text).value;
}

function groupSums(def: TableDef, values: readonly number[]): number {
  const size = def.columns.length;
  const holds = rowHolds(def);
  if (!holds) return 0;
  return def.rows.filter((_, group) => holds(values.slice(group * size, (group + 1) * size)))
    .length;
}

// Equations used to place values, blank read as 0 (SPEC R5.4): the table's EQUATIONS, by position.
const rowTests = new WeakMap<TableDef, RowEquation | null>();

/** Whether a row's values (in the order of the table's columns) satisfy its row equations. */
function rowHolds(def: TableDef): RowEquation | null {
  let test = rowTests.get(def);
  if (test === undefined) {
    const columns = def.columns.map((column) => column.key);
    const sides = equationsOf(def.id)
      .filter((equation) => equation.within === 'row')
      .map((equation) => ({
        left: indicesOf(sideKeys(equation.left, columns), columns),
        right: indicesOf(sideKeys(equation.right, columns), columns),
      }));
    test =
      sides.length === 0
        ? null
        : (values) =>
            sides.every(({ left, right }) => sumAt(values, left) === sumAt(values, right));
    rowTests.set(def, test);
  }
  return test;
}

function indicesOf(keys: readonly string[], all: readonly string[]): number[] {
  return keys.map((key) => all.indexOf(key));
}

function sumAt(values: readonly number[], indices: readonly number[]): number {
  return indices.reduce((total, index) => total + (values[index] ?? 0), 0);
}

/** How many of the table's equations a placement satisfies: one point per row and per column. */
function tableScore(
  def: TableDef,
  keys: readonly string[],
  grid: readonly (readonly number[])[],
): number {
  if (def.softSums) return softScore(def.softSums, keys, grid);
  const holds = rowHolds(def);
  let points = holds ? grid.filter(holds).length : 0;
  const byColumn = equationsOf(def.id).filter((equation) => equation.within === 'column');
  if (byColumn.length === 0) return points;
  const rowsOf = (side: EquationKeys) => sideKeys(side, keys).map((key) => grid[keys.indexOf(key)]);
  const sides = byColumn.map((equation) => ({
    left: rowsOf(equation.left),
    right: rowsOf(equation.right),
  }));
  const width = grid[0]?.length ?? 0;
  for (let column = 0; column < width; column++) {
    const at = (rows: readonly (readonly number[] | undefined)[]) =>
      sum(rows.map((values) => values?.[column] ?? 0));
    for (const { left, right } of sides) if (at(left) === at(right)) points += 1;
  }
  return points;
}

function cellsOf(columns: readonly string[], slots: readonly Slot[]): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  columns.forEach((column, i) => {
    const slot = slots[i];
    const { value, kind } = parseCellText(slot?.text ?? '');
    cells[column] = {
      value,
      raw: slot?.text ?? '',
      kind,
      span: slot?.span ?? null,
      confidence: slot?.confidence ?? 'low',
    };
  });
  return cells;
}

function tableOf(def: TableDef, rows: Row[]): Table {
  const used = new Set(rows.flatMap((row) => Object.keys(row.cells)));
  return {
    id: def.id,
    title: def.title,
    columns: def.columns.filter((column) => used.has(column.key)).map((column) => ({ ...column })),
    rows,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

// A 统计表 total and its 其中 parts, per column (soft: channels may overlap, so this only places digits).
function softScore(
  sums: NonNullable<TableDef['softSums']>,
  keys: readonly string[],
  grid: readonly (readonly number[])[],
): number {
  let points = 0;
  for (const [total, parts] of sums) {
    const totalRow = grid[keys.indexOf(total)];
    const partRows = parts.flatMap((part) =>
      keys.includes(part) ? [grid[keys.indexOf(part)] ?? []] : [],
    );
    if (!totalRow || partRows.length === 0) continue;
    totalRow.forEach((value, column) => {
      if (sum(partRows.map((row) => row[column] ?? 0)) === value) points += 1;
    });
  }
  return points;
}
