// Labels arrive full-width or half-width, with spaces inside words (`自 然 人`) and curly or straight
// quotes: compare them only after this folding.
export function foldLabel(text: string): string {
  // Most labels are plain CJK and ASCII, which NFKC leaves as they are: skip the costly normalisation.
  const normalized = NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text;
  return normalized
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”„‟"「」]/g, '"')
    .replace(/[‘’']/g, "'");
}

// Characters NFKC may change: anything outside printable ASCII, CJK ideographs and 、。 (full-width forms,
// ideographic space, compatibility ideographs, circled numbers, …).
const NEEDS_NFKC = /[^\t\n\r\u0020-\u007f\u3001\u3002\u4e00-\u9fff]/;

export interface FoldedText {
  source: string;
  folded: string;
  /** offsets[i] is where the character folded[i] came from in the source text. */
  offsets: number[];
}

/** foldLabel over a whole text, keeping each folded character's source offset for spans. */
export function foldWithOffsets(text: string, end = text.length): FoldedText {
  let folded = '';
  const offsets: number[] = [];
  for (let at = 0; at < end;) {
    const codePoint = text.codePointAt(at) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    const piece = foldLabel(text.slice(at, at + width));
    for (let i = 0; i < piece.length; i++) offsets.push(at);
    folded += piece;
    at += width;
  }
  return { source: text, folded, offsets };
}
