import type { Report } from '../core';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { own } from '../core';

interface Props {
  report: Report;
}

function valueText(value: number | null, unit: string | null): string {
  return value === null ? '—' : `${value}${unit ?? ''}`;
}

/** The figures stated in prose; clicking one shows its sentence in the source. */
export function FactsList({ report }: Props) {
  const selectedSpan = useReviewStore((s) => s.selectedSpan);
  const showSpan = useReviewStore((s) => s.showSpan);
  if (report.facts.length === 0) return <p className="muted pad">{t.facts.empty}</p>;
  return (
    <table className="list-table facts">
      <thead>
        <tr>
          <th scope="col">{t.facts.key}</th>
          <th scope="col">{t.facts.value}</th>
          <th scope="col">{t.facts.sentence}</th>
        </tr>
      </thead>
      <tbody>
        {report.facts.map((fact, index) => {
          const selected = selectedSpan?.[0] === fact.span[0] && selectedSpan[1] === fact.span[1];
          return (
            <tr
              key={index}
              className={selected ? 'is-selected' : undefined}
              // The whole row is the target for the mouse; the button is the keyboard's way in.
              onClick={() => showSpan(fact.span)}
            >
              <th scope="row">
                <button type="button" className="link" aria-current={selected || undefined}>
                  {own(t.facts.names, fact.key) ?? fact.key}
                </button>
              </th>
              <td className="num">
                {fact.approximate && <span className="tag">{t.facts.approximate}</span>}
                {fact.cumulative && <span className="tag">{t.facts.cumulative}</span>}
                {valueText(fact.value, fact.unit)}
              </td>
              <td className="sentence">{report.text.slice(fact.sentence[0], fact.sentence[1])}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
