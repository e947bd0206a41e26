import { openSuggestions, type Report, type Suggestion } from '../core';

// Trying every re-cut of a row costs a few milliseconds: once per version of a report (reports are
// immutable), and only for the reports asked about, which is the selected one.
const cache = new WeakMap<Report, readonly Suggestion[]>();

/** The suggestions still open for this version of the report. */
export function suggestionsOf(report: Report): readonly Suggestion[] {
  let suggestions = cache.get(report);
  if (!suggestions) {
    suggestions = openSuggestions(report);
    cache.set(report, suggestions);
  }
  return suggestions;
}
