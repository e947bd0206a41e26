import { t } from '../i18n';

const ITEMS = [
  { className: 'is-selected', label: t.legendSelected },
  { className: 'is-corrected', label: t.legendCorrected },
  { className: 'is-low', label: t.legendLow },
  { className: 'is-failing', label: t.legendFailing },
  { className: 'is-not-number', label: t.gridKeys.notNumberMark },
];

/** What the cell colours mean. */
export function Legend() {
  return (
    <ul className="legend" aria-label={t.legend}>
      {ITEMS.map((item) => (
        <li key={item.className}>
          <span className={`legend-swatch cell ${item.className}`} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
