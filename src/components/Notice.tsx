import { useEffect } from 'react';
import { useReviewStore } from '../store/reviewStore';

const SHOWN_MS = 3000;

/** A passing word from the store (nothing left to go to), gone after a few seconds. */
export function Notice() {
  const notice = useReviewStore((s) => s.notice);
  const clearNotice = useReviewStore((s) => s.clearNotice);
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(clearNotice, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice, clearNotice]);
  return (
    <span className="notice-flash" role="status">
      {notice}
    </span>
  );
}
