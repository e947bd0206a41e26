import { t } from '../i18n';
import { ExportButton } from './ExportButton';
import { FilePicker } from './FilePicker';
import { ParseProgress } from './ParseProgress';
import { PasteDialog } from './PasteDialog';
import { SampleButton } from './SampleButton';

/** The title and the ways in and out: open, paste, sample; export. */
export function TopBar() {
  return (
    <header className="top-bar">
      <h1 className="app-title">{t.appTitle}</h1>
      <div className="top-actions">
        <FilePicker />
        <PasteDialog />
        <SampleButton />
        <ParseProgress />
      </div>
      <div className="top-actions end">
        <ExportButton />
      </div>
    </header>
  );
}
