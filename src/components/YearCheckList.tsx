import type { YearCheck } from '../core';
import { YearCheckItem } from './YearCheckItem';

interface Props {
  checks: readonly YearCheck[];
  /** The report shown: each check names the other one. */
  selectedId: string;
}

export function YearCheckList({ checks, selectedId }: Props) {
  return (
    <ul className="check-list">
      {checks.map((check) => (
        <YearCheckItem
          // One check id comes once per pair of reports.
          key={`${check.earlier.report}/${check.later.report}/${check.id}`}
          check={check}
          selectedId={selectedId}
        />
      ))}
    </ul>
  );
}
