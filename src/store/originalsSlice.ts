import type { StateCreator } from 'zustand';
import type { ReviewStore } from './reviewStore';

/** The dropped files themselves, for the source pane's 原文. */
export interface OriginalsSlice {
  /**
   * The files dropped as PDF, HTML or DOCX, by the SHA-256 of their bytes (their report's
   * `source.sha256`), for the source pane's 原文: imported reports have none.
   */
  originals: Record<string, Blob>;
  /** Originals the disk refused: shown this session, gone after a reload. */
  unstoredOriginals: string[];
  /** The disk refused these originals: the page view says they are not stored. */
  markOriginalsUnstored(shas: readonly string[]): void;
}

export const originalsSlice: StateCreator<ReviewStore, [], [], OriginalsSlice> = (set, get) => ({
  originals: {},
  unstoredOriginals: [],

  markOriginalsUnstored: (shas) => {
    const unstored = get().unstoredOriginals;
    const fresh = shas.filter((sha) => !unstored.includes(sha));
    if (fresh.length > 0) set({ unstoredOriginals: [...unstored, ...fresh] });
  },
});
