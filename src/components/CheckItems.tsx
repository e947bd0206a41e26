import type { Check } from '../core';
import { t } from '../i18n';
import type { CheckText } from './checkText';

interface Props {
  items: { check: Check; text: CheckText }[];
  selected: string | null;
  onSelect: (checkId: string) => void;
}

/** Checks as lines of arithmetic; clicking one selects its cells in their table. */
export function CheckItems({ items, selected, onSelect }: Props) {
  return (
    <ul className="check-list">
      {items.map(({ check, text }) => (
        <li key={check.id}>
          <button
            type="button"
            className={`check status-${check.status}${check.id === selected ? ' is-selected' : ''}`}
            aria-current={check.id === selected || undefined}
            onClick={() => onSelect(check.id)}
          >
            <span className={`badge status-${check.status}`}>
              {t.issues.checkStatus[check.status]}
            </span>
            <span className="check-rule">{check.rule}</span>
            <span className="check-place">{text.place}</span>
            <span className="check-equation">{text.equation}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
