import { create, type StateCreator } from 'zustand';
import { createParseClient, type ParseClient } from '../worker/client';
import { historySlice, type HistorySlice } from './historySlice';
import { originalsSlice, type OriginalsSlice } from './originalsSlice';
import { parsingSlice, type ParsingSlice } from './parsingSlice';
import { queueSlice, type QueueSlice } from './queueSlice';
import { reviewSlice, type ReviewSlice } from './reviewSlice';
import { selectionSlice, type SelectionSlice } from './selectionSlice';
import { createSession, SAMPLE_FILE, type ReviewDeps } from './shared';
import { workspaceSlice, type WorkspaceSlice } from './workspaceSlice';

export type { QueueEntry } from './queueSlice';
export type { ReviewDeps } from './shared';
export { SAMPLE_FILE } from './shared';

/** The one review store, made of its slices (docs/ARCHITECTURE.md, "The store"). */
export type ReviewStore = QueueSlice &
  ParsingSlice &
  SelectionSlice &
  ReviewSlice &
  HistorySlice &
  WorkspaceSlice &
  OriginalsSlice;

async function fetchBundledSample(): Promise<File> {
  // Relative to the page, so it also works when the app is served under a sub-path.
  const response = await fetch(`samples/${SAMPLE_FILE}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new File([await response.blob()], SAMPLE_FILE, { type: 'text/plain' });
}

let client: ParseClient | null = null;

function defaultDeps(): ReviewDeps {
  return {
    // Created on first use, so that importing the store starts no worker.
    parse: (file, name, signal) => (client ??= createParseClient()).parse(file, name, signal),
    fetchSample: fetchBundledSample,
    now: () => new Date().toISOString(),
    batchMs: 50,
  };
}

export function reviewStore(deps: ReviewDeps): StateCreator<ReviewStore> {
  return (...store) => {
    const session = createSession(deps);
    return {
      ...queueSlice(...store),
      ...parsingSlice(session)(...store),
      ...selectionSlice(...store),
      ...reviewSlice(session)(...store),
      ...historySlice(session)(...store),
      ...workspaceSlice(session)(...store),
      ...originalsSlice(...store),
    };
  };
}

export const useReviewStore = create<ReviewStore>()(reviewStore(defaultDeps()));
