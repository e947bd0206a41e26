// npm run --silent parse -- FILE...  →  one report@1 JSON object per line on stdout, in argument order
// (design.md, "Command line"). Tests, accuracy scoring and batch users read that stream, so nothing
// else may reach stdout: everything else goes to stderr.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ParseFailure } from '../src/core/index';

const USAGE = `usage: npm run --silent parse -- FILE...
Parses each FILE and prints one report@1 JSON object per line, in the order given; a file that
cannot be read or parsed gives {"source":{"name":…},"error":{"code":…,"message":…}}.
Exits 0 when at least one FILE was read, 1 when none was, 2 on bad usage.
`;

// Whatever a library prints must not corrupt the JSON lines, so stdout is reserved for `emit`; the
// core is imported only after that, in case a module prints while it loads.
const writeStdout = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
const { parseReport } = await import('../src/core/index');
const { serializeReport } = await import('../src/core/export/json');

function emit(line: string): Promise<void> {
  return new Promise((done, fail) =>
    writeStdout(`${line}\n`, (error) => (error ? fail(error) : done())),
  );
}

function failure(name: string, code: string, message: string): string {
  const line: ParseFailure = { source: { name }, error: { code, message } };
  return JSON.stringify(line);
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function lineFor(path: string, cwd: string): Promise<{ line: string; read: boolean }> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(resolve(cwd, path)));
  } catch (error) {
    process.stderr.write(`parse: ${path}: ${reason(error)}\n`);
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    return { line: failure(name, 'read-error', `无法读取文件（${code}）`), read: false };
  }
  try {
    const result = await parseReport(bytes, name);
    if (result.ok) return { line: serializeReport(result.report), read: true };
    process.stderr.write(`parse: ${path}: ${result.error.code}: ${result.error.message}\n`);
    return { line: failure(name, result.error.code, result.error.message), read: true };
  } catch (error) {
    // parseReport reports failures instead of throwing; a throw is a bug, but one file's bug must
    // not cost the batch the other files' lines.
    process.stderr.write(
      `parse: ${path}: ${error instanceof Error && error.stack ? error.stack : reason(error)}\n`,
    );
    return {
      line: failure(name, 'internal-error', `解析器内部错误：${reason(error)}`),
      read: true,
    };
  }
}

function usage(exitCode: number): void {
  process.stderr.write(USAGE);
  process.exitCode = exitCode;
}

async function main(args: string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) return usage(0);
  if (args.length === 0) return usage(2);
  const option = args.find((a) => a.startsWith('-'));
  if (option) {
    process.stderr.write(
      `parse: unknown option ${option} (name a file that starts with - as ./${option})\n`,
    );
    return usage(2);
  }
  // `npm run` starts scripts in the package root; paths given on the command line are relative to
  // where the user typed them, which npm passes on as INIT_CWD.
  const cwd =
    process.env.npm_lifecycle_event === 'parse'
      ? (process.env.INIT_CWD ?? process.cwd())
      : process.cwd();
  let anyRead = false;
  for (const arg of args) {
    const { line, read } = await lineFor(arg, cwd);
    anyRead ||= read;
    await emit(line);
  }
  // exitCode rather than exit(): a piped stdout must be flushed first.
  process.exitCode = anyRead ? 0 : 1;
}

await main(process.argv.slice(2));
