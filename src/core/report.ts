import { runChecks } from './checks';
import { confirmGuessedCells } from './confidence';
import { decodeBytes, looksBinary } from './decode';
import { findRepeat } from './duplicate';
import { flagNonNumbers } from './nonNumbers';
import { extractFacts } from './facts';
import { quotedFragment } from './fragment';
import { htmlCharset } from './formats/charset';
import { readDocx } from './formats/docx';
import { readHtml } from './formats/html';
import { tokenizeText } from './formats/text';
import { extractMeta } from './meta';
import { LIMITS, LimitExceeded, formatBytes } from './limits';
import { inDisplayText, matchingText } from './matchingText';
import { digestHex } from './sha256';
import { matchTemplate, readTables } from './templates/matchTemplate';
import { matchGluedTemplate, readGluedTables } from './templates/readGlued';
import { matchStatsTemplate } from './templates/stats';
import { foldWithOffsets } from './fold';
import type { TableReading } from './templates/tableParts';
import type { TemplateDef } from './templates/national';
import type {
  FailureCode,
  ParsedIssue,
  Report,
  SourceFormat,
  Span,
  Table,
  TemplateId,
} from './types';
import { PARSER_NAME, PARSER_VERSION } from './version';

export type ParseResult =
  { ok: true; report: Report } | { ok: false; error: { code: FailureCode; message: string } };

/** Bytes of one file → a report@1, or the reason the file is not a report (SPEC R0). Never throws on input. */
export async function parseReport(bytes: Uint8Array, name: string): Promise<ParseResult> {
  if (bytes.length === 0) return failure('empty-file', '文件是空的，没有可读取的内容');
  const format = sniffFormat(bytes, name);
  const tooLarge = sizeFailure(format, bytes.length);
  if (tooLarge) return tooLarge;
  const source = await readSource(bytes, format);
  if (!source.ok) return failure(source.code, source.message);
  const lines = lineCount(source.text);
  if (lines > LIMITS.lines) {
    return failure(
      'too-many-lines',
      `文本行数超过上限：最多读取 ${LIMITS.lines} 行，此文件有 ${lines} 行，未读取`,
    );
  }
  const sha256 = await digestHex(bytes);
  // The pipeline reads the matching text; the report points into the display text, as the
  // readers' own issues already do (SPEC R13).
  const matching = await matchingText(source.text);
  const file = { name, sha256, bytes: bytes.length };
  let built: Report;
  try {
    built = buildReport({ ...source, text: matching.text, issues: [] }, file);
  } catch (error) {
    if (error instanceof LimitExceeded) return failure(error.code, error.message);
    throw error;
  }
  const report = inDisplayText(built, matching);
  // A PDF table read without ruling lines is a guess that only its checks can confirm (R12.22).
  const guessed = source.issues.flatMap((issue) =>
    issue.code === 'pdf-unruled-table' && issue.span ? [issue.span] : [],
  );
  return {
    ok: true,
    report: {
      ...confirmGuessedCells(report, guessed),
      issues: [...source.issues, ...report.issues],
    },
  };
}

interface SourceText {
  ok: true;
  /** The display text: what the app shows beside the tables, and what every span points into. */
  text: string;
  format: SourceFormat;
  encoding: string;
  issues: ParsedIssue[];
}

type SourceFailure = { ok: false; code: FailureCode; message: string };

const FORMAT_NAMES: Record<SourceFormat, string> = {
  text: '文本',
  html: '网页（HTML）',
  docx: 'Word（DOCX）',
  pdf: 'PDF',
};

/** A file over its format's size limit (SPEC R14.1), refused before it is read. */
function sizeFailure(format: SourceFormat, bytes: number): ParseResult | null {
  const limit = format === 'pdf' || format === 'docx' ? LIMITS.documentBytes : LIMITS.textBytes;
  if (bytes <= limit) return null;
  return failure(
    'file-too-large',
    `文件过大：${FORMAT_NAMES[format]}文件最多 ${formatBytes(limit)}，此文件 ${formatBytes(bytes)}，未读取`,
  );
}

function lineCount(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}

/** One reader per format, each giving a display text (SPEC R1.1, R11, R12). */
async function readSource(
  bytes: Uint8Array,
  format: SourceFormat,
): Promise<SourceText | SourceFailure> {
  if (format === 'pdf') {
    // pdf.js is large: it is loaded only when a PDF arrives.
    const { readPdf } = await import('./formats/pdf');
    const read = await readPdf(bytes);
    return read.ok ? { ...read, format, encoding: 'unicode' } : read;
  }
  if (format === 'docx') {
    const read = readDocx(bytes);
    return read.ok ? { ...read, format, encoding: 'utf-8' } : read;
  }
  const decoded = decodeBytes(bytes, format === 'html' ? htmlCharset(bytes) : null);
  if (looksBinary(bytes, decoded.text)) {
    return { ok: false, code: 'binary-file', message: '这是二进制文件，不是文本格式的年度报告' };
  }
  if (format === 'html') {
    const read = readHtml(decoded.text);
    if (!read.ok) return read;
    return {
      ok: true,
      text: read.text,
      format,
      encoding: decoded.encoding,
      issues: [...decoded.issues, ...read.issues],
    };
  }
  return {
    ok: true,
    text: decoded.text,
    format,
    encoding: decoded.encoding,
    issues: decoded.issues,
  };
}

function buildReport(
  source: SourceText,
  file: { name: string; sha256: string; bytes: number },
): Report {
  const text = source.text;
  const issues: ParsedIssue[] = [...source.issues];
  const repeat = findRepeat(text);
  if (repeat) {
    issues.push({
      code: 'duplicate-content',
      severity: 'warning',
      message: '报告全文在文件中重复出现，只解析了第一份',
      span: repeat,
    });
  }
  const end = repeat ? repeat[0] : text.length;
  const body = text.slice(0, end);
  const meta = extractMeta(body);
  issues.push(...meta.issues);
  const { template, reading } = readReportTables(text, end, meta.year.value);
  const facts = extractFacts(body, reading.regions);
  // A row or two quoted in a README or a notice is no table (SPEC R0.5).
  const fragment = quotedFragment(text, reading);
  const hasNumbers = !fragment && hasTableNumbers(reading.tables);
  // A blank template's layout notes would only distract from its no-report-data.
  if (hasNumbers) issues.push(...reading.issues);
  let templateId: TemplateId = 'unknown';
  if (template && hasNumbers) templateId = template.id;
  else if (facts.length > 0) templateId = 'narrative';
  if (!hasNumbers && facts.length === 0) {
    issues.push(
      fragment ?? {
        code: 'no-report-data',
        severity: 'error',
        message: '没有找到年度报告的统计数据：可能不是年度报告，或是空白模板',
        span: null,
      },
    );
  }
  const { tables, issues: cellIssues } = flagNonNumbers(hasNumbers ? reading.tables : [], template);
  issues.push(...cellIssues, ...missingTables(body, tables));
  return {
    schema: 'nianbao/report@1',
    parser: { name: PARSER_NAME, version: PARSER_VERSION },
    source: { ...file, format: source.format, encoding: source.encoding },
    meta: { agency: meta.agency, year: meta.year, template: templateId, published: meta.published },
    tables,
    facts,
    checks: runChecks(tables, facts),
    issues,
    edits: [],
    review: { status: 'unreviewed', updatedAt: null },
    text,
  };
}

const NO_TABLES: TableReading = { tables: [], regions: [], issues: [] };
// Words every national table or 统计表 prints, whatever happened to the cells around them.
const TABLE_WORDS = /本年新收|第二十条|统计表|行政复议/;

/**
 * Tables from cell tokens first, then from digits run together (layout d), for the national templates
 * and then the 统计表: the first reading with numbers wins (SPEC R3.1, R3.8, R5.8).
 */
function readReportTables(
  text: string,
  end: number,
  year: number | null,
): { template: TemplateDef | null; reading: TableReading } {
  const tokens = tokenizeText(text, end);
  const national = matchTemplate(tokens, year);
  const first = national ? readTables(tokens, national) : NO_TABLES;
  if (hasTableNumbers(first.tables)) return { template: national, reading: first };
  // Folding the whole text costs more than the rest of a prose report: only for a text with a table.
  if (!TABLE_WORDS.test(text)) return { template: national, reading: first };
  const folded = foldWithOffsets(text, end);
  const glued = matchGluedTemplate(folded, year);
  const stats = matchStatsTemplate(folded.folded);
  const attempts: [TemplateDef | null, () => TableReading][] = [
    [glued, () => (glued ? readGluedTables(folded, glued) : NO_TABLES)],
    [stats, () => (stats ? readTables(tokens, stats) : NO_TABLES)],
    [stats, () => (stats ? readGluedTables(folded, stats) : NO_TABLES)],
  ];
  for (const [template, read] of attempts) {
    if (!template) continue;
    const reading = read();
    if (hasTableNumbers(reading.tables)) return { template, reading };
  }
  return { template: national, reading: first };
}

// The 2019/2021 section headings over each table (docs/templates.md §1), and the heading only the
// 2019/2021 forms have, which tells a national-form report from an older prose one.
const TABLE_HEADINGS: readonly [id: string, heading: RegExp][] = [
  ['active', /^[二2][、.．]\s*主动公开政府信息情况\s*$/m],
  ['requests', /^[三3][、.．]\s*收到和处理政府信息公开申请情况\s*$/m],
  [
    'appeals',
    /^[四4][、.．]\s*(?:政府信息公开行政复议、行政诉讼|因政府信息公开工作被申请行政复议、?提起行政诉讼)情况\s*$/m,
  ],
];
const NATIONAL_FORM = /收到和处理政府信息公开申请情况/;

/** A national-form section whose table is not in the text (published as an image): SPEC R3.9. */
function missingTables(body: string, tables: readonly Table[]): ParsedIssue[] {
  if (tables.length === 0 && !NATIONAL_FORM.test(body)) return [];
  return TABLE_HEADINGS.flatMap(([id, heading]) => {
    const match = heading.exec(body);
    if (!match || tables.some((table) => table.id === id)) return [];
    const start = match.index + (match[0].length - match[0].trimStart().length);
    return [
      {
        code: 'table-missing',
        severity: 'warning' as const,
        message: `“${match[0].trim()}”下没有找到表格（可能以图片发布）：请对照原件补录`,
        span: [start, start + match[0].trim().length] as Span,
      },
    ];
  });
}

function hasTableNumbers(tables: readonly Table[]): boolean {
  return tables.some((table) =>
    table.rows.some((row) => Object.values(row.cells).some((cell) => cell.kind !== 'blank')),
  );
}

function failure(code: FailureCode, message: string): ParseResult {
  return { ok: false, error: { code, message } };
}

/** The format by content first, the file name second (SPEC R1.1). */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export function sniffFormat(bytes: Uint8Array, name: string): SourceFormat {
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  if (head === '%PDF-') return 'pdf';
  // An OLE compound file is an encrypted Office file or a legacy .doc: the DOCX reader says so (R11.15).
  if (head.startsWith('PK\u0003\u0004') || OLE.every((byte, i) => bytes[i] === byte)) return 'docx';
  const start = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (/^(?:\ufeff)?(?:<!doctype html|<html|<meta|<head|<body|<table)/.test(start)) return 'html';
  if (/\.(?:html?|xhtml)$/i.test(name)) return 'html';
  return 'text';
}
