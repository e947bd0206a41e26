// npm run accuracy: scores the parser against the golden set (the seeds' hand-checked expectations in
// src/core/fixtures/expected and the corpus truth in src/core/fixtures/corpus/truth). Prints figures,
// never fails: the golden tests are what fails.
import { parseReport, type Report } from '../src/core/index';
import { goldenCases, readFixture } from './golden';

interface Score {
  files: number;
  cells: number;
  cellsRight: number;
  low: number;
  /** Cells marked high that are wrong: the reviewer skips them, so this must stay 0. */
  wrongHigh: number;
  templatesRight: number;
  meta: number;
  metaRight: number;
  facts: number;
  factsRight: number;
}

const golden = goldenCases();

const empty = (): Score => ({
  files: 0,
  cells: 0,
  cellsRight: 0,
  low: 0,
  wrongHigh: 0,
  templatesRight: 0,
  meta: 0,
  metaRight: 0,
  facts: 0,
  factsRight: 0,
});
const byFormat = new Map<string, Score>();
const byTemplate = new Map<string, Score>();
const wrongCells: string[] = [];
const failures: string[] = [];

for (const { truth, path, format } of golden) {
  const bytes = readFixture(path);
  const result = await parseReport(bytes, truth.file);
  const report: Report | null = result.ok ? result.report : null;
  if (!result.ok) failures.push(`${truth.file}: ${result.error.code} ${result.error.message}`);
  const cells = new Map<string, { value: number | null; low: boolean }>();
  for (const table of report?.tables ?? [])
    for (const row of table.rows)
      for (const [column, cell] of Object.entries(row.cells))
        cells.set(`${table.id}/${row.key}/${column}`, {
          value: cell.value,
          low: cell.confidence === 'low',
        });
  // Cells the truth does not have (a row the parser made up, or took for another): a sure one is a
  // wrong one the reviewer would skip.
  const madeUp = [...cells].filter(([key, cell]) => !(key in truth.cells) && !cell.low);
  for (const score of [lookup(byFormat, format), lookup(byTemplate, truth.meta.template)]) {
    score.files += 1;
    score.wrongHigh += madeUp.length;
    if (score === lookup(byFormat, format))
      for (const [key, cell] of madeUp)
        wrongCells.push(
          `${format} ${truth.file} ${key}: not in the truth, got ${cell.value} (HIGH)`,
        );
    for (const [key, value] of Object.entries(truth.cells)) {
      score.cells += 1;
      const got = cells.get(key);
      if (got?.low) score.low += 1;
      if (got && got.value === value) {
        score.cellsRight += 1;
        continue;
      }
      if (got && !got.low) score.wrongHigh += 1;
      if (report && score === lookup(byFormat, format))
        wrongCells.push(
          `${format} ${truth.file} ${key}: expected ${value}, got ${got ? `${got.value} (${got.low ? 'low' : 'HIGH'})` : 'nothing'}`,
        );
    }
    if (report?.meta.template === truth.meta.template) score.templatesRight += 1;
    score.meta += 2;
    if (report?.meta.agency.value === truth.meta.agency) score.metaRight += 1;
    if (report?.meta.year.value === truth.meta.year) score.metaRight += 1;
    for (const [key, value] of Object.entries(truth.facts)) {
      score.facts += 1;
      if (report?.facts.some((fact) => fact.key === key && fact.value === value))
        score.factsRight += 1;
    }
  }
}

function lookup(map: Map<string, Score>, key: string): Score {
  let score = map.get(key);
  if (!score) map.set(key, (score = empty()));
  return score;
}

const percent = (right: number, total: number) =>
  total === 0 ? '     —' : `${((100 * right) / total).toFixed(1).padStart(5)}%`;

function table(title: string, scores: Map<string, Score>): void {
  console.log(`\n${title}`);
  console.log(
    `${'group'.padEnd(28)} files   cells   right  wrong-high  low-conf  template    meta   facts`,
  );
  for (const [name, s] of [...scores].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(
      `${name.padEnd(28)} ${String(s.files).padStart(5)} ${String(s.cells).padStart(7)} ${percent(s.cellsRight, s.cells)} ${String(s.wrongHigh).padStart(11)}   ${percent(s.low, s.cells)}    ${percent(s.templatesRight, s.files)}  ${percent(s.metaRight, s.meta)}  ${percent(s.factsRight, s.facts)}`,
    );
  }
}

console.log(`golden set: ${golden.length} reports`);
table('by format', byFormat);
table('by template', byTemplate);
if (failures.length > 0)
  console.log(`\nnot read (${failures.length}):\n  ${failures.join('\n  ')}`);
console.log(`\nwrong cells (${wrongCells.length}):`);
for (const line of wrongCells.slice(0, 200)) console.log(`  ${line}`);
if (wrongCells.length > 200) console.log(`  … and ${wrongCells.length - 200} more`);
