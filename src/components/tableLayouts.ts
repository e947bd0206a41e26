import type { CellRef, Row, Table } from '../core';
import { t } from '../i18n';
import { ORGANISATION_COLUMNS, own } from '../core';

// How the national form prints each table: presentation only, keyed by the schema's row and column
// keys. The numbers and the row/column labels always come from the Table itself.

/** A leaf column of a printed table. `row` is set where one printed row shows several data rows (表四). */
export interface LeafColumn {
  id: string;
  label: string;
  row: string | null;
  column: string;
}

export type HeaderNode =
  | { kind: 'leaf'; leaf: LeafColumn }
  | { kind: 'group'; id: string; label: string; children: HeaderNode[] };

/** A label cell to the left of the numbers, with the spans of the printed form. */
export interface RowHeaderCell {
  key: string;
  label: string;
  rowSpan: number;
  colSpan: number;
}

function leaf(column: Table['columns'][number], row: string | null = null): HeaderNode {
  const id = row === null ? column.key : `${row}/${column.key}`;
  return { kind: 'leaf', leaf: { id, label: column.label, row, column: column.key } };
}

export function leavesOf(nodes: HeaderNode[]): LeafColumn[] {
  return nodes.flatMap((node) => (node.kind === 'leaf' ? [node.leaf] : leavesOf(node.children)));
}

/** Keys end in `.*` to match a family of rows (`denied.*`). */
function keyMatches(pattern: string, key: string): boolean {
  return pattern.endsWith('.*') ? key.startsWith(pattern.slice(0, -1)) : pattern === key;
}

// ── what is laid out ───────────────────────────────────────────────────────────────────────────

/**
 * The most rows and columns a table lays out. The national tables have about thirty rows and ten
 * columns; an imported file may hold 150,000 rows, which as a table would freeze the page.
 */
export const SHOWN_ROWS = 500;
export const SHOWN_COLUMNS = 100;

/** The table, cut to its first SHOWN_ROWS rows and SHOWN_COLUMNS columns. */
export function shownPart(table: Table): Table {
  if (table.rows.length <= SHOWN_ROWS && table.columns.length <= SHOWN_COLUMNS) return table;
  return {
    ...table,
    rows: table.rows.slice(0, SHOWN_ROWS),
    columns: table.columns.slice(0, SHOWN_COLUMNS),
  };
}

// ── 表二 active ────────────────────────────────────────────────────────────────────────────────

export interface ActiveBlock {
  id: string;
  caption: string;
  rows: Row[];
  columns: Table['columns'];
}

const ACTIVE_BLOCKS: { id: keyof typeof t.active.blocks; rows: string[] }[] = [
  { id: 'rules', rows: ['regulations', 'normativeDocuments'] },
  { id: 'licensing', rows: ['licensing', 'otherServices'] },
  { id: 'enforcement', rows: ['punishment', 'coercion'] },
  { id: 'fees', rows: ['fees'] },
  { id: 'procurement', rows: ['procurement'] },
];

/**
 * The captioned blocks of 表二, each with the columns its rows have. A row the form does not know
 * gets a block of its own, captioned with its label, so that nothing the parser read is hidden.
 */
export function activeBlocks(table: Table): ActiveBlock[] {
  const block = (id: string, caption: string, rows: Row[]): ActiveBlock => ({
    id,
    caption,
    rows,
    columns: table.columns.filter((c) => rows.some((r) => Object.hasOwn(r.cells, c.key))),
  });
  const known = ACTIVE_BLOCKS.map((b) =>
    block(
      b.id,
      t.active.blocks[b.id],
      table.rows.filter((r) => b.rows.includes(r.key)),
    ),
  ).filter((b) => b.rows.length > 0);
  const placed = new Set(ACTIVE_BLOCKS.flatMap((b) => b.rows));
  const extra = table.rows
    .filter((r) => !placed.has(r.key))
    .map((r) => block(`row:${r.key}`, r.label, [r]));
  return [...known, ...extra];
}

export function flatColumns(columns: Table['columns']): HeaderNode[] {
  return columns.map((c) => leaf(c));
}

// ── 表三 requests ──────────────────────────────────────────────────────────────────────────────

/** 申请人情况 over 自然人 · 法人或其他组织 (five kinds) · 总计; columns the form lacks come after. */
export function requestsHeader(columns: Table['columns']): HeaderNode[] {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const pick = (keys: readonly string[]) =>
    keys.flatMap((key) => {
      const column = byKey.get(key);
      return column ? [leaf(column)] : [];
    });
  const organisations = pick(ORGANISATION_COLUMNS);
  const applicants: HeaderNode[] = [
    ...pick(['naturalPerson']),
    ...(organisations.length > 0
      ? [
          {
            kind: 'group' as const,
            id: 'organisations',
            label: t.requests.organisations,
            children: organisations,
          },
        ]
      : []),
    ...pick(['total']),
  ];
  const placed = new Set(['naturalPerson', ...ORGANISATION_COLUMNS, 'total']);
  const extra = columns.filter((c) => !placed.has(c.key)).map((c) => leaf(c));
  return [
    ...(applicants.length > 0
      ? [
          {
            kind: 'group' as const,
            id: 'applicants',
            label: t.requests.applicants,
            children: applicants,
          },
        ]
      : []),
    ...extra,
  ];
}

interface RowGroup {
  id: string;
  label: string;
  rows: string[];
  /** What the row's own label repeats of the group's, e.g. `三（三）` in `三（三）1.属于国家秘密`. */
  prefix: RegExp;
}

// Outer groups first: a row's path runs from the outermost group to the innermost.
const REQUEST_GROUPS: RowGroup[] = [
  {
    id: 'results',
    label: t.requests.results,
    rows: [
      'granted',
      'partialGrant',
      'denied.*',
      'unable.*',
      'notProcessed.*',
      'other',
      'other.*',
      'totalProcessed',
    ],
    prefix: /^三\s*(?:、\s*)?(?=[（(])/,
  },
  { id: 'denied', label: t.requests.denied, rows: ['denied.*'], prefix: /^[（(]\s*三\s*[）)]\s*/ },
  { id: 'unable', label: t.requests.unable, rows: ['unable.*'], prefix: /^[（(]\s*四\s*[）)]\s*/ },
  {
    id: 'notProcessed',
    label: t.requests.notProcessed,
    rows: ['notProcessed.*'],
    prefix: /^[（(]\s*五\s*[）)]\s*/,
  },
  { id: 'other', label: t.requests.other, rows: ['other.*'], prefix: /^[（(]\s*六\s*[）)]\s*/ },
];

const APPEALS_GROUPS: RowGroup[] = [
  {
    id: 'litigation',
    label: t.appeals.litigation,
    rows: ['litigationDirect', 'litigationAfterReview'],
    prefix: /^行政诉讼\s*[·・:：\-—\s]*/,
  },
];

function groupPath(groups: RowGroup[], key: string): RowGroup[] {
  return groups.filter((g) => g.rows.some((pattern) => keyMatches(pattern, key)));
}

function ownLabel(path: RowGroup[], label: string): string {
  const stripped = path.reduce((text, group) => text.replace(group.prefix, ''), label);
  return stripped === '' ? label : stripped;
}

/** How many label columns the row headers of 表三 need: the deepest group path, plus the label. */
export function requestsLabelColumns(rows: Row[]): number {
  // Not Math.max(...rows): spread arguments overflow the stack on a table of 150,000 rows.
  return rows.reduce((most, r) => Math.max(most, groupPath(REQUEST_GROUPS, r.key).length + 1), 1);
}

/**
 * The label cells of each row of 表三 as printed: a group's label once, spanning the run of rows
 * under it, and the row's own label spanning the label columns its groups leave free.
 */
export function requestsRowHeaders(rows: Row[]): RowHeaderCell[][] {
  const width = requestsLabelColumns(rows);
  const paths = rows.map((r) => groupPath(REQUEST_GROUPS, r.key));
  return rows.map((row, index) => {
    const path = paths[index] ?? [];
    const cells: RowHeaderCell[] = [];
    path.forEach((group, depth) => {
      if (paths[index - 1]?.[depth] === group) return;
      let span = 1;
      while (paths[index + span]?.[depth] === group) span += 1;
      cells.push({ key: group.id, label: group.label, rowSpan: span, colSpan: 1 });
    });
    cells.push({
      key: row.key,
      label: ownLabel(path, row.label),
      rowSpan: 1,
      colSpan: width - path.length,
    });
    return cells;
  });
}

// The ordinal a printed row label starts with (一、 / （七） / 1.), which is how the form itself
// names rows in its notes; labels without one are used whole.
const ORDINAL =
  /^(?:[一二三四五六七八九十]+(?=[、（(])、?)?(?:[（(][一二三四五六七八九十]+[）)])?(?:\d+(?=[.．、]))?/;

function ordinal(label: string): string {
  const match = ORDINAL.exec(label.trim())?.[0] ?? '';
  return match.replace(/、$/, '') || label.trim();
}

/** A row's short name as the form's notes write it: `一`, `（七）`, `（三）1`. */
export function rowName(tableId: string, row: Row): string {
  if (tableId !== 'requests') return row.label;
  const path = groupPath(REQUEST_GROUPS, row.key);
  const inner = path.length > 1 ? path[path.length - 1] : undefined;
  const own = ordinal(ownLabel(path, row.label));
  return inner && /^\d/.test(own) ? `${ordinal(inner.label)}${own}` : own;
}

// ── 表四 appeals ───────────────────────────────────────────────────────────────────────────────

/**
 * 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), each over its five columns: the three data rows
 * printed side by side as one row. A row the form does not know is added at the end, the same way.
 */
export function appealsHeader(table: Table): HeaderNode[] {
  const rowNode = (row: Row, label: string): HeaderNode => ({
    kind: 'group',
    id: row.key,
    label,
    children: table.columns
      .filter((c) => Object.hasOwn(row.cells, c.key))
      .map((c) => leaf(c, row.key)),
  });
  const nodes: HeaderNode[] = [];
  const grouped = new Set<string>();
  for (const row of table.rows) {
    if (grouped.has(row.key)) continue;
    const group = groupPath(APPEALS_GROUPS, row.key)[0];
    if (!group) {
      nodes.push(rowNode(row, row.label));
      continue;
    }
    const members = table.rows.filter((r) => groupPath(APPEALS_GROUPS, r.key)[0] === group);
    for (const member of members) grouped.add(member.key);
    nodes.push({
      kind: 'group',
      id: group.id,
      label: group.label,
      children: members.map((m) => rowNode(m, ownLabel([group], m.label))),
    });
  }
  return nodes;
}

/** The one printed row of 表四: the data rows' cells side by side, under their leaves' ids. */
export function printedRow(leaves: LeafColumn[], byKey: Map<string, Row>): Row {
  const cells: Row['cells'] = {};
  for (const l of leaves) {
    const row = l.row === null ? undefined : byKey.get(l.row);
    const cell = row && own(row.cells, l.column);
    if (cell) cells[l.id] = cell;
  }
  return { key: 'printed', label: '', cells };
}

// ── navigation ─────────────────────────────────────────────────────────────────────────────────

/** The cells as laid out on screen, row by row; null where a printed row has no cell there. */
export type GridMap = (CellRef | null)[][];

export function gridMap(
  tableId: string,
  rows: Row[],
  leaves: LeafColumn[],
  byKey: Map<string, Row>,
): GridMap {
  return rows.map((row) =>
    leaves.map((l) => {
      const rowKey = l.row ?? row.key;
      const data = byKey.get(rowKey);
      return data && own(data.cells, l.column)
        ? { table: tableId, row: rowKey, column: l.column }
        : null;
    }),
  );
}
