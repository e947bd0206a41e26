import { useState } from 'react';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { ConfirmDialog } from './ConfirmDialog';

/** 清空工作区, after asking: it empties the queue here and in the browser's storage. */
export function ClearWorkspaceButton() {
  const [asking, setAsking] = useState(false);
  const count = useReviewStore((s) => s.order.length);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={count === 0}
        onClick={() => setAsking(true)}
      >
        {t.clear.button}
      </button>
      <ConfirmDialog
        open={asking}
        title={t.clear.title}
        body={t.clear.body(count)}
        confirmLabel={t.clear.confirm}
        onConfirm={() => {
          setAsking(false);
          useReviewStore.getState().clearWorkspace();
        }}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}
