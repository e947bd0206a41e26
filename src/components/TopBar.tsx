import { t } from '../i18n';
import { ClearWorkspaceButton } from './ClearWorkspaceButton';
import { ExportMenu } from './ExportMenu';
import { FilePicker } from './FilePicker';
import { Notice } from './Notice';
import { ParseProgress } from './ParseProgress';
import { PasteDialog } from './PasteDialog';
import { SampleButton } from './SampleButton';
import { SaveIndicator } from './SaveIndicator';
import { ShortcutsHelp } from './ShortcutsHelp';
import { UndoRedo } from './UndoRedo';

/** The title and the ways in and out: open, paste, sample; undo, save state, export, clear, help. */
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
        <Notice />
        <UndoRedo />
        <SaveIndicator />
        <ExportMenu />
        <ClearWorkspaceButton />
        <ShortcutsHelp />
      </div>
    </header>
  );
}
