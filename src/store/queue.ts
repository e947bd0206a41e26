import { tallyChecks, type Check, type CheckTally, type Report, type ReviewStatus } from '../core';
import type { QueueEntry } from './reviewStore';

export type QueueFilter = 'all' | 'todo' | 'reviewed' | 'error';
export type QueueSort = 'attention' | 'name' | 'agency' | 'year';

/** A failing check the reviewer has not judged yet: what "next problem" goes to. */
function isProblem(check: Check): boolean {
  return check.status === 'fail' && check.verdict === undefined;
}

// Reports are immutable, so a summary is computed once per version of a report: the queue sorts a
// thousand of them on every change of the store.
const summaries = new WeakMap<Report, CheckTally>();

export function summarize(report: Report): CheckTally {
  let summary = summaries.get(report);
  if (!summary) {
    summary = tallyChecks(report);
    summaries.set(report, summary);
  }
  return summary;
}

/** Checks that could not run, or a table cut short: the report only looks clean. */
function isUnsure(summary: CheckTally): boolean {
  return summary.openUncertain > 0 || summary.incomplete;
}

/** Whether the reviewer has done anything to the report (an edit, a verdict, a status). */
export function hasReviewerWork(entry: QueueEntry): boolean {
  return (entry.report?.review.updatedAt ?? null) !== null;
}

function needsReview(entry: QueueEntry): boolean {
  if (entry.status === 'error') return false;
  if (!entry.report) return true;
  return entry.report.review.status !== 'reviewed' || summarize(entry.report).openFailing > 0;
}

const FILTERS: Record<QueueFilter, (entry: QueueEntry) => boolean> = {
  all: () => true,
  todo: needsReview,
  reviewed: (entry) => entry.status !== 'error' && entry.report?.review.status === 'reviewed',
  error: (entry) => entry.status === 'error',
};

const REVIEW_RANK: Record<ReviewStatus, number> = { unreviewed: 0, 'in-progress': 1, reviewed: 2 };
// Reports to work on first; files still parsing next; what cannot be reviewed at all last.
const STATUS_RANK: Record<QueueEntry['status'], number> = { ready: 0, parsing: 1, error: 2 };

const collator = new Intl.Collator('zh-CN', { numeric: true });

type Compare = (a: QueueEntry, b: QueueEntry) => number;

/** Missing values after present ones, whatever the direction. */
function byValue<T>(get: (entry: QueueEntry) => T | null, compare: (a: T, b: T) => number) {
  return (a: QueueEntry, b: QueueEntry): number => {
    const x = get(a);
    const y = get(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return compare(x, y);
  };
}

const openFailing = (entry: QueueEntry) => (entry.report ? summarize(entry.report).openFailing : 0);
const unsure = (entry: QueueEntry) => entry.report !== null && isUnsure(summarize(entry.report));

const SORTS: Record<QueueSort, Compare> = {
  // Failing checks first, then reports whose checks could not all run: a report that only looks
  // clean because nothing could be checked is not done.
  attention: (a, b) =>
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    openFailing(b) - openFailing(a) ||
    Number(unsure(b)) - Number(unsure(a)) ||
    (a.report ? REVIEW_RANK[a.report.review.status] : 0) -
      (b.report ? REVIEW_RANK[b.report.review.status] : 0),
  name: (a, b) => collator.compare(a.name, b.name),
  agency: byValue((e) => e.report?.meta.agency.value ?? null, collator.compare),
  year: byValue(
    (e) => e.report?.meta.year.value ?? null,
    (x, y) => x - y,
  ),
};

/** What the queue's order depends on. */
export interface QueueState {
  order: readonly string[];
  entries: Readonly<Record<string, QueueEntry>>;
  queueFilter: QueueFilter;
  queueSort: QueueSort;
  queueSearch: string;
  /** The entries as they were when the queue was last sorted; newer ones are taken as they are. */
  queueSnapshot: Readonly<Record<string, QueueEntry>>;
}

// The queue is sorted and filtered on the entries as they were when the reviewer last moved on
// (or files came, or finished parsing, or the filter or sort changed), not on every edit: else the
// report being worked on would move away under the reviewer, and J would skip the reports it
// passed on the way.
let last: { key: unknown[]; ids: string[] } | null = null;

/** The ids the queue shows, filtered and sorted; ties keep the order the files came in. */
export function visibleOrder(state: QueueState): string[] {
  const key = [
    state.order,
    state.queueFilter,
    state.queueSort,
    state.queueSearch,
    state.queueSnapshot,
    // A search matches the agency and year, which a file has only once it is parsed.
    state.queueSearch === '' ? null : state.entries,
  ];
  if (last && last.key.every((part, i) => part === key[i])) return last.ids;
  const ids = computeOrder(state);
  last = { key, ids };
  return ids;
}

/** Case and full-width forms folded (`ＰＤＦ`, `２０２２` are `pdf`, `2022`), as a reviewer types them. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Whether every word searched for is in the file's name, agency or year. */
function matches(entry: QueueEntry, words: readonly string[]): boolean {
  const meta = entry.report?.meta;
  const haystack = fold([entry.name, meta?.agency.value ?? '', meta?.year.value ?? ''].join('\n'));
  return words.every((word) => haystack.includes(word));
}

function computeOrder(state: QueueState): string[] {
  const { order, entries, queueSnapshot } = state;
  const filter = FILTERS[state.queueFilter];
  const words = fold(state.queueSearch).split(/\s+/).filter(Boolean);
  const shown = order.flatMap((id, index) => {
    const entry = queueSnapshot[id] ?? entries[id];
    const live = entries[id];
    return entry && filter(entry) && live && matches(live, words) ? [{ entry, index }] : [];
  });
  const compare = SORTS[state.queueSort];
  shown.sort((a, b) => compare(a.entry, b.entry) || a.index - b.index);
  return shown.map(({ entry }) => entry.id);
}

/**
 * The report after (1) or before (-1) the current one, stopping at the ends; from a report the
 * queue does not show, the first or the last.
 */
export function adjacentId(
  ids: readonly string[],
  current: string | null,
  step: 1 | -1,
): string | null {
  const at = current === null ? -1 : ids.indexOf(current);
  if (at < 0) return (step === 1 ? ids[0] : ids[ids.length - 1]) ?? null;
  return ids[Math.min(ids.length - 1, Math.max(0, at + step))] ?? null;
}

export interface ProblemPlace {
  reportId: string;
  checkId: string;
}

/**
 * The next (1) or previous (-1) problem after the current place, through the reports in the order
 * the queue shows them, going round. Without a selected check the place is just before the current
 * report's first check; a check that is no longer a problem (it was just judged) still marks a place.
 */
export function adjacentProblem(
  ids: readonly string[],
  entries: Readonly<Record<string, QueueEntry>>,
  current: { reportId: string | null; checkId: string | null },
  step: 1 | -1,
): ProblemPlace | null {
  const reportAt = current.reportId === null ? -1 : ids.indexOf(current.reportId);
  const currentReport = reportAt < 0 ? null : entries[ids[reportAt] ?? '']?.report;
  const checkAt = currentReport?.checks.findIndex((c) => c.id === current.checkId) ?? -1;
  // Places compare as (report index, check index); -0.5 sits before a report's first check.
  const here = [reportAt, checkAt < 0 ? -0.5 : checkAt] as const;
  const after = (r: number, c: number) => r > here[0] || (r === here[0] && c > here[1]);

  let firstPlace: ProblemPlace | null = null;
  let lastPlace: ProblemPlace | null = null;
  let before: ProblemPlace | null = null;
  for (const [r, id] of ids.entries()) {
    const report = entries[id]?.report;
    if (!report || summarize(report).openFailing === 0) continue;
    for (const [c, check] of report.checks.entries()) {
      if (!isProblem(check)) continue;
      const place = { reportId: id, checkId: check.id };
      firstPlace ??= place;
      lastPlace = place;
      if (after(r, c)) {
        if (step === 1) return place;
      } else if (r !== here[0] || c !== here[1]) {
        before = place;
      }
    }
  }
  return step === 1 ? firstPlace : (before ?? lastPlace);
}
