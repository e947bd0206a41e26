import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, fixtureFile, SEEDS, test } from './fixtures';

const SCHEMA_PATH = fileURLToPath(
  new URL('../src/core/export/report.schema.json', import.meta.url),
);

interface ExportedCell {
  value: number | null;
  raw: string;
  kind: string;
  span: [number, number] | null;
  original?: { value: number | null; raw: string };
}

interface Exported {
  schema: string;
  source: { name: string; bytes: number; format: string; encoding: string };
  meta: { agency: { value: string | null }; year: { value: number | null }; template: string };
  tables: { id: string; rows: { key: string; cells: Record<string, ExportedCell> }[] }[];
  checks: { id: string; status: string }[];
  edits: {
    at: string;
    table: string;
    row: string;
    column: string;
    from: { value: number | null; raw: string };
    to: { value: number | null; raw: string };
  }[];
  review: { status: string };
}

function cellOf(report: Exported, table: string, row: string, column: string): ExportedCell {
  const cell = report.tables.find((t) => t.id === table)?.rows.find((r) => r.key === row)?.cells[
    column
  ];
  if (!cell) throw new Error(`no cell ${table}/${row}/${column} in the export`);
  return cell;
}

test('导出 JSON downloads the corrected report as valid report@1', async ({ review }) => {
  await review.dropFiles([fixtureFile(SEEDS.yiyang)]);
  await review.expectStatus(SEEDS.yiyang, 'ready');
  await review.selectReport(SEEDS.yiyang);
  await review.editCell('requests', 'newReceived', 'naturalPerson', '4');
  await expect(review.cell('requests', 'newReceived', 'naturalPerson')).toHaveAttribute(
    'data-corrected',
    'true',
  );

  const { download, json } = await review.downloadJson();
  expect(download.suggestedFilename()).toBe('001_b7938c474e787140.txt.report.json');

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
  const valid = validate(json);
  expect(validate.errors ?? [], 'schema errors').toEqual([]);
  expect(valid).toBe(true);

  const report = json as Exported;
  expect(report.schema).toBe('nianbao/report@1');
  expect(report.source.name).toBe(SEEDS.yiyang);
  expect(report.meta.agency.value).toBe('益阳市行政审批服务局');
  expect(report.meta.year.value).toBe(2022);
  expect(report.meta.template).toBe('2021');

  const edited = cellOf(report, 'requests', 'newReceived', 'naturalPerson');
  expect(edited.value).toBe(4);
  expect(edited.raw).toBe('4');
  expect(edited.kind).toBe('number');
  expect(edited.original).toEqual({ value: 3, raw: '3' });
  expect(edited.span).not.toBeNull();
  // Untouched cells carry no `original`.
  expect(cellOf(report, 'requests', 'newReceived', 'total').original).toBeUndefined();
  expect(cellOf(report, 'requests', 'newReceived', 'total').value).toBe(3);

  expect(report.edits).toHaveLength(1);
  expect(report.edits[0]).toMatchObject({
    table: 'requests',
    row: 'newReceived',
    column: 'naturalPerson',
    from: { value: 3, raw: '3' },
    to: { value: 4, raw: '4' },
  });
  expect(Number.isNaN(Date.parse(report.edits[0]?.at ?? ''))).toBe(false);
  expect(report.review.status).not.toBe('unreviewed');

  // The export carries the re-run checks: the row no longer adds up.
  expect(report.checks.find((c) => c.id === 'C3:requests:newReceived')?.status).toBe('fail');
});
