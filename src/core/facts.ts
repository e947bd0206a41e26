import { exactNumber } from './cells';
import type { Fact, Span } from './types';

// Figures stated in sentences (SPEC R8). Reports phrase the same figure many ways; each pattern below
// names the key's subject, then the number with its counting word, so that a number about something
// else in the same sentence (办件量, 浏览次数, 建议提案) is never taken for it.

type FactKey =
  | 'activeDisclosed'
  | 'requestsReceived'
  | 'requestsCarriedForward'
  | 'reviewCases'
  | 'litigationCases'
  | 'feesCollected';

const KEY_ORDER: readonly FactKey[] = [
  'activeDisclosed',
  'requestsReceived',
  'requestsCarriedForward',
  'reviewCases',
  'litigationCases',
  'feesCollected',
];

// Chinese numerals are accepted only where a counting word follows (every pattern demands one), so
// `一是…` or `二、` never read as numbers.
const QUANTITY = String.raw`(?<pre>约|大约|将近|近|超过|逾)?\s*(?<num>[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+)\s*(?<post>余|多)?\s*`;
const CONNECT = '(?:共计|共|合计|总计|累计|计|为|达到|达)*';
const unit = (units: string): string => `(?<unit>${units})(?<tail>左右|以上)?`;
const CASE_UNITS = '件|起|宗|个|次';
const NOT_CLAUSE = '[^，,。；;：:！？!?\\n]';

interface Pattern {
  key: FactKey;
  re: RegExp;
  /** Rejects a match whose wording shows it is about something else. */
  accept?: (groups: Record<string, string | undefined>) => boolean;
}

const PATTERNS: readonly Pattern[] = [
  {
    // 应主动公开 names a category of information in a breakdown, not an amount disclosed.
    key: 'activeDisclosed',
    re: new RegExp(
      String.raw`(?<!应)主动(?:向${NOT_CLAUSE}{1,20}?)?公开(?:了|的)?(?:[^，,。；;：:！？!?\n\d]{0,12}?政府信息|信息)(?:的)?(?:数量|总数|总量|数)?${CONNECT}${QUANTITY}${unit('条|件|篇|个|项')}`,
      'gd',
    ),
  },
  {
    key: 'activeDisclosed',
    re: new RegExp(
      String.raw`(?<!应)主动公开(?:了|的)?${QUANTITY}${unit('条|件|篇|个')}(?:政府)?信息`,
      'gd',
    ),
  },
  {
    // A verb of receipt, then the request; 受理网上复工申请 or 收到建议、提案 are other business.
    key: 'requestsReceived',
    re: new RegExp(
      String.raw`(?:收到|接到|受理|接收|收悉)(?<gap>${NOT_CLAUSE}{0,30}?)申请(?:数量|总数|数)?${CONNECT}${QUANTITY}${unit(`${CASE_UNITS}|条|份`)}`,
      'gd',
    ),
    accept: ({ gap = '' }) => /公开|信息/.test(gap) && !/复议|诉讼|投诉|举报/.test(gap),
  },
  {
    key: 'requestsReceived',
    re: new RegExp(
      String.raw`(?:收到|接到|受理|接收)(?:共)?${QUANTITY}${unit('件|个|份')}(?:政府信息公开|信息公开|公开)?申请`,
      'gd',
    ),
  },
  {
    // 办结/答复依申请公开 counts what was handled, which includes last year's carry-over.
    key: 'requestsReceived',
    re: new RegExp(
      String.raw`(?<!办结|答复|处理)依申请公开(?:政府)?信息${CONNECT}${QUANTITY}${unit(`${CASE_UNITS}|条`)}`,
      'gd',
    ),
  },
  {
    // 结转下年度（继续）办理N件: requests carried into next year, 表三 四、.
    key: 'requestsCarriedForward',
    re: new RegExp(
      String.raw`结转(?:至|到)?下(?:一)?年度?(?:继续)?(?:办理|处理)(?:的)?(?:申请)?${CONNECT}${QUANTITY}${unit(CASE_UNITS)}`,
      'gd',
    ),
  },
  {
    key: 'reviewCases',
    re: new RegExp(
      String.raw`行政复议(?:案件|申请)?(?:数量|总数|数)?${CONNECT}${QUANTITY}${unit(CASE_UNITS)}`,
      'gd',
    ),
  },
  {
    key: 'litigationCases',
    re: new RegExp(
      String.raw`行政诉讼(?:案件)?(?:数量|总数|数)?${CONNECT}${QUANTITY}${unit(CASE_UNITS)}`,
      'gd',
    ),
  },
  {
    // 行政事业性收费 is a table row about other fees; 收费标准 is a tariff, not money collected.
    key: 'feesCollected',
    re: new RegExp(
      String.raw`(?<!行政事业性)(?:收取|收费)(?<gap>[^，,。；;：:！？!?\n\d]{0,12}?)${CONNECT}${QUANTITY}${unit('万元|千元|元')}`,
      'gd',
    ),
    accept: ({ gap = '' }) => !gap.includes('标准'),
  },
];

// Words that say something did not happen. 无 is too common on its own (无差评, 无正当理由, 无法提供),
// so it counts only before the words that introduce the missing thing.
const NONE =
  /(?<neg>尚未|从未|均未|暂未|并未|没有|暂不|暂无|均无|并无|未|没|不|免|无(?=因|有关|任何|相关|涉及|关于|收取|收费|政府信息公开|申请))(?<verb>收到|接到|接收|受理|发生|出现|产生|收取|收费|收)?/dg;
const VERB_REQUIRED = new Set(['尚未', '从未', '均未', '暂未', '并未', '未', '没']);
const FEE_ONLY = new Set(['暂不', '不', '免']);
const RECEIPT_VERBS = new Set(['收到', '接到', '接收', '受理', '发生', '出现', '产生']);
// 未发生…被行政复议纠错 / 行政诉讼败诉 denies an outcome, not the cases.
const OUTCOME = /^.{0,4}?(?:纠错|纠正|撤销|败诉|确认违法|被改变)/;

// A section heading followed by nothing but 无: the heading says what there was none of.
const HEADING_THEN_NONE =
  /^[ \t]*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\d+[、.．])(?<title>[^\n]{2,60})\n(?:[ \t]*\n)*[ \t]*(?<none>无|没有|暂无)[ \t]*[。.]?[ \t]*$/dgm;

const HEADING_START =
  /^\s*(?:#+\s*|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+(?:部分|章|节))/;

/** Prose figures in document order (SPEC R8). Facts overlapping `exclude` (table regions) are dropped. */
export function extractFacts(text: string, exclude: Span[]): Fact[] {
  const found: Fact[] = [];
  const add = (fact: Fact): void => {
    if (exclude.some(([s, e]) => fact.span[0] < e && s < fact.span[1])) return;
    found.push(fact);
  };

  for (const pattern of PATTERNS) {
    for (const m of text.matchAll(pattern.re)) {
      const fact = quantityFact(text, pattern, m);
      if (fact) add(fact);
    }
  }
  for (const m of text.matchAll(NONE)) {
    for (const fact of noneFacts(text, m)) add(fact);
  }
  for (const m of text.matchAll(HEADING_THEN_NONE)) {
    const span = groupSpan(m, 'none');
    const title = m.groups?.title ?? '';
    for (const key of keysForHeading(title)) {
      add(zeroFact(key, span, sentenceAround(text, span[0], span[1])));
    }
  }

  const seen = new Set<string>();
  return found
    .sort(
      (a, b) =>
        a.span[0] - b.span[0] ||
        a.span[1] - b.span[1] ||
        KEY_ORDER.indexOf(a.key as FactKey) - KEY_ORDER.indexOf(b.key as FactKey),
    )
    .filter((fact) => {
      const id = `${fact.key}:${fact.span[0]}:${fact.span[1]}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
}

function quantityFact(text: string, pattern: Pattern, m: RegExpExecArray): Fact | null {
  const groups = m.groups ?? {};
  if (pattern.accept && !pattern.accept(groups)) return null;
  const value = parseQuantity(groups.num ?? '');
  const start = m.indices?.groups?.pre?.[0] ?? groupSpan(m, 'num')[0];
  const end = m.indices?.groups?.tail?.[1] ?? groupSpan(m, 'unit')[1];
  const matchStart = m.index;
  const clauseStart = boundaryBefore(text, matchStart, CLAUSE_END);
  const clauseHead = text.slice(clauseStart, matchStart);
  // 各乡镇/县直各单位主动公开… are parts of the total, which the report states elsewhere.
  if (
    pattern.key === 'activeDisclosed' &&
    clauseHead.includes('各') &&
    !clauseHead.includes('全')
  ) {
    return null;
  }
  const sentence = sentenceAround(text, matchStart, end);
  return {
    key: pattern.key,
    value,
    unit: groups.unit ?? null,
    approximate: Boolean(groups.pre ?? groups.post ?? groups.tail),
    cumulative: isCumulative(text, sentence[0], clauseStart, end),
    span: [start, end],
    sentence,
  };
}

// 累计 marks a running total; so does 截至… with 共/已, unless the clause says it is this year's
// (截至2017年12月31日，全区本年主动公开…共37500余条).
function isCumulative(
  text: string,
  sentenceStart: number,
  clauseStart: number,
  end: number,
): boolean {
  const clause = text.slice(clauseStart, end);
  if (/累计|累积|历年/.test(clause)) return true;
  if (/本年|今年|全年|当年/.test(clause)) return false;
  return /截[至止]/.test(text.slice(sentenceStart, end)) && /共|已|总/.test(clause);
}

function noneFacts(text: string, m: RegExpExecArray): Fact[] {
  const neg = m.groups?.neg ?? '';
  const verb = m.groups?.verb;
  if (VERB_REQUIRED.has(neg) && !verb) return [];
  // 免费公开发放 is a free handout, not a statement about fees for disclosure.
  if (FEE_ONLY.has(neg) && !(verb === '收取' || verb === '收费' || verb === '收')) return [];
  if (neg === '没' && !(verb === '收到' || verb === '接到' || verb === '发生' || verb === '出现')) {
    return [];
  }
  const span: Span = [m.index, m.index + m[0].length];
  // What was denied follows within a few words; a digit means the clause has run into a table.
  const rest = (
    text
      .slice(span[1], boundaryAfter(text, span[1], CLAUSE_END))
      .replace(/\s+/g, '')
      .split(/[0-9]/, 1)[0] ?? ''
  ).slice(0, 40);
  const sentence = sentenceAround(text, span[0], span[1]);
  return keysDenied(verb, rest, text.slice(sentence[0], sentence[1])).map((key) =>
    zeroFact(key, span, sentence),
  );
}

function keysDenied(verb: string | undefined, rest: string, sentence: string): FactKey[] {
  const review = rest.search(/行政复议/);
  const litigation = rest.search(/行政诉讼|提起诉讼/);
  if (review >= 0 || litigation >= 0) {
    const keys: FactKey[] = [];
    if (review >= 0 && !OUTCOME.test(rest.slice(review + 4))) keys.push('reviewCases');
    if (litigation >= 0 && !OUTCOME.test(rest.slice(litigation + 4))) keys.push('litigationCases');
    return keys;
  }
  const aboutFees =
    verb === '收取' || verb === '收费' || verb === '收'
      ? `${verb}${rest}`.includes('费')
      : /收费|费用|处理费/.test(rest);
  if (aboutFees) return /公开|信息|申请/.test(sentence) ? ['feesCollected'] : [];
  if (verb !== undefined && !RECEIPT_VERBS.has(verb)) return [];
  // The request must be the object: 政府信息公开申请, 要求公开政府信息的申请.
  if (/(?:公开|信息).{0,3}申请/.test(rest) && !/投诉|举报/.test(rest)) {
    return ['requestsReceived'];
  }
  return [];
}

function keysForHeading(title: string): FactKey[] {
  if (/复议|诉讼/.test(title)) {
    return [
      ...(title.includes('复议') ? (['reviewCases'] as const) : []),
      ...(title.includes('诉讼') ? (['litigationCases'] as const) : []),
    ];
  }
  if (title.includes('收费')) return ['feesCollected'];
  if (title.includes('申请')) return ['requestsReceived'];
  return [];
}

function zeroFact(key: FactKey, span: Span, sentence: Span): Fact {
  return { key, value: 0, unit: null, approximate: false, cumulative: false, span, sentence };
}

function groupSpan(m: RegExpExecArray, name: string): Span {
  const span = m.indices?.groups?.[name];
  if (!span) throw new Error(`pattern lacks group ${name}`);
  return span;
}

// A figure no double holds exactly has no value: the fact is kept, and T1 leaves it out (SPEC R4.6).
function parseQuantity(raw: string): number | null {
  if (/^[0-9０-９]/.test(raw)) return exactNumber(raw.normalize('NFKC').replace(/,/g, ''));
  const value = parseChineseNumber(raw);
  return Number.isSafeInteger(value) ? value : null;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

function parseChineseNumber(raw: string): number {
  const chars = [...raw];
  // Digit by digit, as in 二〇一二.
  if (!chars.some((c) => c in CN_UNITS)) return Number(chars.map((c) => CN_DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of chars) {
    const d = CN_DIGITS[c];
    const u = CN_UNITS[c];
    if (d !== undefined) {
      digit = d;
    } else if (u === 10000) {
      total += (section + (digit ?? 0)) * u;
      section = 0;
      digit = null;
    } else if (u !== undefined) {
      // 十二 and 百 stand for 一十二 and 一百.
      section += (digit ?? 1) * u;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

// Text boundaries. Converted PDFs wrap sentences mid-word, so a newline ends a sentence only when
// it is a real paragraph break: after closing punctuation, a short line, a heading or a table cell.
const SENTENCE_END = /[。！？!?]/;
const CLAUSE_END = /[，,；;。！？!?]/;

function isBoundary(text: string, i: number, ends: RegExp): boolean {
  const c = text.charAt(i);
  if (c === '\n') return isParagraphBreak(text, i);
  if (!ends.test(c)) return false;
  // 1,234: a comma between digits separates thousands, not clauses.
  return !(c === ',' && /\d/.test(text.charAt(i - 1)) && /\d/.test(text.charAt(i + 1)));
}

function isParagraphBreak(text: string, newline: number): boolean {
  const prev = text.slice(text.lastIndexOf('\n', newline - 1) + 1, newline).trim();
  const nextEnd = text.indexOf('\n', newline + 1);
  const next = text.slice(newline + 1, nextEnd < 0 ? text.length : nextEnd).trim();
  return (
    prev.length < 15 ||
    next === '' ||
    /[。！？!?：:；;|]$/.test(prev) ||
    next.startsWith('|') ||
    HEADING_START.test(prev) ||
    HEADING_START.test(next)
  );
}

function boundaryBefore(text: string, pos: number, ends: RegExp): number {
  for (let i = pos - 1; i >= 0; i--) if (isBoundary(text, i, ends)) return i + 1;
  return 0;
}

function boundaryAfter(text: string, pos: number, ends: RegExp): number {
  for (let i = pos; i < text.length; i++) if (isBoundary(text, i, ends)) return i;
  return text.length;
}

function sentenceAround(text: string, start: number, end: number): Span {
  let from = boundaryBefore(text, start, SENTENCE_END);
  let to = boundaryAfter(text, end, SENTENCE_END);
  if (SENTENCE_END.test(text.charAt(to))) to += 1;
  while (from < start && /\s/.test(text.charAt(from))) from++;
  while (to > end && /\s/.test(text.charAt(to - 1))) to--;
  return [from, to];
}
