import type { CheckRule, TableId } from '../types';
import { APPEAL_COLUMNS, REQUEST_COLUMNS, isOutcomeRow } from './national';

/** The keys of an equation's side: listed, or 表三's outcome rows as the table prints them. */
export type EquationKeys = readonly string[] | 'outcome-rows';

/**
 * A sum the national forms promise (docs/templates.md §3, SPEC R6). The one list below is what the
 * checks run (runChecks), what places values whose cells ran together (placement scoring, SPEC R5.4),
 * and what a split-digit suggestion must satisfy (a row's own equation, SPEC R6.9).
 */
export interface Equation {
  rule: Exclude<CheckRule, 'T1'>;
  table: TableId;
  /**
   * `row`: in each row, the left columns add up to the right ones (one check per row).
   * `column`: in each column, the left rows add up to the right rows (one check per column).
   */
  within: 'row' | 'column';
  left: EquationKeys;
  right: readonly string[];
  /**
   * When a `column` equation is checked at all: when the table prints any of its rows, or only when
   * it prints a row of each side.
   */
  runsWhen?: 'any-row' | 'both-sides';
}

const partsOf = (columns: readonly { key: string }[]) =>
  columns.filter((column) => column.key !== 'total').map((column) => column.key);

export const EQUATIONS: readonly Equation[] = [
  {
    rule: 'C1',
    table: 'requests',
    within: 'column',
    left: ['newReceived', 'carriedOver'],
    right: ['totalProcessed', 'carriedForward'],
    runsWhen: 'any-row',
  },
  {
    rule: 'C2',
    table: 'requests',
    within: 'column',
    left: 'outcome-rows',
    right: ['totalProcessed'],
    runsWhen: 'both-sides',
  },
  {
    rule: 'C3',
    table: 'requests',
    within: 'row',
    left: partsOf(REQUEST_COLUMNS),
    right: ['total'],
  },
  {
    rule: 'C4',
    table: 'appeals',
    within: 'row',
    left: partsOf(APPEAL_COLUMNS),
    right: ['total'],
  },
];

/** The keys a side names, given the keys the table has (outcome rows in the table's order). */
export function sideKeys(keys: EquationKeys, present: readonly string[]): readonly string[] {
  return keys === 'outcome-rows' ? present.filter(isOutcomeRow) : keys;
}

/** The equations over one table, in the order of EQUATIONS. */
export function equationsOf(table: TableId): readonly Equation[] {
  return EQUATIONS.filter((equation) => equation.table === table);
}

/** The rules whose check covers one row of its table: those a split of a row's digits must satisfy. */
export const ROW_RULES: ReadonlySet<string> = new Set(
  EQUATIONS.filter((equation) => equation.within === 'row').map((equation) => equation.rule),
);
