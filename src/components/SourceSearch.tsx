import { useState, type KeyboardEvent } from 'react';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';

interface Props {
  text: string;
}

/**
 * 查找 in the source: the browser's find-in-page sees only the lines drawn, so the text is searched
 * here and the place found is shown (its line highlighted and scrolled to) as a selected place is.
 */
export function SourceSearch({ text }: Props) {
  const [query, setQuery] = useState('');
  const [missing, setMissing] = useState(false);
  const showSpan = useReviewStore((s) => s.showSpan);

  function find(step: 1 | -1) {
    if (query === '') return;
    const here = useReviewStore.getState().selectedSpan?.[0];
    // From the place shown, on in the direction asked, round past the end.
    let at =
      step === 1
        ? text.indexOf(query, here === undefined ? 0 : here + 1)
        : here === undefined || here === 0
          ? -1
          : text.lastIndexOf(query, here - 1);
    if (at < 0) at = step === 1 ? text.indexOf(query) : text.lastIndexOf(query);
    setMissing(at < 0);
    if (at >= 0) showSpan([at, at + query.length]);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    find(event.shiftKey ? -1 : 1);
  }

  return (
    <span className="source-search">
      <input
        type="search"
        className="source-search-input"
        aria-label={t.sourceSearch.label}
        placeholder={t.sourceSearch.placeholder}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setMissing(false);
        }}
        onKeyDown={onKeyDown}
      />
      {missing && <span className="source-search-none">{t.sourceSearch.none}</span>}
    </span>
  );
}
