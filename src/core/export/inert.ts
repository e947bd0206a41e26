// What Excel runs: a field that starts with = + - @ (or a tab or carriage return before one) is a
// formula to it, in a CSV file and in text pasted from the clipboard alike.
const FORMULA_START = /^[=+\-@\t\r]/;
// A signed number is what Excel should see: it reads it as that number, and runs nothing.
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * Text that Excel would run as a formula gets a leading apostrophe (OWASP's advice); numbers are
 * written as numbers and never touched, unlike papaparse's `escapeFormulae`, which would turn a
 * negative `change` into text (SPEC R9.7).
 */
export function inertText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** The text `inertText` made inert, as it was: a block copied out and pasted back is unchanged. */
export function fromInertText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
