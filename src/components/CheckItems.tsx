import type { Check } from '../core';
import { CheckSummary } from './CheckSummary';
import { takesVerdict, type CheckText, type SuggestionItem } from './checkText';
import { SuggestionLine } from './SuggestionLine';
import { VerdictControls } from './VerdictControls';

interface Props {
  items: { check: Check; text: CheckText }[];
  selected: string | null;
  onSelect: (checkId: string) => void;
  /** Shown under the check each explains. */
  suggestions?: readonly SuggestionItem[];
}

/**
 * Checks as lines of arithmetic; clicking one selects its cells in their table. A check that does
 * not pass, or was judged, carries the verdict buttons, and a failing one the suggestions that would
 * fix it, so that a list can be gone through in place.
 */
export function CheckItems({ items, selected, onSelect, suggestions = [] }: Props) {
  return (
    <ul className="check-list">
      {items.map(({ check, text }) => (
        <li
          key={check.id}
          className={`check-item${check.id === selected ? ' is-selected' : ''}`}
          data-check={check.id}
          data-status={check.status}
          data-verdict={check.verdict}
        >
          <button
            type="button"
            className={`check status-${check.status}`}
            aria-current={check.id === selected || undefined}
            onClick={() => onSelect(check.id)}
          >
            <CheckSummary check={check} text={text} />
          </button>
          {suggestions
            .filter((item) => item.suggestion.check === check.id)
            .map((item) => (
              <SuggestionLine key={item.suggestion.id} {...item} />
            ))}
          {takesVerdict(check) && <VerdictControls check={check} />}
        </li>
      ))}
    </ul>
  );
}
