import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import type { SuggestionItem } from './checkText';

const ACTIONS = [
  { kind: 'accept', action: 'acceptSuggestion', className: 'small-button primary' },
  { kind: 'reject', action: 'rejectSuggestion', className: 'small-button' },
] as const;

/** 建议：自然人 1→12，…  [采纳] [不采纳]; the line itself selects the cells it would change. */
export function SuggestionLine({ suggestion, text }: SuggestionItem) {
  const reportId = useReviewStore((s) => s.selectedId);
  const selected = useReviewStore((s) => s.selectedSuggestion === suggestion.id);
  const select = useReviewStore((s) => s.selectSuggestion);
  if (reportId === null) return null;
  return (
    <div
      className={`suggestion${selected ? ' is-selected' : ''}`}
      role="group"
      aria-label={t.suggestions.group}
      data-suggestion={suggestion.id}
    >
      <button
        type="button"
        className="suggestion-text"
        title={t.suggestions.selectHint}
        aria-current={selected || undefined}
        onClick={() => select(suggestion.id)}
      >
        {text}
      </button>
      {ACTIONS.map(({ kind, action, className }) => (
        <button
          key={kind}
          type="button"
          className={className}
          title={t.suggestions.hints[kind]}
          onClick={() => useReviewStore.getState()[action](reportId, suggestion.id)}
        >
          {t.suggestions[kind]}
        </button>
      ))}
    </div>
  );
}
