import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReportJson } from '../src/core/export/validate';

const SCRIPT = fileURLToPath(new URL('parse.ts', import.meta.url));
// Run from inside the seeds directory with bare file names: paths are relative to the caller's cwd.
const SEEDS = fileURLToPath(new URL('../src/core/fixtures/seeds/', import.meta.url));
const seed = (prefix: string): string =>
  readdirSync(SEEDS).find((n) => n.startsWith(prefix)) ?? prefix;
const files = [seed('001_'), seed('003_'), 'no-such-report.txt'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function parseCli(args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['tsx', SCRIPT, ...args], { cwd: SEEDS });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm run parse', () => {
  let first: Run, second: Run, none: Run;
  // The three runs are independent; started together they cost about one tsx start-up.
  beforeAll(async () => {
    [first, second, none] = await Promise.all([parseCli(files), parseCli(files), parseCli([])]);
  }, 30_000);

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
});
