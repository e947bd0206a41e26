import { t } from '../i18n';

/** What the page says before any file is in: how to start. */
export function EmptyState() {
  return (
    <div className="empty-state">
      <h2>{t.emptyTitle}</h2>
      <p>{t.emptyBody}</p>
      <p className="muted">{t.emptyPrivacy}</p>
    </div>
  );
}
