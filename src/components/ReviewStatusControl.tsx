import type { Report } from '../core';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';

interface Props {
  review: Report['review'];
}

/** The report's review status, and the button that gives (or takes back) the 已复核. */
export function ReviewStatusControl({ review }: Props) {
  const setReviewStatus = useReviewStore((s) => s.setReviewStatus);
  const reviewed = review.status === 'reviewed';
  return (
    <span className="review-status">
      <span
        className={`review-chip review-${review.status}`}
        data-testid="review-status"
        data-review={review.status}
        title={review.updatedAt ? t.review.updatedAt(review.updatedAt) : undefined}
      >
        {t.review.status[review.status]}
      </span>
      <button
        type="button"
        className={reviewed ? 'small-button' : 'small-button primary'}
        onClick={() => setReviewStatus(reviewed ? 'in-progress' : 'reviewed')}
      >
        {reviewed ? t.review.unmarkReviewed : t.review.markReviewed}
      </button>
    </span>
  );
}
