// npm run --silent parse -- FILE...  →  one report@1 JSON object per line on stdout, in argument order
// (README.md, "Command line"). Tests, accuracy scoring and batch users read that stream, so nothing
// else may reach stdout: everything else goes to stderr. The files are parsed in worker threads
// (parsePool.ts), which never print to stdout.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
// The limits module alone, not the core's index: the core itself loads in the workers only.
import { LIMITS } from '../src/core/limits';
import { expandInputs, REPORT_EXTENSIONS } from './inputs';
import { parseAll } from './parsePool';

const USAGE = `usage: npm run --silent parse -- [-j N|auto] [--timeout SECONDS] INPUT...
Prints one report@1 JSON object per line for each file, in the order given; a file that cannot be
read or parsed gives {"source":{"name":…},"error":{"code":…,"message":…}}.
An INPUT is a file, a directory (every ${REPORT_EXTENSIONS.join(' ')} file under it)
or a quoted pattern with * ? ** ("reports/**/*.pdf"); the last two are expanded in path order,
hidden files left out.
  -j, --jobs N       parse N files at once (default 1; auto: one fewer than the cores)
  --timeout SECONDS  stop parsing a file after this long; its line has the code timeout
                     (default ${LIMITS.parseSeconds})
  --                 end of options: what follows is an INPUT even if it starts with -
Files are parsed in worker threads: a file that crashes the parser gets an internal-error line,
and the batch goes on. On a terminal, stderr shows progress.
Exits 0 when at least one file was read, 1 when none was, 2 on bad usage; 0 as well when the
reader of stdout stops early (| head).
`;

interface Options {
  inputs: string[];
  jobs: number;
  timeoutSeconds: number;
}

/** The options, or the exit status of a usage message. */
function readOptions(args: string[]): Options | number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        jobs: { type: 'string', short: 'j' },
        timeout: { type: 'string' },
      },
    });
  } catch (error) {
    process.stderr.write(`parse: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) return 0;
  if (positionals.length === 0) return 2;
  const jobs =
    values.jobs === 'auto' ? Math.max(1, availableParallelism() - 1) : Number(values.jobs ?? 1);
  if (!Number.isInteger(jobs) || jobs < 1) {
    process.stderr.write(
      `parse: --jobs wants a whole number from 1, or auto (got ${values.jobs})\n`,
    );
    return 2;
  }
  const timeoutSeconds = Number(values.timeout ?? LIMITS.parseSeconds);
  if (!(timeoutSeconds > 0) || !Number.isFinite(timeoutSeconds)) {
    process.stderr.write(
      `parse: --timeout wants a number of seconds above 0 (got ${values.timeout})\n`,
    );
    return 2;
  }
  return { inputs: positionals, jobs, timeoutSeconds };
}

/** `12/100 files…` on one line of a terminal's stderr, redrawn under any diagnostic; nothing elsewhere. */
class Progress {
  private readonly live = process.stderr.isTTY === true;
  private shown = '';
  constructor(private readonly total: number) {}

  update(done: number): void {
    if (!this.live) return;
    this.shown = `${done}/${this.total} files…`;
    process.stderr.write(`\r\x1b[K${this.shown}`);
  }

  note(text: string): void {
    if (!this.live) {
      process.stderr.write(text);
      return;
    }
    process.stderr.write(`\r\x1b[K${text}${text.endsWith('\n') ? '' : '\n'}${this.shown}`);
  }

  clear(): void {
    if (this.live && this.shown) process.stderr.write('\r\x1b[K');
  }
}

function writeLine(line: string): Promise<void> {
  return new Promise((done, fail) =>
    process.stdout.write(`${line}\n`, (error) => (error ? fail(error) : done())),
  );
}

const isBrokenPipe = (error: unknown): boolean =>
  (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';

// The reader of stdout went away (`| head -1`): the lines it did not want need not be made. Stop
// quietly with success, as Unix tools do; exit() also ends the worker threads.
process.stdout.on('error', (error) => {
  if (isBrokenPipe(error)) process.exit(0);
  throw error;
});

async function main(args: string[]): Promise<void> {
  const options = readOptions(args);
  if (typeof options === 'number') {
    process.stderr.write(USAGE);
    process.exitCode = options;
    return;
  }
  // `npm run` starts scripts in the package root; paths given on the command line are relative to
  // where the user typed them, which npm passes on as INIT_CWD.
  const cwd =
    process.env.npm_lifecycle_event === 'parse'
      ? (process.env.INIT_CWD ?? process.cwd())
      : process.cwd();
  const { files, empty } = expandInputs(options.inputs, cwd);
  for (const input of empty) process.stderr.write(`parse: ${input}: no report file found\n`);
  if (files.length === 0) {
    process.exitCode = 1;
    return;
  }
  const progress = new Progress(files.length);
  progress.update(0);
  try {
    const anyRead = await parseAll(files, {
      jobs: options.jobs,
      timeoutSeconds: options.timeoutSeconds,
      cwd,
      onLine: async (line, done) => {
        // When the terminal shows stdout too, a line must not start after the progress text.
        if (process.stdout.isTTY) progress.clear();
        await writeLine(line);
        progress.update(done);
      },
      onDiagnostic: (text) => progress.note(text),
    });
    progress.clear();
    // exitCode rather than exit(): a piped stdout must be flushed first.
    process.exitCode = anyRead ? 0 : 1;
  } catch (error) {
    progress.clear();
    if (isBrokenPipe(error)) process.exit(0);
    process.stderr.write(`parse: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

await main(process.argv.slice(2));
