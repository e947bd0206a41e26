import { t } from '../i18n';

type Pane = 'source' | 'tables';

interface Props {
  pane: Pane;
  collapsed: Pane | null;
  onToggle: (pane: Pane) => void;
}

const WORDS = {
  source: { collapse: t.gridKeys.collapseSource, expand: t.gridKeys.expandSource },
  tables: { collapse: t.gridKeys.collapseTables, expand: t.gridKeys.expandTables },
};

// The arrow points where the pane goes: the source folds to the left, the tables to the right.
const ARROWS = { source: { open: '‹', shut: '›' }, tables: { open: '›', shut: '‹' } };

/** 收起 / 展开 one pane of the split; not while the other pane is the collapsed one. */
export function PaneToggle({ pane, collapsed, onToggle }: Props) {
  const shut = collapsed === pane;
  const label = shut ? WORDS[pane].expand : WORDS[pane].collapse;
  return (
    <button
      type="button"
      className="split-toggle"
      aria-label={label}
      title={label}
      disabled={collapsed !== null && !shut}
      onClick={() => onToggle(pane)}
    >
      {shut ? ARROWS[pane].shut : ARROWS[pane].open}
    </button>
  );
}
