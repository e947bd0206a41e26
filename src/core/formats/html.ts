import { LIMITS, LimitExceeded } from '../limits';
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

/**
 * An HTML page → the display text of the flattened form (SPEC R11): block-level text as lines, every
 * data table as its rows of `cell text |` lines and covered-slot runs, so that the text pipeline reads
 * the tables and every span points into this text. Streams with htmlparser2 (no DOM): runs in a
 * worker and in Node. Nothing in the page is executed or loaded. Given `printed`, the page's data
 * tables are added to it as printed (SPEC R11.20).
 */
export function readHtml(html: string, printed?: PrintedTable[]): ReadResult {
  const reader = new HtmlReader();
  let deepest: number;
  try {
    deepest = parseMarkup(html, reader, { xml: false }).deepest;
  } catch (error) {
    if (error instanceof LimitExceeded)
      return { ok: false, code: error.code, message: error.message };
    throw error;
  }
  const { text, issues } = renderDocument(
    reader.document,
    reader.title === null ? [] : [reader.title],
    printed,
  );
  if (deepest > LIMITS.depth) issues.push(flattenedIssue(deepest));
  return { ok: true, text, issues };
}

// Elements whose text is never shown; `o:p` is Word's empty-paragraph marker (`<o:p>&nbsp;</o:p>`).
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'o:p',
  'xml',
  'iframe',
  'object',
  'svg',
  'math',
  'rt',
  'rp',
]);

// Elements that start and end a line; every other element is inline and adds no separator, so a word
// that Word split into `<span>`s stays whole.
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'option',
  'p',
  'pre',
  'section',
  'summary',
  'ul',
]);

// What `<head>` may hold; anything else ends it.
const HEAD_ELEMENTS = new Set([
  'base',
  'basefont',
  'bgsound',
  'link',
  'meta',
  'noscript',
  'script',
  'style',
  'template',
  'title',
]);

interface TableContext {
  table: TableBlock;
  row: CellBlocks[] | null;
  cell: CellBlocks | null;
}

/** The parser's handler: builds the page as blocks (text, breaks, tables) for renderBlocks. */
class HtmlReader {
  title: string | null = null;
  readonly document: Block[] = [];
  private skipDepth = 0;
  /** Inside `<head>`: nothing but the title is shown. */
  private headDepth = 0;
  private inTitle = false;
  private titleText = '';
  private preDepth = 0;
  private ignoredTables = 0;
  private readonly tables: TableContext[] = [];
  private readonly count = new TableCount();

  onopentag(name: string, attributes: Record<string, string>): void {
    if (name === 'title') {
      // The page's title is its first line; a later `<title>` (in an SVG, a second one) is not shown.
      if (this.title === null && !this.inTitle && this.skipDepth === 0) this.inTitle = true;
      else this.skipDepth += 1;
      return;
    }
    if (name === 'head') this.headDepth += 1;
    // Like a browser, any element that cannot be in `<head>` ends it (a page without `<body>`).
    else if (this.headDepth > 0 && this.skipDepth === 0 && !HEAD_ELEMENTS.has(name)) {
      this.headDepth = 0;
    }
    if (SKIPPED.has(name)) this.skipDepth += 1;
    if (this.skipDepth > 0 || this.headDepth > 0) return;
    const context = this.ignoredTables > 0 ? undefined : this.tables[this.tables.length - 1];
    switch (name) {
      case 'table': {
        if (this.tables.length >= LIMITS.tableDepth || this.ignoredTables > 0) {
          this.ignoredTables += 1;
          this.sink().push(null);
          return;
        }
        const table: TableBlock = { kind: 'table', before: [], rows: [] };
        this.sink().push(table);
        this.tables.push({ table, row: null, cell: null });
        return;
      }
      case 'tr':
        if (!context) this.sink().push(null);
        else {
          this.count.row();
          context.row = [];
          context.cell = null;
          context.table.rows.push(context.row);
        }
        return;
      case 'td':
      case 'th':
        if (!context) this.sink().push(null);
        else {
          if (!context.row) {
            this.count.row();
            context.row = [];
            context.table.rows.push(context.row);
          }
          this.count.cell();
          context.cell = {
            blocks: [],
            rowspan: spanAttribute(attributes['rowspan']),
            colspan: spanAttribute(attributes['colspan']),
          };
          context.row.push(context.cell);
        }
        return;
      case 'pre':
        this.preDepth += 1;
        this.sink().push(null);
        return;
      default:
        if (BLOCKS.has(name)) this.sink().push(null);
    }
  }

  onclosetag(name: string): void {
    if (name === 'title' && this.inTitle) {
      this.inTitle = false;
      this.title = this.titleText;
      return;
    }
    if ((SKIPPED.has(name) || name === 'title') && this.skipDepth > 0) {
      this.skipDepth -= 1;
      return;
    }
    if (name === 'head' && this.headDepth > 0) {
      this.headDepth -= 1;
      return;
    }
    if (this.skipDepth > 0 || this.headDepth > 0) return;
    const context = this.ignoredTables > 0 ? undefined : this.tables[this.tables.length - 1];
    switch (name) {
      case 'table':
        if (this.ignoredTables > 0) {
          this.ignoredTables -= 1;
          this.sink().push(null);
        } else this.tables.pop();
        return;
      case 'tr':
      case 'td':
      case 'th':
        if (!context) this.sink().push(null);
        else if (name === 'tr') {
          context.row = null;
          context.cell = null;
        } else context.cell = null;
        return;
      case 'br':
        // `<br>` broke the line when it opened; a void element closes at once.
        return;
      case 'pre':
        this.preDepth = Math.max(0, this.preDepth - 1);
        this.sink().push(null);
        return;
      default:
        if (BLOCKS.has(name)) this.sink().push(null);
    }
  }

  ontext(text: string): void {
    if (this.inTitle) {
      this.titleText += text;
      return;
    }
    if (this.skipDepth > 0) return;
    if (this.headDepth > 0) {
      if (!/[^\t\n\f\r ]/.test(text)) return;
      this.headDepth = 0;
    }
    const sink = this.sink();
    if (this.preDepth === 0) {
      sink.push(text);
      return;
    }
    // Inside `<pre>` a newline is a line break.
    text.split(/\r\n?|\n/).forEach((part, index) => {
      if (index > 0) sink.push(null);
      sink.push(part);
    });
  }

  /** Where content goes now: the open cell, before the open table (text outside cells), or the page. */
  private sink(): Block[] {
    const context = this.tables[this.tables.length - 1];
    if (!context) return this.document;
    return context.cell ? context.cell.blocks : context.table.before;
  }
}

/** `rowspan`/`colspan` as a number ≥ 1; `rowspan="0"` spans to the end of the table. */
function spanAttribute(value: string | undefined): number {
  if (value === undefined) return 1;
  const number = Number.parseInt(value.trim(), 10);
  if (number === 0) return Number.MAX_SAFE_INTEGER;
  return Number.isFinite(number) && number > 0 ? number : 1;
}
