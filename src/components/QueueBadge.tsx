import type { Badge } from './checkStatus';

/** One of a queue row's badges: `⚠ 2`, `✓ 2`, `表不完整`, `5 项无法判断`. */
export function QueueBadge({ badge }: { badge: Badge | null }) {
  if (!badge) return null;
  const tone = { bad: ' status-fail', unsure: ' status-uncertain', good: '', none: '' }[badge.tone];
  return (
    <span className={`badge${tone}`} title={badge.title}>
      {badge.text}
    </span>
  );
}
