// npm run bench: core parse time per fixture (text, HTML, DOCX) against the floor, a bare decode +
// line split of the same bytes (docs/ARCHITECTURE.md, "Budgets"); then growth, the time of inputs
// ten times larger than others of the same shape (SPEC R14.7); then PDFs against their own floor,
// pdf.js reading every page's text and nothing else. It reports figures only; budgets are judged by people,
// because timings on a shared machine are too noisy to fail a build on.
import { readdirSync, readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { GROWING_TEXTS, nestedHtml } from '../src/core/fixtures/growth';
import { parseReport } from '../src/core/index';

const FIXTURES = new URL('../src/core/fixtures/', import.meta.url);
const WARM_UP_MS = 200;
const ROUNDS = 5;
const ROUND_MS = 150;
const BATCH_REPORTS = 1000;

interface Fixture {
  name: string;
  bytes: Uint8Array;
}

function fixtures(): Fixture[] {
  const pick = (dir: string, pattern: RegExp): Fixture[] =>
    readdirSync(new URL(dir, FIXTURES))
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => ({
        name,
        bytes: new Uint8Array(readFileSync(new URL(`${dir}${name}`, FIXTURES))),
      }));
  // The corpus README describes the fixtures; it is not one.
  return [
    ...pick('seeds/', /\.txt$/),
    ...pick('corpus/', /^(?!README\.md$).*\.(?:txt|md|html)$/),
    ...pick('variants/docx-libreoffice/', /^\d.*\.docx$/),
  ];
}

// Real PDFs: Word's (the corpus) and the shapes users make of web pages (Chromium, LibreOffice).
function pdfFixtures(): Fixture[] {
  const pick = (dir: string): Fixture[] =>
    readdirSync(new URL(dir, FIXTURES))
      .filter((name) => /^\d.*\.pdf$/.test(name))
      .sort()
      .map((name) => ({
        name: `${dir.replace(/^variants\//, '')}${name}`,
        bytes: new Uint8Array(readFileSync(new URL(`${dir}${name}`, FIXTURES))),
      }));
  return [
    ...pick('corpus/'),
    ...pick('variants/pdf-chromium-portrait/'),
    ...pick('variants/pdf-libreoffice/'),
  ];
}

const SLOW_ROUNDS = 3;

/** ms of the best of SLOW_ROUNDS runs, after one to warm up: for a run long enough to time alone. */
async function measureSlow(run: () => Promise<unknown>): Promise<number> {
  await run();
  let best = Infinity;
  for (let i = 0; i < SLOW_ROUNDS; i++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** The least any reader of a PDF's text does: pdf.js opens it and reads every page's text. */
async function pdfFloor(bytes: Uint8Array): Promise<number> {
  const task = getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  for (let number = 1; number <= doc.numPages; number++)
    await (await doc.getPage(number)).getTextContent();
  const pages = doc.numPages;
  await task.destroy();
  return pages;
}

async function benchPdfs(): Promise<void> {
  const rows: string[][] = [];
  let parseTotal = 0;
  let floorTotal = 0;
  let pagesTotal = 0;
  const all = pdfFixtures();
  for (const { name, bytes } of all) {
    const pages = await pdfFloor(bytes);
    const floorMs = await measureSlow(() => pdfFloor(bytes));
    const parseMs = await measureSlow(() => parseReport(bytes, name));
    parseTotal += parseMs;
    floorTotal += floorMs;
    pagesTotal += pages;
    rows.push([
      name,
      (bytes.length / 1e3).toFixed(0),
      String(pages),
      floorMs.toFixed(0),
      parseMs.toFixed(0),
      (parseMs / floorMs).toFixed(2),
    ]);
  }
  printTable(['PDF', 'KB', 'pages', 'text ms', 'parse ms', 'parse/text'], rows);
  console.log();
  console.log(
    `PDF: ${(parseTotal / all.length).toFixed(0)} ms per report, ${((1000 * pagesTotal) / parseTotal).toFixed(1)} pages/s; pdf.js text alone ${(floorTotal / all.length).toFixed(0)} ms; parse/text ${(parseTotal / floorTotal).toFixed(2)}x`,
  );
}

// Text shapes by lines, deep HTML by elements nested: the larger ten times the smaller, so that
// linear work takes about ten times as long (SPEC R14.7).
const GROWTH = [20_000, 200_000] as const;

async function benchGrowth(): Promise<void> {
  const head = readFileSync(new URL('corpus/022_pingtan_qu_2021_flat.txt', FIXTURES), 'utf8');
  const encoder = new TextEncoder();
  const inputs: [string, string, (size: number) => string][] = [
    ...Object.entries(GROWING_TEXTS).map(
      ([shape, make]): [string, string, (size: number) => string] => [
        `text: ${shape}`,
        'growth.txt',
        (lines) => make(head, lines),
      ],
    ),
    ['HTML nested <div>/<span>/<table>', 'growth.html', nestedHtml],
  ];
  const rows: string[][] = [];
  for (const [shape, name, make] of inputs) {
    const [small, large] = GROWTH.map((size) => encoder.encode(make(size)));
    if (!small || !large) continue;
    const smallMs = await measureSlow(() => parseReport(small, name));
    const largeMs = await measureSlow(() => parseReport(large, name));
    const result = await parseReport(large, name);
    rows.push([
      shape,
      (large.length / 1e6).toFixed(1),
      smallMs.toFixed(0),
      largeMs.toFixed(0),
      (largeMs / smallMs).toFixed(1),
      result.ok ? result.report.meta.template : `error: ${result.error.code}`,
    ]);
  }
  const [small, large] = GROWTH;
  printTable(
    ['growth', 'MB', `${small / 1000}k ms`, `${large / 1000}k ms`, 'ratio', 'result'],
    rows,
  );
}

const decoder = new TextDecoder('utf-8');
const floor = (bytes: Uint8Array): string[] => decoder.decode(bytes).split('\n');

/**
 * µs per call: warm up, then the best of ROUNDS rounds of at least ROUND_MS each. The best round is
 * the one least disturbed by the rest of a shared machine, so figures compare from run to run.
 */
async function measure(run: () => unknown): Promise<number> {
  const round = async (ms: number): Promise<number> => {
    const start = performance.now();
    let calls = 0;
    let elapsed = 0;
    // Check the clock every few calls only: reading it costs about as much as a floor pass.
    for (let batch = 1; elapsed < ms; batch = Math.min(batch * 2, 1024)) {
      for (let i = 0; i < batch; i++) await run();
      calls += batch;
      elapsed = performance.now() - start;
    }
    return (elapsed * 1000) / calls;
  };
  await round(WARM_UP_MS);
  let best = Infinity;
  for (let i = 0; i < ROUNDS; i++) best = Math.min(best, await round(ROUND_MS));
  return best;
}

// Bytes per µs is MB/s (10⁶ bytes), so KB in the table are 10³ bytes too.
const mbPerSecond = (bytes: number, us: number): number => bytes / us;

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

async function main(): Promise<void> {
  const all = fixtures();
  const rows: string[][] = [];
  let bytesTotal = 0;
  let floorTotal = 0;
  let parseTotal = 0;
  for (const { name, bytes } of all) {
    const result = await parseReport(bytes, name);
    const floorUs = await measure(() => floor(bytes));
    const parseUs = await measure(() => parseReport(bytes, name));
    bytesTotal += bytes.length;
    floorTotal += floorUs;
    parseTotal += parseUs;
    rows.push([
      name,
      (bytes.length / 1e3).toFixed(1),
      floorUs.toFixed(1),
      parseUs.toFixed(1),
      (parseUs / floorUs).toFixed(1),
      mbPerSecond(bytes.length, parseUs).toFixed(1),
      result.ok ? result.report.meta.template : `error: ${result.error.code}`,
    ]);
  }
  printTable(['file', 'KB', 'floor µs', 'parse µs', 'parse/floor', 'MB/s', 'result'], rows);
  console.log();
  console.log(`fixtures: ${all.length}, ${(bytesTotal / 1e3).toFixed(1)} KB`);
  console.log(
    `parse: ${(parseTotal / all.length / 1000).toFixed(3)} ms per report (mean of the best rounds)`,
  );
  console.log(`parse: ${mbPerSecond(bytesTotal, parseTotal).toFixed(1)} MB/s overall`);
  console.log(`floor: ${mbPerSecond(bytesTotal, floorTotal).toFixed(1)} MB/s overall`);
  console.log(`parse/floor: ${(parseTotal / floorTotal).toFixed(1)}x overall`);

  let batchBytes = 0;
  const start = performance.now();
  for (let i = 0; i < BATCH_REPORTS; i++) {
    const fixture = all[i % all.length];
    if (!fixture) break;
    await parseReport(fixture.bytes, fixture.name);
    batchBytes += fixture.bytes.length;
  }
  const batchMs = performance.now() - start;
  console.log(
    `batch: ${BATCH_REPORTS} reports (${(batchBytes / 1e6).toFixed(1)} MB) parsed in ${batchMs.toFixed(0)} ms`,
  );
  console.log();
  await benchGrowth();
  console.log();
  await benchPdfs();
}

await main();
