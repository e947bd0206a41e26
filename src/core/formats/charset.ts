// How far a page's declaration is looked for (HTML's prescan looks at 1024 bytes; pages with long
// comments or metadata before the meta tag need more).
const PRESCAN_BYTES = 2048;
const META = /<meta\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g;
const CONTENT_CHARSET = /charset\s*=\s*["']?\s*([^\s"';]+)/i;
const LABEL = /^[a-z0-9][a-z0-9._:-]*$/;

/**
 * The charset an HTML page declares in its first 2 KB (SPEC R11.9): `<meta charset=…>`, or
 * `<meta http-equiv="Content-Type" content="text/html; charset=…">`; lower-cased, or null. Comments
 * are skipped. The declaration is evidence, not proof: the decoder decides (valid UTF-8 stays UTF-8).
 */
export function htmlCharset(bytes: Uint8Array): string | null {
  let head = '';
  const end = Math.min(bytes.length, PRESCAN_BYTES);
  // Latin-1: every byte one character, so ASCII markup reads the same in any ASCII-compatible encoding.
  for (let at = 0; at < end; at += 1) head += String.fromCharCode(bytes[at] ?? 0);
  head = head.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  for (const meta of head.matchAll(META)) {
    const attributes = new Map<string, string>();
    for (const attribute of (meta[1] ?? '').matchAll(ATTRIBUTE)) {
      const name = (attribute[1] ?? '').toLowerCase();
      if (!attributes.has(name)) attributes.set(name, unquote(attribute[2] ?? ''));
    }
    const charset = attributes.get('charset');
    if (charset !== undefined) {
      const label = clean(charset);
      if (label) return label;
      continue;
    }
    const pragma = attributes.get('http-equiv');
    const content = attributes.get('content');
    if (pragma?.trim().toLowerCase() === 'content-type' && content !== undefined) {
      const label = clean(CONTENT_CHARSET.exec(content)?.[1] ?? '');
      if (label) return label;
    }
  }
  return null;
}

function unquote(value: string): string {
  const quote = value[0];
  return (quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2
    ? value.slice(1, -1)
    : value;
}

function clean(label: string): string | null {
  const lower = label.trim().toLowerCase();
  return LABEL.test(lower) ? lower : null;
}
