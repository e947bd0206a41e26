import { useContext, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { GridContext } from './gridContext';
import type { Move } from './gridNav';

interface Props {
  raw: string;
  label: string;
}

/** The text box in a cell being edited. Enter and Tab commit and move on, Esc cancels, leaving commits. */
export function CellEditor({ raw, label }: Props) {
  const grid = useContext(GridContext);
  const seed = useReviewStore((s) => s.editing?.seed ?? null);
  const commitEdit = useReviewStore((s) => s.commitEdit);
  const cancelEdit = useReviewStore((s) => s.cancelEdit);
  const [draft, setDraft] = useState(() => seed ?? raw.trim());
  const input = useRef<HTMLInputElement>(null);
  // Set once the edit is over, so that the blur caused by focusing the grid does not commit twice.
  const finished = useRef(false);

  // Before the browser goes on with the key that opened the editor: an IME's composition, begun on
  // that key, must land in the box.
  useLayoutEffect(() => {
    const element = input.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);

  function finish(commit: boolean, move?: Move) {
    if (finished.current) return;
    finished.current = true;
    if (commit) commitEdit(draft);
    else cancelEdit();
    grid.focus();
    if (move) grid.move(move);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // The grid must not see keys typed into the box.
    event.stopPropagation();
    // Enter or Esc that ends an IME composition belongs to the IME.
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(true, event.shiftKey ? 'up' : 'down');
    } else if (event.key === 'Tab') {
      event.preventDefault();
      finish(true, event.shiftKey ? 'previous' : 'next');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(false);
    }
  }

  return (
    <input
      ref={input}
      className="cell-editor"
      aria-label={t.editCellLabel(label)}
      value={draft}
      spellCheck={false}
      autoComplete="off"
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
    />
  );
}
