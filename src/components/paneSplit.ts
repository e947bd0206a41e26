/** How the report's two panes share its width: a UI preference, kept in localStorage. */
export interface PaneSplit {
  /** The source pane's share of the width, in percent. */
  source: number;
  collapsed: 'source' | 'tables' | null;
}

export const SPLIT_MIN = 20;
export const SPLIT_MAX = 80;
const KEY = 'nianbao-review.split';
const DEFAULT_SPLIT: PaneSplit = { source: 40, collapsed: null };

export function clampSplit(source: number): number {
  return Math.round(Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, source)));
}

/** The stored split; the default when there is none, or it is not one (storage is the user's). */
export function loadSplit(): PaneSplit {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return DEFAULT_SPLIT;
    const { source, collapsed } = stored as Record<string, unknown>;
    return {
      source: typeof source === 'number' ? clampSplit(source) : DEFAULT_SPLIT.source,
      collapsed: collapsed === 'source' || collapsed === 'tables' ? collapsed : null,
    };
  } catch {
    return DEFAULT_SPLIT;
  }
}

export function saveSplit(split: PaneSplit): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(split));
  } catch {
    // Storage refused (full, or blocked): the split still holds for this page.
  }
}
