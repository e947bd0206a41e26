import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { downloadAllJsonl, downloadCsv, downloadReport } from './download';
import { useDismiss } from './useDismiss';

/** 导出 ▾: this report's JSON, every report as JSON Lines, or every cell as CSV. */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(container, open, close);

  function choose(action: () => void) {
    setOpen(false);
    button.current?.focus();
    action();
  }

  // Up and down move between the items, as in any menu.
  function onMenuKey(event: KeyboardEvent<HTMLUListElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:enabled')];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    items[(next + items.length) % items.length]?.focus();
  }

  return (
    <div className="menu-anchor" ref={container}>
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        {t.exportMenu} ▾
      </button>
      {open && <ExportItems onKeyDown={onMenuKey} choose={choose} />}
    </div>
  );
}

interface ItemsProps {
  onKeyDown: (event: KeyboardEvent<HTMLUListElement>) => void;
  choose: (action: () => void) => void;
}

// Mounted only while the menu is open, so that the queue is not looked through on every change.
function ExportItems({ onKeyDown, choose }: ItemsProps) {
  const report = useReviewStore((s) =>
    s.selectedId === null ? null : (s.entries[s.selectedId]?.report ?? null),
  );
  const any = useReviewStore((s) => s.order.some((id) => s.entries[id]?.report));
  const items = [
    {
      label: t.exportThis,
      hint: t.exportThisHint,
      enabled: report !== null,
      run: () => report && downloadReport(report),
    },
    { label: t.exportAll, hint: t.exportAllHint, enabled: any, run: downloadAllJsonl },
    { label: t.exportCsv, hint: t.exportCsvHint, enabled: any, run: () => void downloadCsv() },
  ];
  return (
    <ul className="menu" role="menu" aria-label={t.exportMenu} onKeyDown={onKeyDown}>
      {items.map((item, index) => (
        <li key={item.label} role="none">
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            disabled={!item.enabled}
            // The first item takes focus, so that the keyboard can go on from the menu button.
            autoFocus={index === items.findIndex((i) => i.enabled)}
            onClick={() => choose(item.run)}
          >
            <span>{item.label}</span>
            <span className="menu-hint">{item.hint}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
