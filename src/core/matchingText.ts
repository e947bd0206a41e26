import type { Cell, Field, Report, Span } from './types';

// The parser reads a matching text, not the display text (SPEC R13). Mirrors print reports in
// traditional characters (區, 數量), some converters add a pinyin reading after characters
// (`區(qū)`), and PDFs printed by Chromium carry Kangxi radicals (`⼯作`) instead of ideographs. The
// labels, the title and the prose rules are written once, in simplified characters; the matching text
// folds those forms to them, and an offset map leads every span back to the characters as printed.

export interface MatchingText {
  /** The text as printed: what the reviewer sees and every exported span points into. */
  display: string;
  /** The display text folded for matching. */
  text: string;
  /**
   * offsets[i] is where text[i] came from in the display text, offsets[text.length] is the display
   * text's length; null when the matching text is the display text.
   */
  offsets: Int32Array | null;
}

/** The display text folded for matching (SPEC R13.1–R13.4); itself when nothing needs folding. */
export async function matchingText(display: string): Promise<MatchingText> {
  const tables = await foldTables();
  const survey = surveyText(display, tables.kinds);
  const readings = pinyinReadings(display, survey.brackets);
  // Characters the simplified script shares with the traditional one (於, 乾) fold only in a text
  // that is traditional as a whole: in a simplified report 乾县 is a place, not 干县.
  const count = (kind: number): number => survey.counts[kind] ?? 0;
  const foldShared = count(TRADITIONAL) > count(SIMPLIFIED);
  const folds = count(SHAPE) + count(TRADITIONAL) + (foldShared ? count(SHARED) : 0);
  if (folds === 0 && readings.length === 0) return { display, text: display, offsets: null };
  return foldText(display, tables, foldShared, readings, count(TRADITIONAL) > 0);
}

/** A span of the matching text → the span of the same characters as printed (SPEC R13.5). */
export function displaySpan(matching: MatchingText, [start, end]: Span): Span {
  const { offsets, display } = matching;
  if (!offsets) return [start, end];
  const from = offsets[start] ?? display.length;
  // The last character's own position: a reading removed after it is not part of the span.
  const to = end > start ? (offsets[end - 1] ?? display.length - 1) + 1 : from;
  return [from, to];
}

/**
 * A report read from the matching text, pointing into the display text (SPEC R13.5, R13.6): every
 * span is mapped back and a cell's raw is the display text under its span. Values derived from words
 * (the agency, row labels) stay as matched: simplified, without readings.
 */
export function inDisplayText(report: Report, matching: MatchingText): Report {
  if (!matching.offsets) return report;
  const span = (at: Span): Span => displaySpan(matching, at);
  const field = <T>(value: Field<T>): Field<T> =>
    value.span ? { ...value, span: span(value.span) } : value;
  const cell = (value: Cell): Cell => {
    if (!value.span) return value;
    const at = span(value.span);
    const raw = value.kind === 'blank' ? value.raw : matching.display.slice(...at);
    return { ...value, span: at, raw };
  };
  return {
    ...report,
    meta: {
      ...report.meta,
      agency: field(report.meta.agency),
      year: field(report.meta.year),
      published: field(report.meta.published),
    },
    tables: report.tables.map((table) => ({
      ...table,
      rows: table.rows.map((row) => ({
        ...row,
        cells: Object.fromEntries(Object.entries(row.cells).map(([key, c]) => [key, cell(c)])),
      })),
    })),
    facts: report.facts.map((fact) => ({
      ...fact,
      span: span(fact.span),
      sentence: span(fact.sentence),
    })),
    checks: report.checks.map((check) =>
      check.fact ? { ...check, fact: { ...check.fact, span: span(check.fact.span) } } : check,
    ),
    issues: report.issues.map((issue) =>
      issue.span ? { ...issue, span: span(issue.span) } : issue,
    ),
    text: matching.display,
  };
}

// What a character does in the matching text.
const KEEP = 0;
/** A radical or compatibility form of an ideograph (`⼯` for 工): always folded. */
const SHAPE = 1;
/** A traditional form the simplified script does not use (區, 數): always folded. */
const TRADITIONAL = 2;
/** A traditional form the simplified script uses too (於, 乾): folded in a traditional text only. */
const SHARED = 3;
/** A simplified form with a traditional one (区, 数): kept; counted to tell the text's script. */
const SIMPLIFIED = 4;

interface FoldTables {
  /** The class of each UTF-16 code unit. */
  kinds: Uint8Array;
  /** The folded form of each code unit that has one. */
  targets: Uint16Array;
  /** OpenCC's phrase dictionary. */
  phrases: string;
}

let built: Promise<FoldTables> | null = null;

// Built on first use, once: a lookup per character keeps the scan of a plain report cheap.
function foldTables(): Promise<FoldTables> {
  built ??= import('./openccDictionaries').then(buildTables);
  return built;
}

function buildTables(dictionaries: typeof import('./openccDictionaries')): FoldTables {
  const tables = {
    kinds: new Uint8Array(0x10000),
    targets: new Uint16Array(0x10000),
    phrases: dictionaries.phrases,
  };
  const set = (from: string, to: string, kind: number): void => {
    if (from.length !== 1 || to.length !== 1 || from === to) return;
    tables.kinds[from.charCodeAt(0)] = kind;
    tables.targets[from.charCodeAt(0)] = to.charCodeAt(0);
  };
  addShapes(set);
  addTraditional(set, tables.kinds, dictionaries);
  // A radical or compatibility form of a traditional character (豈 for 豈) reads as its simplified one.
  for (let code = 0; code < 0x10000; code++) {
    const target = tables.targets[code] ?? 0;
    if (tables.kinds[code] === SHAPE && tables.kinds[target] === TRADITIONAL)
      tables.targets[code] = tables.targets[target] ?? target;
  }
  return tables;
}

type SetFold = (from: string, to: string, kind: number) => void;

function addShapes(set: SetFold): void {
  // Kangxi radicals and compatibility ideographs have NFKC forms; the radical supplement has none.
  for (const [first, last] of [
    [0x2f00, 0x2fd5],
    [0xf900, 0xfad9],
  ] as const) {
    for (let code = first; code <= last; code++) {
      const char = String.fromCharCode(code);
      set(char, char.normalize('NFKC'), SHAPE);
    }
  }
  for (let i = 0; i + 1 < RADICAL_SUPPLEMENT.length; i += 2)
    set(RADICAL_SUPPLEMENT.charAt(i), RADICAL_SUPPLEMENT.charAt(i + 1), SHAPE);
}

function addTraditional(
  set: SetFold,
  kinds: Uint8Array,
  dictionaries: typeof import('./openccDictionaries'),
): void {
  const simplifiedScript = gb2312();
  const traditional = new Map(entries(dictionaries.characters));
  for (const [from, to] of traditional)
    set(from, to, simplifiedScript.has(from.charCodeAt(0)) ? SHARED : TRADITIONAL);
  // Hong Kong and Taiwan forms (綫, 裡, 爲) lead to OpenCC's standard traditional form first.
  for (const [from, standard] of dictionaries.regionalForms.flatMap(entries)) {
    if (kinds[from.charCodeAt(0)] === KEEP && !simplifiedScript.has(from.charCodeAt(0)))
      set(from, traditional.get(standard) ?? standard, TRADITIONAL);
  }
  for (const to of traditional.values()) {
    if (to.length === 1 && kinds[to.charCodeAt(0)] === KEEP) kinds[to.charCodeAt(0)] = SIMPLIFIED;
  }
}

// OpenCC's dictionaries: `from to|from to|…`.
function entries(dictionary: string): [string, string][] {
  return dictionary.split('|').map((entry) => {
    const [from = '', to = ''] = entry.split(' ');
    return [from, to];
  });
}

// The ideographs of GB 2312 (rows 16–87): the characters simplified text is written in, read through
// the platform's own GB18030 decoder rather than shipped as a table.
function gb2312(): Set<number> {
  const bytes: number[] = [];
  for (let lead = 0xb0; lead <= 0xf7; lead++)
    for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
  const text = new TextDecoder('gb18030').decode(new Uint8Array(bytes));
  const codes = new Set<number>();
  for (let i = 0; i < text.length; i++) codes.add(text.charCodeAt(i));
  return codes;
}

// CJK Radicals Supplement → the equivalent unified ideograph (Unicode's EquivalentUnifiedIdeograph.txt,
// the entries with an ideograph in the BMP), as pairs.
const RADICAL_SUPPLEMENT =
  '⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母' +
  '⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺫目⺬示⺭礻⺯糹⺰纟⺱罓⺲罒⺳㓁⺴冗⺶羊⺹耂⺺肀⺻聿⺼肉⺾艹⺿艹' +
  '⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻋车⻌辶⻍辶⻎辶⻏邑⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风' +
  '⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';

interface Survey {
  /** How many characters of each class the text has, by class. */
  counts: Int32Array;
  /** Opening brackets right after an ideograph and before a letter: where a reading may stand. */
  brackets: number[];
}

function surveyText(display: string, kinds: Uint8Array): Survey {
  const counts = new Int32Array(5);
  const brackets: number[] = [];
  for (let i = 0; i < display.length; i++) {
    const code = display.charCodeAt(i);
    const kind = kinds[code] ?? KEEP;
    if (kind !== KEEP) counts[kind] = (counts[kind] ?? 0) + 1;
    else if (code === 0x28 || code === 0xff08) {
      if (isIdeograph(display.charCodeAt(i - 1)) && PINYIN_LETTER.test(display.charAt(i + 1)))
        brackets.push(i);
    }
  }
  return { counts, brackets };
}

function isIdeograph(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x2e80 && code <= 0x2fdf)
  );
}

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const PINYIN_LETTER = new RegExp(`[a-zü${TONED}]`);
const SYLLABLE_CHARS = `[a-züê${TONED}]{1,6}[1-5]?`;
// Up to one reading per character of a word: `(qū)`, `（qu1）`, `(zhèng fǔ)`.
const READING = new RegExp(`[(（](${SYLLABLE_CHARS}(?: ${SYLLABLE_CHARS}){0,7})[)）]`, 'y');
// A pinyin syllable without its tone: an optional initial and a final.
const SYLLABLE =
  /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:a(?:i|o|ng?)?|o(?:u|ng)?|e(?:i|r|ng?)?|ê|i(?:a(?:o|ng?)?|e|u|ong|ng?)?|u(?:a(?:i|ng?)?|o|i|e|n)?|[üv](?:e|n|an)?)$/;
const UNTONED: Record<string, string> = Object.fromEntries(
  [...TONED].map((char, i) => [char, 'aeiouü'.charAt(Math.floor(i / 4))]),
);
/** A converter that writes readings writes many; below this, only a tone-marked one is believed. */
const MIN_TONED_READINGS = 3;

type Tone = 'marked' | 'numbered' | 'plain';

/**
 * Readings to remove, as display spans (SPEC R13.3): a bracketed pinyin syllable (or one per
 * character of the word before it) right after an ideograph. A tone mark proves a reading; tone
 * numbers and toneless syllables (`(shi)`) only in a text with at least MIN_TONED_READINGS toned ones,
 * so `(PDF)`, `(a)`, `(2021)`, `(一)` or an English word stay.
 */
function pinyinReadings(display: string, brackets: readonly number[]): Span[] {
  const found: { span: Span; tone: Tone }[] = [];
  for (const at of brackets) {
    READING.lastIndex = at;
    const m = READING.exec(display);
    const tone = m ? readingTone((m[1] ?? '').split(' '), display, at) : null;
    if (m && tone) found.push({ span: [at, at + m[0].length], tone });
  }
  const toned = found.filter(({ tone }) => tone !== 'plain').length;
  return found
    .filter(({ tone }) => tone === 'marked' || toned >= MIN_TONED_READINGS)
    .map(({ span }) => span);
}

// A word's reading has one toned syllable per character before it; a single syllable may be toneless.
function readingTone(syllables: string[], display: string, at: number): Tone | null {
  const tones = syllables.map(syllableTone);
  if (tones.some((tone) => tone === null)) return null;
  if (syllables.length === 1) return tones[0] ?? null;
  if (tones.includes('plain')) return null;
  for (let i = 1; i <= syllables.length; i++)
    if (!isIdeograph(display.charCodeAt(at - i))) return null;
  return tones.includes('numbered') ? 'numbered' : 'marked';
}

function syllableTone(syllable: string): Tone | null {
  const numbered = /[1-5]$/.test(syllable);
  const letters = numbered ? syllable.slice(0, -1) : syllable;
  const marks = [...letters].filter((char) => UNTONED[char] !== undefined).length;
  const base = [...letters].map((char) => UNTONED[char] ?? char).join('');
  if (marks > 1 || (numbered && marks > 0) || !SYLLABLE.test(base)) return null;
  if (numbered) return 'numbered';
  if (marks === 1) return 'marked';
  // A lone vowel without a tone (`(a)`, `(e)`) is more often a list mark than a reading.
  return base.length > 1 ? 'plain' : null;
}

function foldText(
  display: string,
  tables: FoldTables,
  foldShared: boolean,
  readings: readonly Span[],
  traditional: boolean,
): MatchingText {
  const codes = new Uint16Array(display.length);
  const offsets = new Int32Array(display.length + 1);
  let length = 0;
  let next = 0;
  let skip = readings[0]?.[0] ?? -1;
  for (let i = 0; i < display.length; i++) {
    if (i === skip) {
      i = (readings[next]?.[1] ?? i + 1) - 1;
      next += 1;
      skip = readings[next]?.[0] ?? -1;
      continue;
    }
    codes[length] = foldCode(display.charCodeAt(i), tables, foldShared);
    offsets[length] = i;
    length += 1;
  }
  offsets[length] = display.length;
  if (traditional) foldPhrases(codes.subarray(0, length), phraseTable(tables, foldShared));
  return { display, text: fromCodes(codes, length), offsets: offsets.slice(0, length + 1) };
}

function foldCode(code: number, tables: FoldTables, foldShared: boolean): number {
  const kind = tables.kinds[code];
  const folds = kind === SHAPE || kind === TRADITIONAL || (kind === SHARED && foldShared);
  return folds ? (tables.targets[code] ?? code) : code;
}

interface PhraseTable {
  /** Phrases by their first folded character, longest first: [folded phrase, simplified phrase]. */
  byFirst: Map<number, [string, string][]>;
  /** 1 for a character that starts a phrase: most characters start none. */
  starts: Uint8Array;
}

const phraseTables = new Map<boolean, PhraseTable>();

// OpenCC's phrases where a word converts otherwise than its characters (反覆 → 反复 though 覆 stays
// 覆; 乾縣 → 乾县 though 乾 alone is 干), keyed as the character folding leaves them. Only phrases of
// the same length: the matching text stays one character for one.
function phraseTable(tables: FoldTables, foldShared: boolean): PhraseTable {
  const known = phraseTables.get(foldShared);
  if (known) return known;
  const table: PhraseTable = { byFirst: new Map(), starts: new Uint8Array(0x10000) };
  for (const [from, to] of entries(tables.phrases)) {
    const folded = [...from].map((char) => foldString(char, tables, foldShared)).join('');
    if (folded.length !== to.length || folded === to) continue;
    const first = folded.charCodeAt(0);
    const list = table.byFirst.get(first) ?? [];
    list.push([folded, to]);
    table.byFirst.set(first, list);
    table.starts[first] = 1;
  }
  for (const list of table.byFirst.values()) list.sort(([a], [b]) => b.length - a.length);
  phraseTables.set(foldShared, table);
  return table;
}

function foldString(char: string, tables: FoldTables, foldShared: boolean): string {
  return char.length === 1
    ? String.fromCharCode(foldCode(char.charCodeAt(0), tables, foldShared))
    : char;
}

function foldPhrases(codes: Uint16Array, table: PhraseTable): void {
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] ?? 0;
    if (table.starts[code] !== 1) continue;
    const phrase = table.byFirst.get(code)?.find(([from]) => startsWith(codes, i, from));
    if (!phrase) continue;
    const [from, to] = phrase;
    for (let k = 0; k < to.length; k++) codes[i + k] = to.charCodeAt(k);
    i += from.length - 1;
  }
}

function startsWith(codes: Uint16Array, at: number, word: string): boolean {
  if (at + word.length > codes.length) return false;
  for (let k = 0; k < word.length; k++) if (codes[at + k] !== word.charCodeAt(k)) return false;
  return true;
}

// The platform's UTF-16 decoder turns the code units into a string far faster than fromCharCode.
// Typed arrays are little-endian on every platform a browser or Node runs on.
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

function fromCodes(codes: Uint16Array, length: number): string {
  return UTF16.decode(new Uint8Array(codes.buffer, codes.byteOffset, length * 2));
}
