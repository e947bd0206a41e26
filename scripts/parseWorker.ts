// A parse thread of the command line, started by parsePool.ts: it reads and parses one file at a
// time and answers with the file's line. Its stdout is not the batch's: the pool forwards whatever
// this thread prints to stderr, so a library that logs cannot corrupt the JSON lines.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { serializeReport } from '../src/core/export/json';
import { parseReport } from '../src/core/index';
import { failureLine, type ParseJob, type ParseOutcome, type WorkerMessage } from './parseMessages';

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function outcomeFor({ path, cwd }: ParseJob): Promise<ParseOutcome> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(resolve(cwd, path)));
  } catch (error) {
    process.stderr.write(`parse: ${path}: ${reason(error)}\n`);
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    return { line: failureLine(name, 'read-error', `无法读取文件（${code}）`), read: false };
  }
  try {
    const result = await parseReport(bytes, name);
    if (result.ok) return { line: serializeReport(result.report), read: true };
    process.stderr.write(`parse: ${path}: ${result.error.code}: ${result.error.message}\n`);
    return { line: failureLine(name, result.error.code, result.error.message), read: true };
  } catch (error) {
    // parseReport reports failures instead of throwing; a throw is a bug, but one file's bug must
    // not cost the batch the other files' lines.
    process.stderr.write(
      `parse: ${path}: ${error instanceof Error && error.stack ? error.stack : reason(error)}\n`,
    );
    return {
      line: failureLine(name, 'internal-error', `解析器内部错误：${reason(error)}`),
      read: true,
    };
  }
}

const port = parentPort;
if (!port) throw new Error('parseWorker.ts runs as a worker thread of parse.ts');
port.on('message', (job: ParseJob) => {
  void outcomeFor(job).then(async (outcome) => {
    // A rejection a library left unhandled while this file parsed surfaces on a later turn of the
    // event loop and ends this thread (the pool then blames the file in hand): waiting one turn
    // before answering lets it land on this file rather than the next.
    await new Promise((next) => setImmediate(next));
    port.postMessage({ kind: 'done', index: job.index, ...outcome } satisfies WorkerMessage);
  });
});
port.postMessage({ kind: 'ready' } satisfies WorkerMessage);
