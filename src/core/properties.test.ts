// Properties of the whole pipeline over inputs nobody wrote by hand: random bytes, and real fixtures
// of every format with bits flipped, cut short, bytes put in or spliced into each other. The runs are seeded, so a
// failure replays (its message gives the seed and the path to the shrunk input); FC_SEED=… explores
// other inputs.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCellEdit } from './edits';
import { serializeReport } from './export/json';
import { parseReportJson } from './export/validate';
import { validate } from './export/validateReport.js';
import { parseReport, type ParseResult } from './report';

const SEED = Number(process.env.FC_SEED ?? 20261204);
// Each run parses one input (a PDF takes ~100 ms): the file takes about ten seconds on two cores.
const RUNS = 150;
// Not a speed target (the benchmarks are): a parse that has not settled after this long is a hang.
// (A synchronous endless loop cannot be timed out in-process: it would stall the run, visibly.)
const HANG_MS = 20_000;
const TEST_MS = RUNS * HANG_MS;

interface Input {
  name: string;
  bytes: Uint8Array;
}

/** An input that a failure prints as what was done to which file, not as its thousands of bytes. */
function input(name: string, bytes: Uint8Array, how: string): Input {
  return Object.assign(
    { name, bytes },
    { [fc.toStringMethod]: () => `${name}, ${how}: ${bytes.length} bytes` },
  );
}

const FILES: readonly Input[] = [
  'seeds/001_b7938c474e787140.txt',
  'seeds/003_aaaddea679991605.txt',
  'variants/html-traditional/001_hongze_qu_2023.html',
  'variants/docx-libreoffice/002_hongze_qu_2024.docx',
  'pdf/lattice-filled.pdf',
].map((path) => ({
  name: path.slice(path.lastIndexOf('/') + 1),
  bytes: new Uint8Array(readFileSync(new URL(`./fixtures/${path}`, import.meta.url))),
}));

// The first seed in UTF-16 as well: little-endian with a BOM, big-endian without (SPEC R1.7).
const seedText = Buffer.from(FILES[0]?.bytes ?? []).toString('utf8');
const FIXTURES: readonly Input[] = [
  ...FILES,
  {
    name: 'utf16le.txt',
    bytes: new Uint8Array([0xff, 0xfe, ...Buffer.from(seedText, 'utf16le')]),
  },
  { name: 'utf16be.txt', bytes: new Uint8Array(Buffer.from(seedText, 'utf16le').swap16()) },
];

const fixture = fc.constantFrom(...FIXTURES);

const flipped = fixture.chain(({ name, bytes }) =>
  fc
    .array(fc.tuple(fc.nat(bytes.length - 1), fc.nat(7)), { minLength: 1, maxLength: 16 })
    .map((flips) => {
      const copy = bytes.slice();
      for (const [at, bit] of flips) copy[at] = (copy[at] ?? 0) ^ (1 << bit);
      return input(name, copy, `bits flipped at ${flips.map((flip) => flip.join('.')).join(' ')}`);
    }),
);

const truncated = fixture.chain(({ name, bytes }) =>
  fc.nat(bytes.length).map((end) => input(name, bytes.slice(0, end), `cut at ${end}`)),
);

// A run of digits longer than a double holds, just after a digit of the file (in a text, most
// likely a cell's), or a few random bytes anywhere.
const inserted = fixture.chain(({ name, bytes }) =>
  fc
    .tuple(fc.nat(bytes.length), fc.uint8Array({ minLength: 1, maxLength: 64 }))
    .map(([at, noise]) =>
      input(
        name,
        new Uint8Array([...bytes.subarray(0, at), ...noise, ...bytes.subarray(at)]),
        `[${noise.join(',')}] put in at ${at}`,
      ),
    ),
);

// A run of nines, up to 400, just after a digit of the file: in a text, most likely a cell's.
const longerNumber = fixture.chain(({ name, bytes }) => {
  const afterDigits = [...bytes.keys()].filter((at) => at > 0 && isDigit(bytes[at - 1]));
  return fc
    .tuple(
      afterDigits.length > 0 ? fc.constantFrom(...afterDigits) : fc.nat(bytes.length),
      fc.integer({ min: 1, max: 400 }),
    )
    .map(([at, nines]) =>
      input(
        name,
        new Uint8Array([
          ...bytes.subarray(0, at),
          ...new TextEncoder().encode('9'.repeat(nines)),
          ...bytes.subarray(at),
        ]),
        `${nines} nines put in at ${at}`,
      ),
    );
});

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

// The head of one file and the tail of another (or of itself), the name of the first.
const spliced = fc
  .tuple(fixture, fixture)
  .chain(([head, tail]) =>
    fc
      .tuple(fc.nat(head.bytes.length), fc.nat(tail.bytes.length))
      .map(([cut, from]) =>
        input(
          head.name,
          new Uint8Array([...head.bytes.subarray(0, cut), ...tail.bytes.subarray(from)]),
          `its bytes to ${cut}, then ${tail.name}'s from ${from}`,
        ),
      ),
  );

// Random bytes behind each format's signature, so that every reader meets them.
const random = fc
  .tuple(
    fc.constantFrom('', '%PDF-1.7\n', 'PK\u0003\u0004', '<!DOCTYPE html><html>', '\ufeff'),
    fc.uint8Array({ maxLength: 4096 }),
    fc.constantFrom('random.txt', 'random.html', 'random.docx', 'random.pdf'),
  )
  .map(([signature, noise, name]) =>
    input(
      name,
      new Uint8Array([...new TextEncoder().encode(signature), ...noise]),
      `${JSON.stringify(signature)} then [${noise.join(',')}]`,
    ),
  );

const anyInput: fc.Arbitrary<Input> = fc.oneof(
  flipped,
  truncated,
  inserted,
  longerNumber,
  spliced,
  random,
);

const settings = <T>(runs = RUNS): fc.Parameters<T> => ({
  seed: SEED,
  numRuns: runs,
  timeout: HANG_MS,
});

async function parse({ bytes, name }: Input): Promise<ParseResult> {
  // The bytes are copied: a reader must not depend on, or change, the caller's buffer.
  return parseReport(bytes.slice(), name);
}

/** The report's canonical JSON, or the error as the CLI prints it. */
function written(result: ParseResult): string {
  return result.ok ? serializeReport(result.report) : JSON.stringify(result.error);
}

describe('any bytes', () => {
  it(
    'R0.6 give a report or a per-file error, never a throw or a hang',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyInput, async (input) => {
          const result = await parse(input);
          if (result.ok) expect(result.report.source.bytes).toBe(input.bytes.length);
          else
            expect(result.error).toEqual({ code: expect.any(String), message: expect.any(String) });
        }),
        settings(),
      );
    },
    TEST_MS,
  );

  it(
    'R0.3 give the same JSON every time they are parsed',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyInput, async (input) => {
          expect(written(await parse(input))).toBe(written(await parse(input)));
        }),
        settings(RUNS / 2),
      );
    },
    TEST_MS,
  );

  it(
    'R9.1 give a report that validates against report.schema.json',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyInput, async (input) => {
          const result = await parse(input);
          if (!result.ok) return;
          const valid = validate(JSON.parse(serializeReport(result.report)));
          expect(valid ? [] : validate.errors).toEqual([]);
        }),
        settings(),
      );
    },
    TEST_MS,
  );

  it(
    'R4.6 give no number cell whose value is not exactly a double, however long its digits',
    async () => {
      await fc.assert(
        fc.asyncProperty(longerNumber, async (input) => {
          const result = await parse(input);
          if (!result.ok) return;
          const lossy = result.report.tables.flatMap((table) =>
            table.rows.flatMap((row) =>
              Object.values(row.cells).filter(
                (cell) =>
                  cell.kind === 'number' &&
                  (cell.value === null ||
                    !Number.isFinite(cell.value) ||
                    (Number.isInteger(cell.value) && !Number.isSafeInteger(cell.value))),
              ),
            ),
          );
          expect(lossy).toEqual([]);
        }),
        settings(RUNS / 2),
      );
    },
    TEST_MS,
  );

  // A reviewer's correction may be anything typed: a number too long for a double among them.
  const correction = fc.oneof(
    fc.string(),
    fc.stringMatching(/^-?\d{1,20}(?:\.\d{1,20})?$/),
    fc.tuple(fc.integer({ min: 1, max: 400 }), fc.nat(9)).map(([n, d]) => `${d}`.repeat(n)),
    fc.constantFrom('', '/', '-', '=1+1', '１２'),
  );

  it(
    'R9.9 export → import → export is identical, a reviewer’s correction included',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyInput, correction, fc.nat(), async (input, raw, pick) => {
          const result = await parse(input);
          if (!result.ok) return;
          const refs = result.report.tables.flatMap((table) =>
            table.rows.flatMap((row) =>
              Object.keys(row.cells).map((column) => ({ table: table.id, row: row.key, column })),
            ),
          );
          const ref = refs[pick % Math.max(1, refs.length)];
          const report = ref
            ? applyCellEdit(result.report, ref, raw, '2026-12-04T21:00:00.000Z')
            : result.report;
          const exported = serializeReport(report);
          const imported = parseReportJson(exported);
          if (!imported.ok) throw new Error(imported.error);
          expect(serializeReport(imported.report)).toBe(exported);
        }),
        settings(),
      );
    },
    TEST_MS,
  );
});
