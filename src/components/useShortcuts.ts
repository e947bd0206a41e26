import { useEffect } from 'react';
import { useReviewStore } from '../store/reviewStore';
import { isTyping } from './keyTargets';

function focusGrid(): void {
  // After the store update has rendered the table the problem is in.
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[role="grid"]')?.focus());
}

/**
 * The keys that work anywhere on the page: undo and redo, J/K (Alt+↓/↑) between reports, N/Shift+N
 * (F8/Shift+F8) between problems. Listened for before the grid sees them: in a table of numbers a
 * letter is a command, not the start of an edit.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      // A modal dialog (paste, confirm) has the keyboard to itself.
      if (document.querySelector('dialog[open]')) return;
      const store = useReviewStore.getState();
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const typing = isTyping(event.target);
      let action: (() => void) | null = null;

      if ((event.ctrlKey || event.metaKey) && !event.altKey) {
        if (typing) return;
        if (key === 'z') action = event.shiftKey ? store.redo : store.undo;
        else if (key === 'y') action = store.redo;
      } else if (typing || store.editing || event.ctrlKey || event.metaKey) {
        return;
      } else if (event.altKey) {
        if (key === 'ArrowDown') action = () => store.selectAdjacentReport(1);
        else if (key === 'ArrowUp') action = () => store.selectAdjacentReport(-1);
      } else if (key === 'j' || key === 'k') {
        action = () => store.selectAdjacentReport(key === 'j' ? 1 : -1);
      } else if (key === 'n' || key === 'F8') {
        action = () => {
          store.selectAdjacentProblem(event.shiftKey ? -1 : 1);
          focusGrid();
        };
      }
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
