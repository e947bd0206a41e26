import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  /** The report to ask about; null when nothing is asked. */
  id: string | null;
  /** Called once the question is answered, after the report is removed if it was to be. */
  onClose: (removed: boolean) => void;
}

/**
 * 移除此报告？ The history's steps are versions of a report, with no place for a report taken out
 * of the queue, so removing cannot be undone: it is asked first.
 */
export function RemoveReportDialog({ id, onClose }: Props) {
  const name = useReviewStore((s) => (id === null ? null : (s.entries[id]?.name ?? null)));
  return (
    <ConfirmDialog
      open={name !== null}
      title={t.remove.title}
      body={t.remove.body(name ?? '')}
      confirmLabel={t.remove.confirm}
      onConfirm={() => {
        if (id !== null) useReviewStore.getState().removeReport(id);
        onClose(true);
      }}
      onCancel={() => onClose(false)}
    />
  );
}
