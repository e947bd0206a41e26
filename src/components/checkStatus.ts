import { allChecksPassed, type CheckTally } from '../core';
import { t } from '../i18n';

/** bad: failing checks to judge, or no report; unsure: checks that could not run, a table cut short. */
type StatusTone = 'bad' | 'unsure' | 'good' | 'none';

interface StatusPart {
  /** `2 项校验未通过（已判定 1 项）`, `5 项无法判断`, `表不完整`, or the one word for all or nothing. */
  text: string;
  tone: StatusTone;
}

export interface StatusLine {
  /** The tone of the whole: the worst of its parts. */
  tone: StatusTone;
  icon: string;
  parts: StatusPart[];
}

const ICONS: Record<StatusTone, string> = { bad: '⚠', unsure: '?', good: '✓', none: '' };

function counted(
  total: number,
  open: number,
  words: (n: number) => string,
  tone: StatusTone,
): StatusPart[] {
  if (total === 0) return [];
  const judged = open < total ? t.judgedCount(total - open) : '';
  return [{ text: `${words(total)}${judged}`, tone: open > 0 ? tone : 'good' }];
}

/**
 * What the checks showed, never more: 校验全部通过 only when every check ran and passed (SPEC R6.11);
 * checks that could not run and tables cut short are said, beside the failing count.
 */
export function statusLine(tally: CheckTally): StatusLine {
  if (tally.noData) {
    return { tone: 'bad', icon: ICONS.bad, parts: [{ text: t.noReportData, tone: 'bad' }] };
  }
  const parts: StatusPart[] = [
    ...counted(tally.failing, tally.openFailing, t.failingChecks, 'bad'),
    ...counted(tally.uncertain, tally.openUncertain, t.uncertainChecks, 'unsure'),
    ...(tally.incomplete ? [{ text: t.tableIncomplete, tone: 'unsure' as const }] : []),
  ];
  if (allChecksPassed(tally)) parts.push({ text: t.allPassed, tone: 'good' });
  if (parts.length === 0) parts.push({ text: t.noChecks, tone: 'none' });
  const tone =
    (['bad', 'unsure', 'good'] as const).find((worst) =>
      parts.some((part) => part.tone === worst),
    ) ?? 'none';
  return { tone, icon: ICONS[tone], parts };
}

export interface Badge {
  text: string;
  title: string;
  tone: StatusTone;
}

/**
 * A queue row's badges: failing checks (⚠ 2 not judged, ✓ 2 all judged), and beside them what could
 * not be checked (表不完整, or 5 项无法判断), so that such a report never looks as clean as one whose
 * checks passed. A file with no report data has none: its row is an error row that says so.
 */
export function queueBadges(tally: CheckTally): { failing: Badge | null; unsure: Badge | null } {
  let failing: Badge | null = null;
  if (tally.openFailing > 0) {
    const title = t.problemsBadge(tally.openFailing);
    failing = { text: `⚠ ${tally.openFailing}`, title, tone: 'bad' };
  } else if (tally.failing > 0) {
    failing = { text: `✓ ${tally.failing}`, title: t.judgedBadge(tally.failing), tone: 'none' };
  }
  let unsure: Badge | null = null;
  if (tally.incomplete) {
    unsure = { text: t.tableIncomplete, title: t.incompleteBadge, tone: 'unsure' };
  } else if (tally.openUncertain > 0) {
    const title = t.uncertainBadge(tally.openUncertain);
    unsure = { text: t.uncertainChecks(tally.openUncertain), title, tone: 'unsure' };
  }
  return { failing, unsure };
}
