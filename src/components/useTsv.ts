import { useEffect, useState } from 'react';

type Tsv = typeof import('./tsv');

let loaded: Tsv | null = null;

/**
 * The TSV reader and writer, loaded when a grid first shows: a copy or paste event must be answered
 * at once, while papaparse stays out of the first load (the CSV export loads it the same way).
 */
export function useTsv(): Tsv | null {
  const [tsv, setTsv] = useState(loaded);
  useEffect(() => {
    if (tsv) return;
    let live = true;
    void import('./tsv').then((module) => {
      loaded = module;
      if (live) setTsv(module);
    });
    return () => {
      live = false;
    };
  }, [tsv]);
  return tsv;
}
