// Labels arrive full-width or half-width, with spaces inside words (`自 然 人`) and curly or straight
// quotes: compare them only after this folding.
export function foldLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”„‟"「」]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/[：]/g, ':');
}
