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

// `022_pingtan_qu_2021_chromium.pdf`: made from 022_pingtan_qu_2021.html.
const DERIVED = /^(\d{3}_[a-z]+_[a-z]+_\d{4})(?:_[a-z]+)?\.(?:docx|pdf)$/;

type Make =
  { kind: 'print'; landscape: boolean; scale: number; headerFooter: boolean } | { kind: 'convert' };

/** One shape users bring a report in, made from every HTML original by `npm run variants`. */
export interface VariantClass {
  /** Its folder under src/core/fixtures/variants/, and its name in `npm run accuracy`. */
  dir: string;
  make: Make;
}

const print = (landscape: boolean, scale: number, headerFooter: boolean): Make => ({
  kind: 'print',
  landscape,
  scale,
  headerFooter,
});
const convert: Make = { kind: 'convert' };

export const VARIANT_CLASSES: readonly VariantClass[] = [
  // Chromium's print → save as PDF, A4: the dialog's default (100 %, headers and footers on), a
  // larger scale (narrower columns, more wrapping), landscape, and landscape shrunk.
  { dir: 'pdf-chromium-portrait', make: print(false, 1, true) },
  { dir: 'pdf-chromium-portrait-125', make: print(false, 1.25, false) },
  { dir: 'pdf-chromium-landscape', make: print(true, 1, false) },
  { dir: 'pdf-chromium-landscape-70', make: print(true, 0.7, true) },
  // LibreOffice opening the saved page and writing DOCX, then that DOCX as PDF.
  { dir: 'docx-libreoffice', make: convert },
  { dir: 'pdf-libreoffice', make: convert },
  // Text copies: the seeds' flattened form; the browser's own text (select all, copy: tabs between
  // cells); that flattened form in traditional characters, and with a mirror's pinyin readings.
  { dir: 'text-flat', make: convert },
  { dir: 'text-innertext', make: convert },
  { dir: 'text-traditional', make: convert },
  { dir: 'text-pinyin', make: convert },
  // A mirror site's copy of the page in traditional characters (Hong Kong forms).
  { dir: 'html-traditional', make: convert },
];

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
  const variants = VARIANT_CLASSES.flatMap((variant) =>
    list(`variants/${variant.dir}/`, /^\d{3}_.*\.(?:pdf|docx|txt|html)$/).flatMap((file) => {
      const html = corpus.find((truth) => truth.file === `${file.replace(/\.[a-z]+$/, '')}.html`);
      return html
        ? [
            {
              truth: { ...html, file },
              path: `variants/${variant.dir}/${file}`,
              format: variant.dir,
            },
          ]
        : [];
    }),
  );
  return [
    ...[
      ...seeds.map((truth) => ({ truth, path: `seeds/${truth.file}` })),
      ...corpus.map((truth) => ({ truth, path: `corpus/${truth.file}` })),
      ...derived('pdf/'),
    ].map((entry) => ({ ...entry, format: formatOf(entry.truth.file) })),
    ...variants,
  ];
}

export function readFixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, FIXTURES)));
}
