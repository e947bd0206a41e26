import { useEffect, useState, type RefObject } from 'react';

/** Rows drawn beyond each edge of the view, so that a quick scroll does not show a gap. */
const OVERSCAN = 10;

/**
 * The rows of a long list of fixed-height rows that are in view, for a list inside a scrolling
 * container (headers above it may stick). With a thousand reports in the queue only a screenful is
 * in the page: a re-sort moves a few rows, not a thousand.
 */
export function useVirtualRows(
  scroller: RefObject<HTMLElement | null>,
  list: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
): { first: number; last: number } {
  const [view, setView] = useState({ top: 0, height: 0 });

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const offset = list.current?.offsetTop ?? 0;
      setView({ top: Math.max(0, element.scrollTop - offset), height: element.clientHeight });
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(measure);
    };
    element.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(element);
    measure();
    return () => {
      element.removeEventListener('scroll', schedule);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scroller, list]);

  // Before the first measurement, a screenful of a tall window.
  const height = view.height || 1200;
  const first = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + height) / rowHeight) + OVERSCAN);
  return { first, last };
}

/** Scrolls the container just enough to show the row, below the headers that stick above it. */
export function scrollRowIntoView(
  scroller: HTMLElement,
  list: HTMLElement,
  index: number,
  rowHeight: number,
): void {
  const offset = list.offsetTop;
  const top = offset + index * rowHeight;
  if (top < scroller.scrollTop + offset) scroller.scrollTop = top - offset;
  else if (top + rowHeight > scroller.scrollTop + scroller.clientHeight) {
    scroller.scrollTop = top + rowHeight - scroller.clientHeight;
  }
}
