import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { t } from '../i18n';
import { PaneToggle } from './PaneToggle';
import { clampSplit, loadSplit, saveSplit, SPLIT_MAX, SPLIT_MIN } from './paneSplit';

interface Props {
  source: ReactNode;
  tables: ReactNode;
}

const STEP = 5;

/**
 * The source and the tables side by side, with a separator to drag or move with the arrow keys,
 * and a button to collapse either pane. The split outlives the page (localStorage).
 */
export function SplitPanes({ source, tables }: Props) {
  const [split, setSplit] = useState(loadSplit);
  const container = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  useEffect(() => saveSplit(split), [split]);

  const resize = (percent: number) => setSplit({ source: clampSplit(percent), collapsed: null });
  const toggle = (pane: 'source' | 'tables') =>
    setSplit((was) => ({ ...was, collapsed: was.collapsed === pane ? null : pane }));

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const to: Record<string, number> = {
      ArrowLeft: split.source - STEP,
      ArrowRight: split.source + STEP,
      Home: SPLIT_MIN,
      End: SPLIT_MAX,
    };
    const next = to[event.key];
    if (next === undefined) return;
    event.preventDefault();
    resize(next);
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const box = container.current?.getBoundingClientRect();
    if (!dragging.current || !box || box.width === 0) return;
    resize(((event.clientX - box.left) / box.width) * 100);
  }

  const columns =
    split.collapsed === 'source'
      ? '0 auto minmax(0, 1fr)'
      : split.collapsed === 'tables'
        ? 'minmax(0, 1fr) auto 0'
        : `minmax(0, ${split.source}fr) auto minmax(0, ${100 - split.source}fr)`;

  return (
    <div
      ref={container}
      className="report-split"
      style={{ gridTemplateColumns: columns }}
      data-collapsed={split.collapsed ?? undefined}
    >
      <div className="split-pane" hidden={split.collapsed === 'source'}>
        {source}
      </div>
      <div className="split-bar">
        <PaneToggle pane="source" collapsed={split.collapsed} onToggle={toggle} />
        <div
          role="separator"
          aria-orientation="vertical"
          aria-label={t.gridKeys.separator}
          aria-valuenow={split.source}
          aria-valuemin={SPLIT_MIN}
          aria-valuemax={SPLIT_MAX}
          tabIndex={0}
          className="split-handle"
          onKeyDown={onKeyDown}
          onPointerDown={(event) => {
            dragging.current = true;
            event.currentTarget.setPointerCapture(event.pointerId);
          }}
          onPointerMove={onPointerMove}
          onPointerUp={() => {
            dragging.current = false;
          }}
        />
        <PaneToggle pane="tables" collapsed={split.collapsed} onToggle={toggle} />
      </div>
      <div className="split-pane" hidden={split.collapsed === 'tables'}>
        {tables}
      </div>
    </div>
  );
}
