// The report@1 shape of docs/schema.md. Public contract:
// fields may be added, never renamed or dropped.

/** [start, end) in UTF-16 code units of the report's display text (`Report.text`). */
export type Span = [number, number];

export interface Field<T> {
  value: T | null;
  span: Span | null;
}

export type CellKind = 'number' | 'blank' | 'na' | 'text';
export type Confidence = 'high' | 'low';

export interface CellReading {
  value: number | null;
  raw: string;
}

export interface Cell {
  value: number | null;
  raw: string;
  kind: CellKind;
  span: Span | null;
  confidence: Confidence;
  /** The parser's reading, present once a reviewer changed the cell. */
  original?: CellReading;
}

export interface Column {
  key: string;
  label: string;
}

export interface Row {
  key: string;
  label: string;
  cells: Record<string, Cell>;
}

export interface Table {
  id: string;
  title: string;
  columns: Column[];
  rows: Row[];
}

export interface Fact {
  key: string;
  value: number | null;
  unit: string | null;
  approximate: boolean;
  cumulative: boolean;
  span: Span;
  sentence: Span;
}

export interface CellRef {
  table: string;
  row: string;
  column: string;
}

export type CheckStatus = 'pass' | 'fail' | 'uncertain';
export type Verdict = 'parse-error' | 'source-error' | 'dismissed';

export interface Check {
  id: string;
  rule: string;
  status: CheckStatus;
  /** The sum of the `left` side (the components; for T1 the prose figure); null when an operand has no number. */
  expected: number | null;
  /** The sum of the `right` side (the printed total); null when an operand has no number. */
  actual: number | null;
  cells: CellRef[];
  /** Added to report@1: the two sides of the equation, so it can be shown as arithmetic. */
  left: CellRef[];
  right: CellRef[];
  /** Added to report@1: for a text-against-table check (T1), the prose figure on the left side. */
  fact?: { key: string; value: number; span: Span };
  verdict?: Verdict;
  comment?: string;
}

export type Severity = 'info' | 'warning' | 'error';

export interface Issue {
  code: string;
  severity: Severity;
  message: string;
  span: Span | null;
}

export interface Edit {
  at: string;
  table: string;
  row: string;
  column: string;
  from: CellReading;
  to: CellReading;
}

export type SourceFormat = 'text' | 'html' | 'docx' | 'pdf';
export type TemplateId = '2021' | '2019' | 'stats' | 'narrative' | 'unknown';
export type ReviewStatus = 'unreviewed' | 'in-progress' | 'reviewed';

export interface Source {
  name: string;
  sha256: string;
  bytes: number;
  format: SourceFormat;
  encoding: string;
}

export interface Meta {
  agency: Field<string>;
  year: Field<number>;
  template: TemplateId;
  published: Field<string>;
}

export interface Report {
  schema: 'nianbao/report@1';
  parser: { name: string; version: string };
  source: Source;
  meta: Meta;
  tables: Table[];
  facts: Fact[];
  checks: Check[];
  issues: Issue[];
  edits: Edit[];
  /**
   * `updatedAt` is null until a reviewer acts, so that parsing stays deterministic. Added to report@1:
   * `rejectedSuggestions`, the ids of split/joined-digit suggestions the reviewer turned down.
   */
  review: { status: ReviewStatus; updatedAt: string | null; rejectedSuggestions?: string[] };
  /** Added to report@1: the display text every span points into, so an export is self-contained. */
  text: string;
}

/** What `npm run parse` prints for a file it could not read. */
export interface ParseFailure {
  source: { name: string };
  error: { code: string; message: string };
}
