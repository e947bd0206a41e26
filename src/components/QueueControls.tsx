import { useId } from 'react';
import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';
import { QueueSearch } from './QueueSearch';

/** 搜索, 筛选 and 排序 of the queue. */
export function QueueControls() {
  const filter = useReviewStore((s) => s.queueFilter);
  const sort = useReviewStore((s) => s.queueSort);
  const { setQueueFilter, setQueueSort } = useReviewStore.getState();
  return (
    <div className="queue-controls">
      <QueueSearch />
      <Choice label={t.filterLabel} value={filter} names={t.filters} onChange={setQueueFilter} />
      <Choice label={t.sortLabel} value={sort} names={t.sorts} onChange={setQueueSort} />
    </div>
  );
}

interface ChoiceProps<K extends string> {
  label: string;
  value: K;
  names: Record<K, string>;
  onChange: (value: K) => void;
}

function Choice<K extends string>({ label, value, names, onChange }: ChoiceProps<K>) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as K)}>
        {(Object.keys(names) as K[]).map((key) => (
          <option key={key} value={key}>
            {names[key]}
          </option>
        ))}
      </select>
    </>
  );
}
