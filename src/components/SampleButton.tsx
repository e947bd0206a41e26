import { t } from '../i18n';
import { useReviewStore } from '../store/reviewStore';

/** 示例: loads the bundled sample report, so that a newcomer sees the product at once. */
export function SampleButton() {
  const loadSample = useReviewStore((s) => s.loadSample);
  return (
    <button type="button" className="button" title={t.sampleHint} onClick={() => void loadSample()}>
      {t.sample}
    </button>
  );
}
