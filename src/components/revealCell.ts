function scrollBox(element: HTMLElement): HTMLElement | null {
  for (let at = element.parentElement; at; at = at.parentElement) {
    const { overflowX, overflowY } = getComputedStyle(at);
    if (/auto|scroll/.test(overflowX + overflowY)) return at;
  }
  return null;
}

/**
 * Scrolls a table's scroll box so that the cell is in view beside the frozen parts, not under them:
 * below the sticky header rows (or 表二's block caption) and right of its row's sticky label.
 */
export function revealCell(cell: HTMLTableCellElement): void {
  const box = scrollBox(cell);
  const table = cell.closest('table');
  if (!box || !table) return;
  const header = table.tHead ?? table.querySelector<HTMLElement>('.block-caption');
  const label = cell.parentElement?.querySelector<HTMLElement>('.row-label');
  const view = box.getBoundingClientRect();
  const top = view.top + (header?.offsetHeight ?? 0);
  const left = view.left + (label?.offsetWidth ?? 0);
  const right = view.left + box.clientWidth;
  const bottom = view.top + box.clientHeight;
  const at = cell.getBoundingClientRect();

  // Whole pixels, rounded outwards: a scroll offset is a whole pixel, the edges may not be.
  if (at.top < top) box.scrollTop -= Math.ceil(top - at.top);
  else if (at.bottom > bottom)
    box.scrollTop += Math.ceil(Math.min(at.bottom - bottom, at.top - top));
  if (at.left < left) box.scrollLeft -= Math.ceil(left - at.left);
  else if (at.right > right)
    box.scrollLeft += Math.ceil(Math.min(at.right - right, at.left - left));
}
