import { foldLabel } from './fold';
import type { Field, ParsedIssue, Span } from './types';

// Report metadata (SPEC R7): who reports, on which year, and when it was published. Each value is
// read from the place a human would trust first — the title, the 统计时限 sentence, the page's own
// metadata — never from the first year-like number, because prose mentions many other years.

const YEAR = String.raw`(?<year>(?:19|20)\d{2})\s*年`;
// Characters an agency name can contain: no spaces, digits or punctuation, so a match cannot run
// into the sentence around it.
const AGENCY_CHAR = String.raw`[^\s\d|:：，,。；;、（）()《》〈〉“”"'‘’【】\[\]<>#*]`;
// A PDF line may wrap a title inside a word (`…政府信息公` / `开工作年度报告`): the report's name allows
// whitespace, a line break among it, between any two of its characters.
const loose = (words: string): string => [...words].join(String.raw`\s*`);
const REPORT = String.raw`(?:${loose('政府')})?(?:${loose('信息公开')}|${loose('政务公开')})\s*(?:${loose('工作')})?\s*(?:的)?\s*(?:${loose('年度')})?\s*(?:${loose('报告')}|${loose('年报')})`;
// 政府信息公开 right after the year is the report's name, not an agency.
const NOT_REPORT_NAME = '(?!政府信息|信息公开|政务公开)';

const TITLE_PREFIX = /(?:[ \t#*]|标题[ \t]*[:：])*/y;
const TITLE_AGENCY_FIRST = new RegExp(
  String.raw`(?<agency>${AGENCY_CHAR}{2,40}?)\s*${YEAR}(?:度)?\s*(?:的)?\s*${REPORT}(?=[\s|（(]|$)`,
  'dy',
);
const TITLE_YEAR_FIRST = new RegExp(
  String.raw`${YEAR}(?:度)?\s*(?:${NOT_REPORT_NAME}(?<agency>${AGENCY_CHAR}{1,40}?))?\s*${REPORT}(?=[\s|（(]|$)`,
  'dy',
);
const REPORT_PHRASE = new RegExp(
  String.raw`${YEAR}(?:度)?\s*(?:${NOT_REPORT_NAME}(?<agency>${AGENCY_CHAR}{2,30}?))?\s*${REPORT}`,
  'dg',
);
const AGENCY_FIELD =
  /发布机构[ \t]*[:：][ \t]*(?:\|[ \t]*)?(?<agency>[^|\n:：\s][^|\n:：]*?)[ \t]*(?=\||\n|$)/d;
// A title split over two lines puts the agency alone on the line above; only a name that ends like
// a government body is taken from there.
const BODY_NAME =
  /^[^\s\d|:：，,。；;、（）()《》“”]{2,40}(?:政府|局|委员会|委|办公室|办|中心|院|厅|所|站|署|处|部|会|馆|队|区|县|市|州|盟|旗|镇|乡|街道)$/;
// Words that start a sentence about the report rather than its author (我局2020年…, 本单位…).
const NOT_AGENCY = /^(?:我|本|全|各|该|现|对|将)/;

const STATISTICS_PERIOD = [
  new RegExp(
    String.raw`统计(?:时限|期限|时间|区间|周期|日期|范围)[^。]{0,15}?${YEAR}\s*0?1\s*月\s*0?1\s*日`,
    'd',
  ),
  new RegExp(String.raw`统计数据[^。]{0,6}?截[至止]\s*${YEAR}\s*12\s*月\s*31\s*日`, 'd'),
];

const DATE = String.raw`(?<y>(?:19|20)\d{2})\s*(?:年\s*(?<m1>\d{1,2})\s*月\s*(?<d1>\d{1,2})\s*日|[-/.](?<m2>\d{1,2})[-/.](?<d2>\d{1,2})(?!\d)|年?\s*(?<m3>\d{2})\s*月?\s*(?<d3>\d{2})\s*日)`;
// Page metadata labels, best first: the publication date, then the page's generation date, then
// the date the document was signed.
const DATE_LABELS: readonly RegExp[] = [
  /发布日期|发布时间|公布日期|公开日期/,
  /生成日期/,
  /(?<![\u4e00-\u9fff])时间/,
  /成文日期|印发日期|发文日期/,
];
const LABELLED_DATE = new RegExp(
  String.raw`(?<label>发布日期|发布时间|公布日期|公开日期|生成日期|成文日期|印发日期|发文日期|(?<![\u4e00-\u9fff])时间)[ \t]*[:：][ \t]*(?:\|[ \t]*)?${DATE}`,
  'dg',
);
const DATE_LINE = new RegExp(String.raw`^[ \t]*[(（]?[ \t]*${DATE}[ \t]*[)）]?[ \t]*$`, 'dgm');

const YEAR_MENTION = /(?<![\d.])((?:19|20)\d{2})\s*年/g;

export function extractMeta(text: string): {
  agency: Field<string>;
  year: Field<number>;
  published: Field<string>;
  issues: ParsedIssue[];
} {
  const title = findTitle(text);
  const agency = chooseAgency(text, title?.agency ?? null);
  const year = title?.year ?? statisticsYear(text) ?? phraseYear(text) ?? commonYear(text);
  const published = findPublished(text);
  const issues = year.value === null ? [] : yearConflicts(text, year.value, published.value);
  return { agency, year, published, issues };
}

interface Title {
  agency: Field<string> | null;
  year: Field<number>;
}

function findTitle(text: string): Title | null {
  for (let lineStart = 0; lineStart <= text.length;) {
    TITLE_PREFIX.lastIndex = lineStart;
    TITLE_PREFIX.exec(text);
    const at = TITLE_PREFIX.lastIndex;
    for (const re of [TITLE_AGENCY_FIRST, TITLE_YEAR_FIRST]) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m) continue;
      const agency = m.indices?.groups?.agency
        ? cleanAgency(text, m.indices.groups.agency)
        : agencyOnLineAbove(text, lineStart);
      return { agency, year: yearField(m) };
    }
    const next = text.indexOf('\n', lineStart);
    if (next < 0) break;
    lineStart = next + 1;
  }
  return null;
}

function agencyOnLineAbove(text: string, lineStart: number): Field<string> | null {
  const above = text.slice(0, Math.max(0, lineStart - 1)).replace(/\s+$/, '');
  const start = above.lastIndexOf('\n') + 1;
  const line = above.slice(start);
  const offset = line.length - line.trimStart().length;
  return BODY_NAME.test(line.trim()) ? cleanAgency(text, [start + offset, above.length]) : null;
}

// The agency as printed, without the words the title wraps around it (关于…的, …年度).
function cleanAgency(text: string, [start, end]: Span): Field<string> | null {
  let s = start;
  let e = end;
  if (text.startsWith('关于', s)) s += 2;
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of ['年度', '关于', '的']) {
      if (e - s > suffix.length && text.slice(e - suffix.length, e) === suffix) {
        e -= suffix.length;
        changed = true;
      }
    }
  }
  // `X人民政府信息公开年度报告`: the shortest reading leaves 政府 to the report's name.
  if (text.slice(e - 2, e) === '人民' && text.startsWith('政府', e)) e += 2;
  const value = text.slice(s, e);
  if (value.length < 2 || NOT_AGENCY.test(value)) return null;
  return { value, span: [s, e] };
}

// The page's 发布机构 field names the body that put the report online. When that is the general office
// of the body the title names (平潭综合实验区管委会办公室 for 平潭综合实验区), it published on that body's
// behalf, and the title's body is the one reporting; a department (某区行政审批局) reports for itself.
function chooseAgency(text: string, fromTitle: Field<string> | null): Field<string> {
  const m = AGENCY_FIELD.exec(text);
  const span = m?.indices?.groups?.agency;
  const fromField: Field<string> | null = span ? { value: text.slice(...span), span } : null;
  if (fromField && fromTitle) {
    const field = foldLabel(fromField.value ?? '');
    const titled = foldLabel(fromTitle.value ?? '');
    const generalOffice = field.startsWith(titled) && /(?:办公室|办公厅|政府办)$/.test(field);
    return generalOffice && field !== titled ? fromTitle : fromField;
  }
  return fromField ?? fromTitle ?? phraseAgency(text) ?? { value: null, span: null };
}

function phraseAgency(text: string): Field<string> | null {
  for (const m of text.matchAll(REPORT_PHRASE)) {
    const span = m.indices?.groups?.agency;
    const agency = span ? cleanAgency(text, span) : null;
    if (agency) return agency;
  }
  return null;
}

function yearField(m: RegExpExecArray): Field<number> {
  const span = m.indices?.groups?.year ?? null;
  return { value: Number(m.groups?.year), span };
}

function statisticsYear(text: string): Field<number> | null {
  for (const re of STATISTICS_PERIOD) {
    const m = re.exec(text);
    if (m) return yearField(m);
  }
  return null;
}

function phraseYear(text: string): Field<number> | null {
  const [first] = text.matchAll(REPORT_PHRASE);
  return first ? yearField(first) : null;
}

// Last resort: the year the prose mentions most, earliest on a tie.
function commonYear(text: string): Field<number> {
  const counts = new Map<number, { n: number; span: Span }>();
  for (const m of text.matchAll(YEAR_MENTION)) {
    const y = Number(m[1]);
    const entry = counts.get(y);
    if (entry) entry.n++;
    else counts.set(y, { n: 1, span: [m.index, m.index + 4] });
  }
  let best: Field<number> = { value: null, span: null };
  let bestCount = 0;
  for (const [y, { n, span }] of counts) {
    if (n > bestCount) {
      best = { value: y, span };
      bestCount = n;
    }
  }
  return best;
}

function findPublished(text: string): Field<string> {
  let best: { rank: number; field: Field<string> } | null = null;
  for (const m of text.matchAll(LABELLED_DATE)) {
    const label = m.groups?.label ?? '';
    const rank = DATE_LABELS.findIndex((re) => re.test(label));
    const field = dateField(m);
    if (field && (!best || rank < best.rank)) best = { rank, field };
  }
  return best?.field ?? closingDate(text) ?? { value: null, span: null };
}

// A date alone on a line, under the signature or at the very end, is the date the report was signed.
function closingDate(text: string): Field<string> | null {
  for (const m of text.matchAll(DATE_LINE)) {
    const field = dateField(m);
    if (!field) continue;
    const lineEnd = m.index + m[0].length;
    const atEnd = text.slice(lineEnd).trim() === '';
    const above = text.slice(0, m.index).replace(/\s+$/, '');
    const signature = above.slice(above.lastIndexOf('\n') + 1).trim();
    if (atEnd || BODY_NAME.test(signature)) return field;
  }
  return null;
}

function dateField(m: RegExpExecArray): Field<string> | null {
  const g = m.groups ?? {};
  const year = Number(g.y);
  const month = Number(g.m1 ?? g.m2 ?? g.m3);
  const day = Number(g.d1 ?? g.d2 ?? g.d3);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month))) return null;
  const start = m.indices?.groups?.y?.[0];
  const end = (m.indices?.groups?.d1 ?? m.indices?.groups?.d2 ?? m.indices?.groups?.d3)?.[1];
  if (start === undefined || end === undefined) return null;
  // Keep 日 in the span when the report printed it.
  const spanEnd = m.input.charAt(end) === '日' ? end + 1 : end;
  const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { value, span: [start, spanEnd] };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// A year later than the report could know of is a typo (2029年累计… in a report on 2020 published in
// 2021). Plans and ranges (到2025年, 2024－2027年, 2035年远景目标) look forward on purpose.
function yearConflicts(text: string, year: number, published: string | null): ParsedIssue[] {
  const ceiling = Math.max(year + 1, published ? Number(published.slice(0, 4)) : 0);
  const limit = published ? `发布日期${published}` : `报告年度${year}年的次年`;
  const issues: ParsedIssue[] = [];
  for (const m of text.matchAll(YEAR_MENTION)) {
    const y = Number(m[1]);
    if (y <= ceiling || looksForward(text, m.index, m.index + m[0].length)) continue;
    issues.push({
      code: 'year-conflict',
      severity: 'warning',
      message: `正文中的“${m[0]}”晚于${limit}，疑为笔误，已忽略；报告年度按${year}年`,
      span: [m.index, m.index + m[0].length],
    });
  }
  return issues;
}

function looksForward(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 4), start).replace(/\s+/g, '');
  if (/(?:[-－—~～、]|到|(?<!截)至|力争|争取|预计|计划|将|于)$/.test(before)) return true;
  if (/^\s*(?:底?前|以前|远景|目标|规划|计划|起)/.test(text.slice(end, end + 6))) return true;
  const open = text.lastIndexOf('《', start);
  return open >= 0 && text.lastIndexOf('》', start) < open && start - open < 60;
}
