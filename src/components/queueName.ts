import type { QueueEntry } from '../store/reviewStore';

/** How wide a queue row's name may be, in columns: a Chinese character takes two, a Latin one one. */
const COLUMNS = 18;
/** Of which the start keeps this many. */
const HEAD = 8;

function columns(char: string): number {
  // CJK, Hangul, full-width forms and beyond the BMP are drawn about twice as wide as Latin.
  return (char.codePointAt(0) ?? 0) >= 0x1100 ? 2 : 1;
}

/** The longest run of `chars` (from the start, or from the end) within `budget` columns. */
function within(chars: readonly string[], budget: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const char of chars) {
    used += columns(char);
    if (used > budget) break;
    kept.push(char);
  }
  return kept;
}

/**
 * `021_平潭县人…报告2023.html`: the start and the end of a long name, since copies of one report
 * differ at their ends (the extension, a 副本 or (2)), which an ellipsis at the end would hide.
 */
export function middleTruncate(name: string): string {
  // By code point, so that a character beyond the BMP is never cut in two.
  const chars = Array.from(name);
  if (chars.reduce((sum, char) => sum + columns(char), 0) <= COLUMNS) return name;
  const head = within(chars, HEAD);
  const tail = within([...chars].reverse(), COLUMNS - HEAD - 1).reverse();
  return `${head.join('')}…${tail.join('')}`;
}

const EXTENSIONS: Record<string, string> = {
  txt: 'TXT',
  text: 'TXT',
  md: 'TXT',
  htm: 'HTML',
  html: 'HTML',
  xhtml: 'HTML',
  docx: 'DOCX',
  pdf: 'PDF',
  json: 'JSON',
  jsonl: 'JSONL',
};

const FORMATS = { text: 'TXT', html: 'HTML', docx: 'DOCX', pdf: 'PDF' } as const;

/** TXT, HTML, DOCX or PDF: what the parser read it as, else what its name says; null if neither. */
export function formatTag(entry: QueueEntry): string | null {
  if (entry.report) return FORMATS[entry.report.source.format];
  const extension = /\.([a-z]+)$/i.exec(entry.name)?.[1]?.toLowerCase();
  return (extension && EXTENSIONS[extension]) ?? null;
}
