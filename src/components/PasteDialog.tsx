import { useId, useRef, useState, type FormEvent } from 'react';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';

/** 粘贴文本: a dialog whose text is parsed as if it were a UTF-8 text file. */
export function PasteDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const addText = useReviewStore((s) => s.addText);
  const fieldId = useId();

  function close() {
    dialog.current?.close();
    setText('');
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim() === '') return;
    void addText(text);
    close();
  }

  return (
    <>
      <button type="button" className="button" onClick={() => dialog.current?.showModal()}>
        {t.pasteText}
      </button>
      <dialog
        ref={dialog}
        className="paste-dialog"
        aria-labelledby={`${fieldId}-title`}
        onClose={() => setText('')}
      >
        <form method="dialog" onSubmit={onSubmit}>
          <h2 id={`${fieldId}-title`}>{t.pasteTitle}</h2>
          <label htmlFor={fieldId} className="visually-hidden">
            {t.pasteLabel}
          </label>
          <textarea
            id={fieldId}
            value={text}
            placeholder={t.pastePlaceholder}
            spellCheck={false}
            onChange={(event) => setText(event.target.value)}
          />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              {t.cancel}
            </button>
            <button type="submit" className="button primary" disabled={text.trim() === ''}>
              {t.pasteSubmit}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
