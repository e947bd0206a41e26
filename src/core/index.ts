// The public surface of the core. Everything the worker, the CLI and the UI need comes from here.
// Heavy modules stay behind `import()` (pdf.js, papaparse, the schema validator): the loaders below,
// so that importing this index never puts them in the page's first load.
export type * from './types';
export { parseCellText } from './cells';
export { own } from './own';
export { cellAddress } from './address';
export { fromInertText, inertText } from './export/inert';
export { foldLabel } from './fold';
export { formatBytes, LIMITS, type Limits } from './limits';
export { parseReport, type ParseResult } from './report';
export { allChecksPassed, runChecks, tallyChecks, type CheckTally } from './checks';
export { ORGANISATION_COLUMNS, TEMPLATES } from './templates/national';
export {
  applyCellEdit,
  applyVerdict,
  changedCells,
  setReviewStatus,
  typedNotNumber,
  type Judgement,
} from './edits';
export { digestHex, sha256Hex } from './sha256';
export { serializeReport } from './export/json';
export { printedTables, type PrintedTable } from './formats/printed';
export type { PdfBox, PdfTextBoxes } from './formats/pdf';
export {
  acceptSuggestion,
  openSuggestions,
  rejectSuggestion,
  suggestFixes,
  type Suggestion,
} from './suggestions';
export {
  sameAgency,
  yearOverYear,
  type YearCheck,
  type YearReport,
  type YearSide,
} from './yearOverYear';

/** The PDF reader with pdf.js (SPEC R12), loaded when a PDF is read or its pages are shown. */
export const loadPdf = () => import('./formats/pdf');
/** The CSV export with papaparse, loaded on the first CSV export. */
export const loadCsv = () => import('./export/csv');
/** The report@1 validator for imports (`parseReportJson`), loaded on the first import. */
export const loadValidator = () => import('./export/validate');
