// The public surface of the core. Everything the worker, the CLI and the UI need comes from here.
export type * from './types';
export { parseCellText } from './cells';
export { own } from './own';
export { foldLabel } from './fold';
export { LIMITS, type Limits } from './limits';
export { parseReport, type ParseResult } from './report';
export { allChecksPassed, runChecks, tallyChecks, type CheckTally } from './checks';
export { TEMPLATES } from './templates/national';
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
