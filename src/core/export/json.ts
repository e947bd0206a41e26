// report@1 as a file: one canonical serialisation (docs/schema.md). Reading it back is validate.ts.
import type {
  Cell,
  CellReading,
  CellRef,
  Check,
  Column,
  Edit,
  Fact,
  Field,
  Issue,
  Report,
  Row,
  Table,
} from '../types';

// Each builder lists its keys in the contract's order, so the output does not depend on how the
// object was assembled; the return types make the compiler catch a forgotten required key.
// Optional keys are set to undefined when absent, which JSON.stringify leaves out.

const reading = ({ value, raw }: CellReading): CellReading => ({ value, raw });

const field = <T>({ value, span }: Field<T>): Field<T> => ({ value, span });

const cellRef = ({ table, row, column }: CellRef): CellRef => ({ table, row, column });

const cell = (c: Cell): Cell => ({
  value: c.value,
  raw: c.raw,
  kind: c.kind,
  span: c.span,
  confidence: c.confidence,
  original: c.original && reading(c.original),
});

// Cells follow the table's column order; a cell without a column cannot be placed by it, so such
// cells go last, sorted.
function row({ key, label, cells }: Row, columnOrder: readonly string[]): Row {
  const rank = (k: string): number => {
    const i = columnOrder.indexOf(k);
    return i < 0 ? columnOrder.length : i;
  };
  const ordered = Object.entries(cells).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1));
  return { key, label, cells: Object.fromEntries(ordered.map(([k, c]) => [k, cell(c)])) };
}

function table({ id, title, columns, rows }: Table): Table {
  const columnOrder = columns.map((c) => c.key);
  return {
    id,
    title,
    columns: columns.map(({ key, label }): Column => ({ key, label })),
    rows: rows.map((r) => row(r, columnOrder)),
  };
}

const fact = ({ key, value, unit, approximate, cumulative, span, sentence }: Fact): Fact => ({
  key,
  value,
  unit,
  approximate,
  cumulative,
  span,
  sentence,
});

const check = (c: Check): Check => ({
  id: c.id,
  rule: c.rule,
  status: c.status,
  expected: c.expected,
  actual: c.actual,
  cells: c.cells.map(cellRef),
  left: c.left.map(cellRef),
  right: c.right.map(cellRef),
  fact: c.fact && { key: c.fact.key, value: c.fact.value, span: c.fact.span },
  verdict: c.verdict,
  comment: c.comment,
});

const issue = ({ code, severity, message, span }: Issue): Issue => ({
  code,
  severity,
  message,
  span,
});

const edit = ({ at, table, row, column, from, to }: Edit): Edit => ({
  at,
  table,
  row,
  column,
  from: reading(from),
  to: reading(to),
});

// Fields added to the top level by a later version (the schema allows them there) are kept, after
// the known ones, with their keys sorted at every depth since no order is known for them.
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortedKeys(v)]));
}

/**
 * One line of canonical JSON; `serializeReport(JSON.parse(s)) === s` for any `s` it returns. Throws on
 * a non-finite number (SPEC R9.8), a programmer's error.
 */
export function serializeReport(report: Report): string {
  const { source, meta, review } = report;
  const known: Report = {
    schema: report.schema,
    parser: { name: report.parser.name, version: report.parser.version },
    source: {
      name: source.name,
      sha256: source.sha256,
      bytes: source.bytes,
      format: source.format,
      encoding: source.encoding,
    },
    meta: {
      agency: field(meta.agency),
      year: field(meta.year),
      template: meta.template,
      published: field(meta.published),
    },
    tables: report.tables.map(table),
    facts: report.facts.map(fact),
    checks: report.checks.map(check),
    issues: report.issues.map(issue),
    edits: report.edits.map(edit),
    review: {
      status: review.status,
      updatedAt: review.updatedAt,
      rejectedSuggestions: review.rejectedSuggestions?.length
        ? [...review.rejectedSuggestions]
        : undefined,
    },
    text: report.text,
  };
  const added = Object.entries(report).filter(([k]) => !Object.hasOwn(known, k));
  return JSON.stringify({ ...known, ...(sortedKeys(Object.fromEntries(added)) as object) }, finite);
}

// JSON.stringify writes NaN and ±Infinity as null, which the schema refuses for a number cell and
// which would read back as blank: the parser never makes one (SPEC R4.6), so one here is a bug.
function finite(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new Error(`report@1 cannot hold ${key} = ${value}`);
  return value;
}
