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

// The report@1 types above keep ids and codes as strings: they also type what an import reads, and
// the schema lets other tools add tables, rules and codes. What this parser produces is narrower, and
// typed so, where it is made: a table definition's id, an equation's rule, an issue's or a failure's code.

/** The tables the parser reads (docs/templates.md §2). */
export type TableId = 'active' | 'requests' | 'appeals' | 'stats';

/** The checks the parser runs (docs/templates.md §3): the equations, and the prose against the tables. */
export type CheckRule = 'C1' | 'C2' | 'C3' | 'C4' | 'T1';

/** What the parser notes about a report it read (SPEC; docs/schema.md lists those other tools rely on). */
export type IssueCode =
  | 'ambiguous-layout'
  | 'cell-not-number'
  | 'decode-fallback'
  | 'decode-replaced'
  | 'docx-revisions'
  | 'duplicate-content'
  | 'extra-cells'
  | 'label-garbled'
  | 'nesting-flattened'
  | 'no-report-data'
  | 'number-out-of-range'
  | 'pdf-aligned-table'
  | 'pdf-page-unreadable'
  | 'pdf-page-without-text'
  | 'pdf-table-clipped'
  | 'pdf-unruled-table'
  | 'row-missing'
  | 'table-incomplete'
  | 'table-missing'
  | 'table-spans-ignored'
  | 'unknown-row'
  | 'year-conflict';

/** Why a file gave no report (a per-file error: the app's queue row, the CLI's error line). */
export type FailureCode =
  | 'empty-file'
  | 'binary-file'
  | 'file-too-large'
  | 'too-many-lines'
  | 'too-many-rows'
  | 'too-many-cells'
  | 'inflated-too-large'
  | 'corrupt-docx'
  | 'encrypted-docx'
  | 'corrupt-pdf'
  | 'encrypted-pdf'
  | 'no-text-layer'
  // Set around the parser, by the app's worker pool or the command line:
  | 'read-failed'
  | 'cancelled'
  | 'timeout'
  | 'parser-crash'
  | 'internal-error';

/** An issue as the parser makes it. */
export interface ParsedIssue extends Issue {
  code: IssueCode;
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
