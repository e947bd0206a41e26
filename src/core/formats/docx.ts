import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { LIMITS, LimitExceeded, formatBytes } from '../limits';
import {
  type Block,
  type CellBlocks,
  type PrintedTable,
  type ReadResult,
  type TableBlock,
  TableCount,
  flattenedIssue,
  renderDocument,
} from './flatten';
import { parseMarkup } from './markup';

const WORD_MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const OFFICE_DOCUMENT = /\/officeDocument$/;

const CORRUPT = {
  ok: false,
  code: 'corrupt-docx',
  message: 'DOCX 文件已损坏或不完整，无法读取（缺少正文 word/document.xml）',
} as const;
const TOO_LARGE = {
  ok: false,
  code: 'inflated-too-large',
  message: `DOCX 文件解压后超过 ${formatBytes(LIMITS.inflatedBytes)}（解压到此即停止），可能已损坏，未读取`,
} as const;
const ENCRYPTED = {
  ok: false,
  code: 'encrypted-docx',
  message:
    '这是加密的 Office 文件（或旧版 .doc 格式），无法读取：请在 Word 中取消密码并另存为 .docx 后再试',
} as const;

/**
 * A DOCX file → the display text of the flattened form (SPEC R11): paragraphs as lines and every
 * table as its rows of `cell text |` lines, `w:gridSpan` and `w:vMerge` expanded like colspan and
 * rowspan. Never throws: a file that is no readable DOCX gives `ok: false` with a Chinese message.
 * Given `printed`, the document's data tables are added to it as printed (SPEC R11.20).
 */
export function readDocx(bytes: Uint8Array, printed?: PrintedTable[]): ReadResult {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { ...ENCRYPTED };
  }
  let xml: Uint8Array;
  try {
    const part = mainPart(bytes);
    if (part === 'too-large') return { ...TOO_LARGE };
    if (!part) return { ...CORRUPT };
    xml = part;
  } catch {
    return { ...CORRUPT };
  }
  const reader = new DocxReader();
  let deepest: number;
  try {
    deepest = parseMarkup(decodeXml(xml), reader, { xml: true }).deepest;
  } catch (error) {
    if (error instanceof LimitExceeded)
      return { ok: false, code: error.code, message: error.message };
    return { ...CORRUPT };
  }
  if (!reader.isWord) return { ...CORRUPT };
  const { text, issues } = renderDocument(reader.document, [], printed);
  if (deepest > LIMITS.depth) issues.push(flattenedIssue(deepest));
  if (reader.revisions) {
    issues.push({
      code: 'docx-revisions',
      severity: 'info',
      message: '文档含有修订标记：按接受全部修订后的文字读取（删除的文字不计）',
      span: null,
    });
  }
  return { ok: true, text, issues };
}

/** The main document part: the target of the package's officeDocument relationship, else word/document.xml. */
function mainPart(bytes: Uint8Array): Uint8Array | 'too-large' | null {
  const first = inflate(bytes, (name) => name === '_rels/.rels' || name === 'word/document.xml');
  if (first === 'too-large') return first;
  const rels = first['_rels/.rels'];
  const target = rels ? officeDocumentTarget(new TextDecoder('utf-8').decode(rels)) : null;
  if (target && target !== 'word/document.xml') {
    const second = inflate(bytes, (name) => name === target);
    if (second === 'too-large') return second;
    const part = second[target];
    if (part) return part;
  }
  return first['word/document.xml'] ?? null;
}

// Input is fed to the inflater in slices this long, so that it stops soon after the output passes
// the limit (deflate expands a byte at most 1032 times: a slice yields at most 17 MB).
const SLICE = 16 * 1024;

/**
 * The wanted parts, inflated (SPEC R14.5): the central directory names them (a zip without one is
 * corrupt), then they stream out of the inflater and their bytes are counted as they come, whatever
 * sizes the zip declares. Past LIMITS.inflatedBytes, inflating stops. Other parts (images, fonts)
 * are never decompressed.
 */
function inflate(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
): Record<string, Uint8Array> | 'too-large' {
  const names = new Set<string>();
  unzipSync(bytes, {
    filter: (file) => {
      if (wanted(file.name)) names.add(file.name);
      return false;
    },
  });
  const parts: Record<string, Uint8Array> = {};
  let total = 0;
  const unzip = new Unzip((file) => {
    if (!names.has(file.name)) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (error, data, final) => {
      if (error) throw error;
      total += data.length;
      if (total > LIMITS.inflatedBytes) return;
      chunks.push(data);
      if (final) parts[file.name] = joinChunks(chunks);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < bytes.length && total <= LIMITS.inflatedBytes; at += SLICE) {
    unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  }
  return total > LIMITS.inflatedBytes ? 'too-large' : parts;
}

function joinChunks(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const joined = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}

function officeDocumentTarget(rels: string): string | null {
  let target: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (target === null && localName(name) === 'Relationship') {
          const type = attributes['Type'] ?? '';
          const to = attributes['Target'];
          if (OFFICE_DOCUMENT.test(type) && to) target = to.replace(/^\.?\//, '');
        }
      },
    },
    { xmlMode: true },
  );
  parser.write(rels);
  parser.end();
  return target;
}

function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

interface DocxCell extends CellBlocks {
  /** `w:vMerge`: `restart` starts a vertical merge, `continue` is a slot covered by the cell above. */
  vMerge: 'restart' | 'continue' | null;
}

interface TableContext {
  table: TableBlock;
  rows: DocxCell[][];
  row: DocxCell[] | null;
  /** `w:gridBefore` of each row: grid columns left empty before its first cell. */
  gridBefore: number[];
  cell: DocxCell | null;
}

/** The parser's handler for word/document.xml: paragraphs, runs and tables as blocks. */
class DocxReader {
  readonly document: Block[] = [];
  isWord = false;
  revisions = false;
  private prefix = 'w:';
  private first = true;
  private inText = 0;
  private skipDepth = 0;
  private inTabStops = false;
  /** Depth of `w:del`/`w:moveFrom`: text deleted by a tracked change is not shown. */
  private deleted = 0;
  private hiddenRun = false;
  private ignoredTables = 0;
  private readonly tables: TableContext[] = [];
  private readonly count = new TableCount();

  onopentag(name: string, attributes: Record<string, string>): void {
    if (this.first) {
      this.first = false;
      for (const [key, value] of Object.entries(attributes)) {
        if (value === WORD_MAIN && key.startsWith('xmlns:')) {
          this.prefix = `${key.slice(6)}:`;
          this.isWord = true;
        }
      }
      if (!this.isWord && localName(name) === 'document') this.isWord = true;
    }
    // Alternative content is given twice (a drawing and its fallback): read it once.
    // Ruby text (`w:rt`, pinyin above the characters) is not part of the words either.
    const local = this.word(name);
    if (name === 'mc:Fallback' || local === 'rt' || this.skipDepth > 0) {
      this.skipDepth += 1;
      return;
    }
    if (local === null) return;
    const context = this.tables[this.tables.length - 1];
    switch (local) {
      case 'p':
      case 'cr':
      case 'br':
        this.sink().push(null);
        return;
      case 't':
        this.inText += 1;
        return;
      case 'tab':
      case 'ptab':
        // `w:tab` inside `w:tabs` (paragraph properties) is a tab stop, not a character.
        if (!this.inTabStops && this.shown()) this.sink().push(' ');
        return;
      case 'tabs':
        this.inTabStops = true;
        return;
      case 'noBreakHyphen':
        if (this.shown()) this.sink().push('-');
        return;
      case 'r':
        this.hiddenRun = false;
        return;
      case 'vanish':
        // Hidden text (`w:vanish` in the run's properties) is not shown.
        this.hiddenRun = !/^(?:0|false|off)$/.test(this.value(attributes) ?? '');
        return;
      case 'ins':
      case 'del':
      case 'moveFrom':
      case 'moveTo':
        this.revisions = true;
        if (local === 'del' || local === 'moveFrom') this.deleted += 1;
        return;
      case 'tbl':
        if (this.tables.length >= LIMITS.tableDepth || this.ignoredTables > 0) {
          this.ignoredTables += 1;
          this.sink().push(null);
          return;
        }
        this.openTable();
        return;
      case 'tr':
        if (context && this.ignoredTables === 0) {
          this.count.row();
          context.row = [];
          context.rows.push(context.row);
          context.gridBefore.push(0);
          context.cell = null;
        }
        return;
      case 'gridBefore':
        if (context && context.row && !context.cell) {
          context.gridBefore[context.gridBefore.length - 1] = positive(this.value(attributes));
        }
        return;
      case 'tc':
        if (context && this.ignoredTables === 0) {
          if (!context.row) {
            this.count.row();
            context.row = [];
            context.rows.push(context.row);
            context.gridBefore.push(0);
          }
          this.count.cell();
          context.cell = { blocks: [], rowspan: 1, colspan: 1, vMerge: null };
          context.row.push(context.cell);
        } else this.sink().push(null);
        return;
      case 'gridSpan':
        if (context?.cell && this.ignoredTables === 0) {
          context.cell.colspan = positive(this.value(attributes));
        }
        return;
      case 'vMerge':
        if (context?.cell && this.ignoredTables === 0) {
          context.cell.vMerge = this.value(attributes) === 'restart' ? 'restart' : 'continue';
        }
        return;
      default:
    }
  }

  onclosetag(name: string): void {
    if (this.skipDepth > 0) {
      this.skipDepth -= 1;
      return;
    }
    const local = this.word(name);
    if (local === null) return;
    const context = this.tables[this.tables.length - 1];
    switch (local) {
      case 'p':
        this.sink().push(null);
        return;
      case 't':
        this.inText = Math.max(0, this.inText - 1);
        return;
      case 'r':
        this.hiddenRun = false;
        return;
      case 'tabs':
        this.inTabStops = false;
        return;
      case 'del':
      case 'moveFrom':
        this.deleted = Math.max(0, this.deleted - 1);
        return;
      case 'tbl':
        if (this.ignoredTables > 0) {
          this.ignoredTables -= 1;
          this.sink().push(null);
        } else if (context) {
          this.tables.pop();
          context.table.rows = mergeVertically(context.rows, context.gridBefore);
        }
        return;
      case 'tr':
        if (context && this.ignoredTables === 0) {
          context.row = null;
          context.cell = null;
        }
        return;
      case 'tc':
        if (context && this.ignoredTables === 0) context.cell = null;
        else this.sink().push(null);
        return;
      default:
    }
  }

  ontext(text: string): void {
    if (this.inText > 0 && this.shown()) this.sink().push(text);
  }

  /** Whether a character here is shown: not deleted by a tracked change, not hidden, not skipped. */
  private shown(): boolean {
    return this.skipDepth === 0 && this.deleted === 0 && !this.hiddenRun;
  }

  private openTable(): void {
    const table: TableBlock = { kind: 'table', before: [], rows: [] };
    this.sink().push(table);
    this.tables.push({ table, rows: [], row: null, gridBefore: [], cell: null });
  }

  /** The local name of an element of the WordprocessingML namespace, null for any other. */
  private word(name: string): string | null {
    return name.startsWith(this.prefix) ? name.slice(this.prefix.length) : null;
  }

  private value(attributes: Record<string, string>): string | undefined {
    return attributes[`${this.prefix}val`];
  }

  private sink(): Block[] {
    const context = this.tables[this.tables.length - 1];
    if (!context) return this.document;
    return context.cell ? context.cell.blocks : context.table.before;
  }
}

function positive(value: string | undefined): number {
  const number = Number.parseInt(value ?? '', 10);
  return Number.isFinite(number) && number > 0 ? number : 1;
}

/**
 * `w:vMerge` → rowspan (SPEC R11.13): a `continue` cell is a slot covered by the cell that started the
 * merge in its grid column; it is dropped and that cell's rowspan grows. A `continue` with no merge
 * above starts one.
 */
function mergeVertically(rows: DocxCell[][], gridBefore: number[]): CellBlocks[][] {
  const open = new Map<number, DocxCell>();
  return rows.map((row, r) => {
    let column = gridBefore[r] ?? 0;
    const kept: CellBlocks[] = [];
    for (const cell of row) {
      const above = open.get(column);
      if (cell.vMerge === 'continue' && above) {
        above.rowspan += 1;
      } else {
        kept.push(cell);
        for (let c = column; c < column + cell.colspan; c += 1) open.delete(c);
        if (cell.vMerge !== null) open.set(column, cell);
      }
      column += cell.colspan;
    }
    return kept;
  });
}
