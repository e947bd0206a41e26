import type { Report } from '../core';

/** A table's id, or one of the two lists. */
export type TabId = string;

export const FACTS_TAB = 'facts';
export const ISSUES_TAB = 'issues';

// The printed order of the national form, whatever order the document had them in.
const PRINTED_ORDER = ['active', 'requests', 'appeals'];

export function tabOrder(report: Report): TabId[] {
  const ids = report.tables.map((t) => t.id);
  const known = PRINTED_ORDER.filter((id) => ids.includes(id));
  const others = ids.filter((id) => !PRINTED_ORDER.includes(id));
  return [...known, ...others, FACTS_TAB, ISSUES_TAB];
}

/** The first table, or the facts when the report is prose only. */
export function defaultTab(report: Report): TabId {
  return tabOrder(report)[0] ?? FACTS_TAB;
}
