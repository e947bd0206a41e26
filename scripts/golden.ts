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
  | {
      kind: 'print';
      landscape: boolean;
      scale: number;
      headerFooter: boolean;
      /** The page's tables printed without borders. */
      unruled?: true;
    }
  | { kind: 'convert' };

/**
 * One shape users bring a report in, made by `npm run variants` from every HTML original of the golden
 * set, or from every text copy (the seeds and the corpus text files).
 */
export interface VariantClass {
  /** Its folder under src/core/fixtures/variants/, and its name in `npm run accuracy`. */
  dir: string;
  from: 'html' | 'text';
  make: Make;
}

const print = (landscape: boolean, scale: number, headerFooter: boolean, unruled?: true): Make => ({
  kind: 'print',
  landscape,
  scale,
  headerFooter,
  ...(unruled ? { unruled } : {}),
});
const convert: Make = { kind: 'convert' };

export const VARIANT_CLASSES: readonly VariantClass[] = [
  // Chromium's print → save as PDF, A4: the dialog's default (100 %, headers and footers on), a
  // larger scale (narrower columns, more wrapping), landscape, and landscape shrunk.
  { dir: 'pdf-chromium-portrait', from: 'html', make: print(false, 1, true) },
  { dir: 'pdf-chromium-portrait-125', from: 'html', make: print(false, 1.25, false) },
  { dir: 'pdf-chromium-landscape', from: 'html', make: print(true, 1, false) },
  { dir: 'pdf-chromium-landscape-70', from: 'html', make: print(true, 0.7, true) },
  // A page whose tables have no borders (sites that style tables with shading only): the PDF has
  // no ruling lines, and its tables are read from the positions of their text.
  { dir: 'pdf-chromium-unruled', from: 'html', make: print(false, 1, false, true) },
  // LibreOffice opening the saved page and writing DOCX, then that DOCX as PDF.
  { dir: 'docx-libreoffice', from: 'html', make: convert },
  { dir: 'pdf-libreoffice', from: 'html', make: convert },
  // Text copies: the seeds' flattened form; the browser's own text (select all, copy: tabs between
  // cells); that flattened form in traditional characters, and with a mirror's pinyin readings.
  { dir: 'text-flat', from: 'html', make: convert },
  { dir: 'text-innertext', from: 'html', make: convert },
  { dir: 'text-traditional', from: 'html', make: convert },
  { dir: 'text-pinyin', from: 'html', make: convert },
  // A mirror site's copy of the page in traditional characters (Hong Kong forms).
  { dir: 'html-traditional', from: 'html', make: convert },
  // Every text copy of the golden set (the seeds' layouts, digit runs, OCR, 统计表, prose) as a
  // mirror serves it: in traditional characters, and with pinyin readings.
  { dir: 'copies-traditional', from: 'text', make: convert },
  { dir: 'copies-pinyin', from: 'text', make: convert },
  // The same copies through another converter (chinese-conv): other choices of characters (規范, 反復).
  { dir: 'copies-chinese-conv', from: 'text', make: convert },
];

/** The text copies of the golden set that `from: 'text'` variants are made of (relative to FIXTURES). */
export function textCopies(): string[] {
  return [
    ...list('seeds/', /\.txt$/).map((file) => `seeds/${file}`),
    ...list('corpus/', /^\d{3}_.*\.(?:txt|md)$/).map((file) => `corpus/${file}`),
  ];
}

const FIXTURES = new URL('../src/core/fixtures/', import.meta.url);

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
  const rebuilt = rebuiltPages();
  // A variant has the truth of what it was made of: the HTML page of its name, or the text copy.
  const sourceOf = (variant: VariantClass, file: string) =>
    variant.from === 'html'
      ? [...corpus, ...rebuilt].find(
          (truth) => truth.file === `${file.replace(/\.[a-z]+$/, '')}.html`,
        )
      : [...seeds, ...corpus].find((truth) => truth.file === file);
  const notPrinted = readJson<Record<string, string[]>>('variants/not-printed.json');
  const variants = VARIANT_CLASSES.flatMap((variant) =>
    list(`variants/${variant.dir}/`, /^\d{3}_.*\.(?:pdf|docx|txt|md|html)$/).flatMap((file) => {
      const source = sourceOf(variant, file);
      const lost = notPrinted[`${variant.dir}/${file}`] ?? [];
      return source
        ? [
            {
              truth: { ...source, file, cells: blankWhere(source.cells, lost) },
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
    ...rebuilt.map((truth) => ({ truth, path: `rebuilt/${truth.file}`, format: 'html-rebuilt' })),
    ...variants,
  ];
}

/**
 * The web pages rebuilt from golden reports that have no HTML original (scripts/rebuild-pages.ts),
 * each with the truth of its report: its cells and meta, not its prose facts.
 */
export function rebuiltPages(): Truth[] {
  const { pages } = readJson<{ pages: Record<string, string> }>('rebuilt/sources.json');
  return Object.entries(pages).map(([file, source]) => ({
    ...readJson<Truth>(source),
    file,
    facts: {},
    duplicated: false,
  }));
}

/** The cells with those a variant does not print (`table/row/column`, `*` for any row) set blank. */
function blankWhere(cells: Truth['cells'], lost: readonly string[]): Truth['cells'] {
  const patterns = lost.map(
    (key) =>
      new RegExp(
        `^${key
          .split('*')
          .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]+')}$`,
      ),
  );
  return Object.fromEntries(
    Object.entries(cells).map(([key, value]) => [
      key,
      patterns.some((pattern) => pattern.test(key)) ? null : value,
    ]),
  );
}

export function readFixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, FIXTURES)));
}
