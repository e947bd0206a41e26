// Labels arrive full-width or half-width, with spaces inside words (`自 然 人`) and curly or straight
// quotes: compare them only after this folding.
export function foldLabel(text: string): string {
  // Most labels are plain CJK and printable ASCII without spaces: they fold to themselves.
  if (!NEEDS_FOLDING.test(text)) return text;
  const normalized = NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text;
  return normalized
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”„‟"「」]/g, '"')
    .replace(/[‘’']/g, "'");
}

// Characters NFKC may change: anything outside printable ASCII, CJK ideographs and 、。 (full-width forms,
// ideographic space, compatibility ideographs, circled numbers, …).
const NEEDS_NFKC = /[^\t\n\r\u0020-\u007f\u3001\u3002\u4e00-\u9fff]/;
const NEEDS_FOLDING = /[^\u0021-\u007e\u3001\u3002\u4e00-\u9fff]/;

export interface FoldedText {
  source: string;
  folded: string;
  /** offsets[i] is where the character folded[i] came from in the source text. */
  offsets: number[];
}

/** foldLabel over a whole text, keeping each folded character's source offset for spans. */
export function foldWithOffsets(text: string, end = text.length): FoldedText {
  const pieces: string[] = [];
  const offsets: number[] = [];
  for (let at = 0; at < end;) {
    const code = text.charCodeAt(at);
    // Plain CJK and printable ASCII fold to themselves; only other characters pay for foldLabel.
    if (
      (code > 0x20 && code < 0x7f && code !== 0x22 && code !== 0x27) ||
      (code >= 0x4e00 && code <= 0x9fff)
    ) {
      pieces.push(text[at] as string);
      offsets.push(at);
      at += 1;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    const piece = foldLabel(text.slice(at, at + width));
    for (let i = 0; i < piece.length; i++) offsets.push(at);
    pieces.push(piece);
    at += width;
  }
  return { source: text, folded: pieces.join(''), offsets };
}

const LABEL_NUMBER =
  /^(?:其中:|[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十]+\)|[0-9]+[.、．](?![0-9])|[(（][0-9]+[)）])+/;

/** `三、(一)予以公开` → `予以公开`: printed numbering differs between copies, the words do not. */
export function stripLabelNumber(folded: string): string {
  return folded.replace(LABEL_NUMBER, '');
}
