import { type Handler, Parser, type ParserOptions } from 'htmlparser2';
import { LIMITS } from '../limits';

/**
 * htmlparser2's Parser keeps its open elements in an array that it shifts and unshifts at the front,
 * and searches it for every end tag: each tag costs as much as the elements open around it, so deep
 * nesting is quadratic. This parser opens no element deeper than LIMITS.depth (SPEC R14.6): a start
 * tag beyond it, and its end tag, are left out, so the deeper elements' text joins the element at the
 * limit, as Chromium's parser does with its own limit of 512.
 */
class DepthBoundedParser extends Parser {
  /** Start tags left out, by name, whose end tags are still to come. */
  private readonly leftOut = new Map<string, number>();
  private leftOutOpen = 0;
  /** The name of the start tag being left out, until its `>`. */
  private leavingOut: string | null = null;
  deepest = 0;

  constructor(
    private readonly markup: string,
    private readonly open: { depth: number },
    handler: Partial<Handler>,
    private readonly xml: boolean,
  ) {
    super(handler, { decodeEntities: true, xmlMode: xml } satisfies ParserOptions);
  }

  override onopentagname(start: number, endIndex: number): void {
    const name = this.tagName(start, endIndex);
    if (this.isVoidElement(name)) {
      super.onopentagname(start, endIndex);
      return;
    }
    if (this.open.depth < LIMITS.depth) {
      super.onopentagname(start, endIndex);
      // The element is counted open once its start tag ends; the elements it closed already are not.
      this.deepest = Math.max(this.deepest, this.open.depth + 1);
      return;
    }
    this.leftOut.set(name, (this.leftOut.get(name) ?? 0) + 1);
    this.leftOutOpen += 1;
    this.deepest = Math.max(this.deepest, LIMITS.depth + this.leftOutOpen);
    this.leavingOut = name;
  }

  override onopentagend(endIndex: number): void {
    this.leavingOut = null;
    super.onopentagend(endIndex);
  }

  override onselfclosingtag(endIndex: number): void {
    // `<x/>` closes itself in XML and in SVG or MathML: no end tag will come for it.
    const name = this.leavingOut;
    if (name !== null && (this.xml || this.isInForeignContext())) this.closeLeftOut(name);
    this.leavingOut = null;
    super.onselfclosingtag(endIndex);
  }

  override onclosetag(start: number, endIndex: number): void {
    const name = this.tagName(start, endIndex);
    if ((this.leftOut.get(name) ?? 0) > 0) this.closeLeftOut(name);
    else super.onclosetag(start, endIndex);
  }

  private closeLeftOut(name: string): void {
    this.leftOut.set(name, (this.leftOut.get(name) ?? 1) - 1);
    this.leftOutOpen -= 1;
  }

  private tagName(start: number, endIndex: number): string {
    const name = this.markup.slice(start, endIndex);
    return this.xml ? name : name.toLowerCase();
  }
}

/**
 * Parses HTML or XML into `handler`'s callbacks, never nesting elements deeper than LIMITS.depth.
 * Returns how deep the markup went.
 */
export function parseMarkup(
  markup: string,
  handler: Partial<Handler>,
  options: { xml: boolean },
): { deepest: number } {
  // The parser's open elements, counted from its own events: every element it opens it also closes.
  const open = { depth: 0 };
  const counting: Partial<Handler> = {
    onopentag(name, attributes, implied) {
      open.depth += 1;
      handler.onopentag?.(name, attributes, implied);
    },
    onclosetag(name, implied) {
      open.depth -= 1;
      handler.onclosetag?.(name, implied);
    },
    ontext(text) {
      handler.ontext?.(text);
    },
  };
  const parser = new DepthBoundedParser(markup, open, counting, options.xml);
  parser.write(markup);
  parser.end();
  return { deepest: parser.deepest };
}
