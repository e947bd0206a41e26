import { spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReportJson } from '../src/core/export/validate';

const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const SCRIPT = fileURLToPath(new URL('parse.ts', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../src/core/fixtures/', import.meta.url));
// Run from inside the seeds directory with bare file names: paths are relative to the caller's cwd.
const SEEDS = join(FIXTURES, 'seeds');
const seed = (prefix: string): string =>
  readdirSync(SEEDS).find((n) => n.startsWith(prefix)) ?? prefix;
const files = [seed('001_'), seed('003_'), 'no-such-report.txt'];
// 022's Chromium print cut off after 20,000 bytes, as a broken download leaves it.
const CORRUPT_PDF = fileURLToPath(new URL('fixtures/corrupt-truncated.pdf', import.meta.url));
const LIBRARY_FAILURES = fileURLToPath(new URL('fixtures/library-failures.cjs', import.meta.url));
// Two to three seconds of parsing, against a fraction of a second for a seed.
const SLOW_PDF = join(FIXTURES, 'pdf', 'lattice-dotted.pdf');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? SEEDS,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const parseCli = (args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  run(TSX, [SCRIPT, ...args], options);

const lines = (output: Run): string[] => output.stdout.split('\n').slice(0, -1);
const parsed = (output: Run): { source: { name: string }; error?: { code: string } }[] =>
  lines(output).map((line) => JSON.parse(line) as { source: { name: string } });
const names = (output: Run): string[] => parsed(output).map((line) => line.source.name);
const errorCodes = (output: Run): (string | null)[] =>
  parsed(output).map((line) => line.error?.code ?? null);

describe('npm run parse', () => {
  let temp: string;
  let first: Run, second: Run, none: Run;
  let isolated: Run, head: Run, oneJob: Run, twoJobs: Run, expanded: Run, timedOut: Run, tty: Run;
  let ttyLines: string;

  // The runs are independent; started together they cost little more than the slowest of them.
  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'parse-test-'));
    const batch = join(temp, 'batch');
    mkdirSync(batch);
    for (const [name, from] of [
      ['a.txt', seed('001_')],
      ['unhandled-rejection.txt', seed('003_')],
      ['uncaught-exception.txt', seed('001_')],
      ['z.txt', seed('003_')],
    ] as const)
      copyFileSync(join(SEEDS, from), join(batch, name));
    // A tree of small files: which ones a directory and a pattern take, and in what order.
    for (const [path, text] of [
      ['reports/z.md', '年度报告'],
      ['reports/a.html', '<html><body>年度报告</body></html>'],
      ['reports/b/x.txt', '年度报告'],
      ['reports/sub/deeper/y.TXT', '年度报告'],
      ['reports/notes.json', '{}'],
      ['reports/.hidden.txt', '年度报告'],
    ] as const) {
      mkdirSync(dirname(join(temp, path)), { recursive: true });
      writeFileSync(join(temp, path), text);
    }
    ttyLines = join(temp, 'tty.jsonl');
    const mixed = [
      join(FIXTURES, 'pdf', 'lattice-filled.pdf'),
      seed('001_'),
      seed('003_'),
      'no-such-report.txt',
      seed('000_'),
    ];
    [first, second, none, isolated, head, oneJob, twoJobs, expanded, timedOut, tty] =
      await Promise.all([
        parseCli(files),
        parseCli(files),
        parseCli([]),
        parseCli(
          ['a.txt', 'unhandled-rejection.txt', CORRUPT_PDF, 'uncaught-exception.txt', 'z.txt'],
          { cwd: batch, env: { ...process.env, NODE_OPTIONS: `--require ${LIBRARY_FAILURES}` } },
        ),
        // Six lines of about 80 KB each: far more than the pipe holds when head goes away.
        run('bash', [
          '-o',
          'pipefail',
          '-c',
          '"$0" "$@" | head -1',
          TSX,
          SCRIPT,
          ...Array<string>(6).fill(seed('001_')),
        ]),
        parseCli(['--jobs', '1', ...mixed]),
        parseCli(['-j', '2', ...mixed]),
        parseCli(['reports', 'reports/**/*.txt', 'reports/*.docx'], { cwd: temp }),
        parseCli(['--timeout', '0.5', SLOW_PDF, seed('001_')]),
        // script(1) gives the command a terminal; stdout goes to a file, so the terminal shows stderr.
        run('script', [
          '-qec',
          `${TSX} ${SCRIPT} ${seed('001_')} ${seed('003_')} > ${ttyLines}`,
          '/dev/null',
        ]),
      ]);
  }, 120_000);

  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('R9.5 prints one JSON line per file, in argument order, and an error line for an unreadable one', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.endsWith('\n')).toBe(true);
    const lines = first.stdout.slice(0, -1).split('\n');
    expect(lines).toHaveLength(3);
    files.slice(0, 2).forEach((name, i) => {
      const checked = parseReportJson(lines[i] ?? '');
      expect(checked.ok ? '' : checked.error, name).toBe('');
      expect(checked.ok && checked.report.source.name).toBe(name);
      expect(checked.ok && checked.report.tables.length, name).toBeGreaterThan(0);
    });
    const missing = JSON.parse(lines[2] ?? '') as object;
    expect(Object.keys(missing)).toEqual(['source', 'error']);
    expect(missing).toMatchObject({ source: { name: files[2] }, error: { code: 'read-error' } });
  });

  it('R9.5 gives byte-identical output when run twice', () => {
    expect(second.stdout).toBe(first.stdout);
  });

  it('R9.5 exits 2 with usage on stderr and nothing on stdout when given no file', () => {
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/usage/);
  });

  it('R9.5 gives a file whose parse crashes an error line and goes on with the batch', () => {
    expect(isolated.code, isolated.stderr).toBe(0);
    expect(names(isolated)).toEqual([
      'a.txt',
      'unhandled-rejection.txt',
      'corrupt-truncated.pdf',
      'uncaught-exception.txt',
      'z.txt',
    ]);
    expect(errorCodes(isolated)).toEqual([
      null,
      'internal-error',
      'corrupt-pdf',
      'internal-error',
      null,
    ]);
    expect(isolated.stderr).toContain('simulated unhandled rejection');
    expect(isolated.stderr).toContain('simulated uncaught exception');
  });

  it('R9.5 stops quietly with status 0 when the reader of stdout goes away (| head -1)', () => {
    expect(head.code).toBe(0);
    expect(head.stderr).toBe('');
    expect(names(head)).toEqual([seed('001_')]);
  });

  it('R9.5 writes the same lines in the same order with --jobs 2 as with --jobs 1', () => {
    expect(oneJob.code, oneJob.stderr).toBe(0);
    expect(names(oneJob)).toEqual([
      'lattice-filled.pdf',
      seed('001_'),
      seed('003_'),
      'no-such-report.txt',
      seed('000_'),
    ]);
    expect(twoJobs.stdout).toBe(oneJob.stdout);
  });

  it('R9.5 reads a directory for report files and expands a quoted pattern, each sorted by path', () => {
    expect(expanded.code, expanded.stderr).toBe(0);
    expect(names(expanded)).toEqual(['a.html', 'x.txt', 'y.TXT', 'z.md', 'x.txt']);
    expect(expanded.stderr).toContain('parse: reports/*.docx: no report file found');
  });

  it('R9.5 gives a file still parsing after --timeout a timeout line and parses the next in a new worker', () => {
    expect(timedOut.code, timedOut.stderr).toBe(0);
    expect(names(timedOut)).toEqual(['lattice-dotted.pdf', seed('001_')]);
    expect(errorCodes(timedOut)).toEqual(['timeout', null]);
  });

  it('R9.5 shows progress on stderr only when it is a terminal, and clears it at the end', () => {
    for (const output of [oneJob, twoJobs, expanded, isolated])
      expect(output.stderr).not.toMatch(/files…|\r/);
    expect(tty.code, tty.stdout).toBe(0);
    expect(tty.stdout).toContain('1/2 files…');
    expect(tty.stdout).toContain('2/2 files…');
    expect(tty.stdout.endsWith('\r\x1b[K')).toBe(true);
    expect(readFileSync(ttyLines, 'utf8').split('\n')).toHaveLength(3);
  });
});
