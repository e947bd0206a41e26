/** Whether a key goes into a text field, whose own keys (letters, Ctrl+Z) must be left to it. */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !==
      null
  );
}
