import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';

const BUTTONS = [
  { direction: 'undo', icon: '↶', label: t.undo, hint: t.undoHint },
  { direction: 'redo', icon: '↷', label: t.redo, hint: t.redoHint },
] as const;

/** 撤销 / 重做, for the mouse; the keys are Ctrl+Z and Ctrl+Shift+Z or Ctrl+Y. */
export function UndoRedo() {
  return BUTTONS.map((button) => <HistoryButton key={button.direction} {...button} />);
}

function HistoryButton({ direction, icon, label, hint }: (typeof BUTTONS)[number]) {
  // The label of the step it would take back or again, or null when there is none.
  const step = useReviewStore((s) => s.history[direction].at(-1)?.label ?? null);
  return (
    <button
      type="button"
      className="button"
      title={hint(step)}
      disabled={step === null}
      onClick={useReviewStore.getState()[direction]}
    >
      {icon} {label}
    </button>
  );
}
