import { useEffect } from 'react';
import { useReviewStore } from '../store/reviewStore';

/**
 * Asks before the tab is closed or reloaded while something on screen is not in IndexedDB yet (a
 * write under way, or one that failed): closing then would lose it.
 */
export function useUnsavedWarning(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (useReviewStore.getState().save.state !== 'saved') event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
