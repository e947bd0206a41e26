import { parseReport, type ParseResult } from '../core';
import { finish, READ_FAILED, type Job } from './jobs';
import { crashResult } from './protocol';

async function parseHere(job: Job): Promise<ParseResult> {
  let bytes: ArrayBuffer;
  try {
    bytes = await job.file.arrayBuffer();
  } catch {
    return READ_FAILED;
  }
  try {
    return await parseReport(new Uint8Array(bytes), job.name);
  } catch (error) {
    return crashResult(error);
  }
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The fallback where no worker starts: a function that parses the queue's jobs on the page, one
 * per task so that the page keeps drawing, until the queue is empty. Called while it runs, it
 * leaves the run in hand to take the new jobs. A parse here cannot be stopped: the time limit does
 * not apply, and a cancelled file's result is dropped when it comes.
 */
export function pageRunner(queue: Job[]): () => void {
  let running = false;
  async function run(): Promise<void> {
    if (running) return;
    running = true;
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        finish(job, await parseHere(job));
        await yieldToPage();
      }
    } catch (error) {
      for (let job = queue.shift(); job; job = queue.shift()) finish(job, crashResult(error));
    } finally {
      running = false;
    }
  }
  return () => void run();
}
