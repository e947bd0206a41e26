// The golden set, for the golden tests and `npm run accuracy`: real reports with values checked by
// hand. The seeds' expectations are in src/core/fixtures/expected; the corpus truth is in
// src/core/fixtures/corpus/truth (one file per format of each report), completed by
// corpus-additions.json; the DOCX and PDF fixtures made from the corpus HTML (LibreOffice, a
// Chromium print) share its truth.
import { readFileSync, readdirSync } from 'node:fs';

export interface Truth {
  file: string;
  meta: { agency: string | null; year: number; template: string };
  cells: Record<string, number | null>;
  facts: Record<string, number>;
  duplicated: boolean;
}

export interface GoldenCase {
  truth: Truth;
  /** Relative to src/core/fixtures/. */
  path: string;
  format: string;
}

// `022_pingtan_qu_2021.docx`, `022_pingtan_qu_2021_chromium.pdf`: made from 022_pingtan_qu_2021.html.
const DERIVED = /^(\d{3}_[a-z]+_[a-z]+_\d{4})(?:_[a-z]+)?\.(?:docx|pdf)$/;

export const FIXTURES = new URL('../src/core/fixtures/', import.meta.url);

const readJson = <T>(path: string): T =>
  JSON.parse(readFileSync(new URL(path, FIXTURES), 'utf8')) as T;
const list = (dir: string, pattern: RegExp) =>
  readdirSync(new URL(dir, FIXTURES))
    .filter((name) => pattern.test(name))
    .sort();

function formatOf(file: string): string {
  if (/\.pdf$/.test(file)) return 'pdf';
  if (/\.html?$/.test(file)) return 'html';
  if (/\.docx$/.test(file)) return 'docx';
  if (/_flat\.txt$/.test(file)) return 'text (flattened cells)';
  if (/\.md$/.test(file)) return 'markdown';
  return 'text';
}

export function goldenCases(): GoldenCase[] {
  const { cells: additions, meta: metaAdditions } = readJson<{
    cells: Record<string, Record<string, number | null>>;
    meta: Record<string, Partial<Truth['meta']>>;
  }>('corpus-additions.json');
  const seeds = list('expected/', /\.json$/).map((name) => readJson<Truth>(`expected/${name}`));
  const corpus = list('corpus/truth/', /\.json$/).map((name) => {
    const truth = readJson<Truth>(`corpus/truth/${name}`);
    return { ...truth, cells: { ...truth.cells, ...additions[truth.file] } };
  });
  const derived = (dir: string) =>
    list(dir, DERIVED).flatMap((file) => {
      const base = DERIVED.exec(file)?.[1];
      const html = corpus.find((truth) => truth.file === `${base}.html`);
      const meta = { ...html?.meta, ...metaAdditions[file] } as Truth['meta'];
      return html ? [{ truth: { ...html, file, meta }, path: `${dir}${file}` }] : [];
    });
  return [
    ...seeds.map((truth) => ({ truth, path: `seeds/${truth.file}` })),
    ...corpus.map((truth) => ({ truth, path: `corpus/${truth.file}` })),
    ...derived('docx/'),
    ...derived('pdf/'),
  ].map((entry) => ({ ...entry, format: formatOf(entry.truth.file) }));
}

export function readFixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, FIXTURES)));
}
