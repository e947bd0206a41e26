import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { t } from '../i18n';
import { isTyping } from './keyTargets';
import { useDismiss } from './useDismiss';

// The grid's spreadsheet keys come after the page's own.
const ITEMS = [...t.shortcuts.items, ...t.gridKeys.shortcuts];

/** The ? button and key: what the keyboard can do, in a small popover. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const id = useId();
  useDismiss(container, open, close);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      // Before the grid, which would take the character as the start of an edit.
      event.preventDefault();
      event.stopPropagation();
      setOpen((was) => !was);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  return (
    <div className="menu-anchor" ref={container}>
      <button
        type="button"
        className="button help-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t.shortcuts.title}
        title={t.shortcuts.title}
        onClick={() => setOpen((was) => !was)}
      >
        {t.shortcuts.button}
      </button>
      {open && (
        <div id={id} className="popover shortcuts" role="dialog" aria-label={t.shortcuts.title}>
          <h2>{t.shortcuts.title}</h2>
          <dl>
            {ITEMS.map(([keys, what]) => (
              <div key={keys} className="shortcut">
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
