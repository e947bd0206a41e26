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
 * 移除此报告？ asked only of a report with the reviewer's work in it. Removing is one step to undo,
 * but undo goes back through every later step first, and the history ends with the page: a removal
 * noticed late, or after a reload, would take that work with it. A report nobody has touched is
 * removed at once (dropping the file again brings it back).
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
