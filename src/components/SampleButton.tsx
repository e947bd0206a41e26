import { t } from '../i18n';
import { SAMPLE_FILE, useReviewStore } from '../store/reviewStore';

// The single file (`vite build --mode single`) runs from disk, where nothing can be fetched: its
// sample is in the page itself. The served app fetches it from public/ only when asked for.
const SAMPLE_INLINED = import.meta.env.MODE === 'single';

async function inlinedSample(): Promise<File> {
  // The path of SAMPLE_FILE, spelled out: an import's path must be a literal.
  const { default: text } = await import('../../public/samples/001_b7938c474e787140.txt?raw');
  return new File([text], SAMPLE_FILE, { type: 'text/plain' });
}

/** 示例: loads the bundled sample report, so that a newcomer sees the product at once. */
export function SampleButton() {
  const loadSample = useReviewStore((s) => s.loadSample);
  const addFiles = useReviewStore((s) => s.addFiles);
  const load = SAMPLE_INLINED ? async () => addFiles([await inlinedSample()]) : loadSample;
  return (
    <button type="button" className="button" title={t.sampleHint} onClick={() => void load()}>
      {t.sample}
    </button>
  );
}
