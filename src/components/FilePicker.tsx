import { useId, type ChangeEvent } from 'react';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';

/** 打开文件: a real file input behind its label, so that the label is the button. */
export function FilePicker() {
  const id = useId();
  const addFiles = useReviewStore((s) => s.addFiles);

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    // Cleared so that choosing the same file again still counts as a change.
    event.target.value = '';
    void addFiles(files);
  }

  return (
    <>
      <input id={id} type="file" multiple className="visually-hidden" onChange={onChange} />
      <label htmlFor={id} className="button primary">
        {t.openFiles}
      </label>
    </>
  );
}
