import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseReport, type ParseResult, type PdfTextBoxes, type PrintedTable } from '../core';
import {
  createParseClient,
  PARSE_TIME_LIMIT_MS,
  pdfBoxesOf,
  printedTablesOf,
  type WorkerPort,
} from './client';
import type { ParseRequest, ParseResponse } from './protocol';

// A worker that answers with the file's name, so that answers can be matched to files.
const answer = (name: string): ParseResult => ({
  ok: false,
  error: { code: 'empty-file', message: name },
});

interface FakeOptions {
  /** Fails like a module that cannot load: an error before `ready`. */
  failToStart?: boolean;
  /** Dies (after `ready`) when given the file of this name. */
  dieOn?: string;
  /** Never answers once it starts on the file of this name, nor for any file after it. */
  hangOn?: string;
  /** How long each file takes. */
  msPerFile?: number;
}

function fakeWorkers(options: FakeOptions = {}) {
  const started: FakeWorker[] = [];
  class FakeWorker implements WorkerPort {
    onmessage: ((event: MessageEvent<ParseResponse>) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    terminated = false;
    handled: string[] = [];
    // Like the real worker: one file at a time, in the order given.
    waiting: ParseRequest[] = [];
    constructor() {
      setTimeout(() => {
        if (options.failToStart) this.fail();
        else this.emit({ type: 'ready' });
      }, 0);
    }
    emit(data: ParseResponse) {
      if (!this.terminated) this.onmessage?.({ data } as MessageEvent<ParseResponse>);
    }
    fail() {
      this.onerror?.({ preventDefault() {} } as ErrorEvent);
    }
    postMessage(message: ParseRequest) {
      this.handled.push(message.name);
      this.waiting.push(message);
      if (this.waiting.length === 1) this.next();
    }
    next() {
      const message = this.waiting[0];
      if (!message || message.name === options.hangOn) return;
      setTimeout(() => {
        if (message.name === options.dieOn) {
          this.fail();
          return;
        }
        this.emit({ type: 'result', id: message.id, result: answer(message.name) });
        this.waiting.shift();
        this.next();
      }, options.msPerFile ?? 1);
    }
    terminate() {
      this.terminated = true;
    }
  }
  return {
    started,
    startWorker: () => {
      const worker = new FakeWorker();
      started.push(worker);
      return worker;
    },
  };
}

const file = (text: string) => new Blob([text]);

describe('parse client', () => {
  it('parses on the main thread where there are no workers', async () => {
    const client = createParseClient({ startWorker: () => null });
    const bytes = new TextEncoder().encode('你好，这不是年报。');
    expect(await client.parse(new Blob([bytes]), 'a.txt')).toEqual(
      await parseReport(bytes, 'a.txt'),
    );
  });

  it('gives every file its own answer, spread over the pool', async () => {
    const fake = fakeWorkers();
    const client = createParseClient({ startWorker: fake.startWorker, workers: 2, maxInFlight: 2 });
    const names = Array.from({ length: 9 }, (_, i) => `f${i}.txt`);
    const results = await Promise.all(names.map((name) => client.parse(file(name), name)));
    expect(results).toEqual(names.map(answer));
    expect(fake.started).toHaveLength(2);
    expect(fake.started.every((w) => w.handled.length > 0)).toBe(true);
  });

  it('falls back to the main thread when no worker can start', async () => {
    const fake = fakeWorkers({ failToStart: true });
    const client = createParseClient({ startWorker: fake.startWorker, workers: 2 });
    const bytes = new Uint8Array(0);
    const results = await Promise.all([
      client.parse(new Blob([bytes]), 'a.txt'),
      client.parse(new Blob([bytes]), 'b.txt'),
    ]);
    expect(results).toEqual([await parseReport(bytes, 'a.txt'), await parseReport(bytes, 'b.txt')]);
    expect(fake.started.every((w) => w.terminated)).toBe(true);
  });

  it('falls back to the main thread when starting a worker throws', async () => {
    const client = createParseClient({
      startWorker: () => {
        throw new Error('blocked by CSP');
      },
    });
    const bytes = new Uint8Array(0);
    expect(await client.parse(new Blob([bytes]), 'a.txt')).toEqual(
      await parseReport(bytes, 'a.txt'),
    );
  });

  it('fails only the file a worker died on, and goes on with a new worker', async () => {
    const fake = fakeWorkers({ dieOn: 'bad.txt' });
    const client = createParseClient({ startWorker: fake.startWorker, workers: 1, maxInFlight: 1 });
    const names = ['a.txt', 'bad.txt', 'c.txt'];
    const results = await Promise.all(names.map((name) => client.parse(file(name), name)));
    expect(results[0]).toEqual(answer('a.txt'));
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'parser-crash' } });
    expect(results[2]).toEqual(answer('c.txt'));
    expect(fake.started).toHaveLength(2);
  });

  it('reports a file that cannot be read', async () => {
    const fake = fakeWorkers();
    const client = createParseClient({ startWorker: fake.startWorker, workers: 1 });
    const unreadable = { arrayBuffer: () => Promise.reject(new Error('gone')) } as unknown as Blob;
    expect(await client.parse(unreadable, 'gone.txt')).toMatchObject({
      ok: false,
      error: { code: 'read-failed' },
    });
  });

  describe('time limit and cancel', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('stops a file that runs over the time limit and hands the others to a new worker', async () => {
      vi.useFakeTimers();
      const fake = fakeWorkers({ hangOn: 'slow.txt' });
      const client = createParseClient({
        startWorker: fake.startWorker,
        workers: 1,
        maxInFlight: 2,
        timeLimitMs: 5_000,
      });
      const names = ['slow.txt', 'b.txt', 'c.txt'];
      const results = Promise.all(names.map((name) => client.parse(file(name), name)));
      await vi.advanceTimersByTimeAsync(5_100);
      expect(await results).toEqual([
        { ok: false, error: { code: 'timeout', message: '解析超时（超过 5 秒）' } },
        answer('b.txt'),
        answer('c.txt'),
      ]);
      const [stuck, fresh] = fake.started;
      expect(stuck?.terminated).toBe(true);
      // b.txt had been given to the stuck worker: it was handed back, not failed.
      expect(stuck?.handled).toEqual(['slow.txt', 'b.txt']);
      expect(fresh?.handled).toEqual(['b.txt', 'c.txt']);
    });

    it('times each file from when its worker starts on it, not from when it was queued', async () => {
      vi.useFakeTimers();
      const fake = fakeWorkers({ msPerFile: 600 });
      const client = createParseClient({
        startWorker: fake.startWorker,
        workers: 1,
        maxInFlight: 3,
        timeLimitMs: 1_000,
      });
      const names = ['a.txt', 'b.txt', 'c.txt'];
      const results = Promise.all(names.map((name) => client.parse(file(name), name)));
      await vi.advanceTimersByTimeAsync(2_000);
      expect(await results).toEqual(names.map(answer));
      expect(fake.started).toHaveLength(1);
    });

    it('the default limit is generous but bounded', async () => {
      vi.useFakeTimers();
      const fake = fakeWorkers({ hangOn: 'slow.txt' });
      const client = createParseClient({ startWorker: fake.startWorker, workers: 1 });
      let result: ParseResult | null = null;
      void client.parse(file('slow.txt'), 'slow.txt').then((r) => (result = r));
      await vi.advanceTimersByTimeAsync(PARSE_TIME_LIMIT_MS - 100);
      expect(result).toBeNull();
      await vi.advanceTimersByTimeAsync(200);
      expect(result).toEqual({
        ok: false,
        error: { code: 'timeout', message: '解析超时（超过 60 秒）' },
      });
    });

    it('drops a cancelled file still in the queue, leaving the worker be', async () => {
      vi.useFakeTimers();
      const fake = fakeWorkers({ msPerFile: 500 });
      const client = createParseClient({
        startWorker: fake.startWorker,
        workers: 1,
        maxInFlight: 1,
      });
      const cancel = new AbortController();
      const a = client.parse(file('a.txt'), 'a.txt');
      const b = client.parse(file('b.txt'), 'b.txt', cancel.signal);
      await vi.advanceTimersByTimeAsync(100);
      cancel.abort();
      expect(await b).toEqual({ ok: false, error: { code: 'cancelled', message: '已取消' } });
      await vi.advanceTimersByTimeAsync(500);
      expect(await a).toEqual(answer('a.txt'));
      expect(fake.started).toHaveLength(1);
      expect(fake.started[0]?.handled).toEqual(['a.txt']);
      expect(fake.started[0]?.terminated).toBe(false);
    });

    it('stops the worker on a cancelled file and hands its other files to a new one', async () => {
      vi.useFakeTimers();
      const fake = fakeWorkers({ hangOn: 'stuck.txt' });
      const client = createParseClient({
        startWorker: fake.startWorker,
        workers: 1,
        maxInFlight: 2,
      });
      const cancel = new AbortController();
      const stuck = client.parse(file('stuck.txt'), 'stuck.txt', cancel.signal);
      const b = client.parse(file('b.txt'), 'b.txt');
      await vi.advanceTimersByTimeAsync(100);
      expect(fake.started[0]?.handled).toEqual(['stuck.txt', 'b.txt']);
      cancel.abort();
      expect(await stuck).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      await vi.advanceTimersByTimeAsync(100);
      expect(await b).toEqual(answer('b.txt'));
      expect(fake.started[0]?.terminated).toBe(true);
      expect(fake.started[1]?.handled).toEqual(['b.txt']);
    });

    it('drops the answer of a cancelled file its worker has not begun', async () => {
      vi.useFakeTimers();
      const fake = fakeWorkers({ msPerFile: 500 });
      const client = createParseClient({
        startWorker: fake.startWorker,
        workers: 1,
        maxInFlight: 2,
      });
      const cancel = new AbortController();
      const a = client.parse(file('a.txt'), 'a.txt');
      const b = client.parse(file('b.txt'), 'b.txt', cancel.signal);
      await vi.advanceTimersByTimeAsync(100);
      cancel.abort();
      expect(await b).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      const c = client.parse(file('c.txt'), 'c.txt');
      await vi.advanceTimersByTimeAsync(2_000);
      expect(await a).toEqual(answer('a.txt'));
      expect(await c).toEqual(answer('c.txt'));
      expect(fake.started).toHaveLength(1);
      expect(fake.started[0]?.terminated).toBe(false);
    });

    it('cancels a file whose signal has aborted already without starting anything', async () => {
      const fake = fakeWorkers();
      const client = createParseClient({ startWorker: fake.startWorker, workers: 1 });
      const result = await client.parse(file('a.txt'), 'a.txt', AbortSignal.abort());
      expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(fake.started).toHaveLength(0);
    });
  });

  describe('pdfBoxesOf', () => {
    const boxes: PdfTextBoxes = { text: '', pages: [{ width: 595, height: 842 }], boxes: [] };

    /** A worker that answers a boxes request after `ms`, or fails on it. */
    function boxesWorker(answer: 'boxes' | 'fail' | 'never') {
      const worker = {
        onmessage: null as WorkerPort['onmessage'],
        onerror: null as WorkerPort['onerror'],
        terminated: false,
        sent: [] as unknown[],
        postMessage(message: unknown) {
          this.sent.push(message);
          setTimeout(() => {
            if (answer === 'boxes')
              this.onmessage?.({
                data: { type: 'boxes', id: 1, boxes },
              } as MessageEvent<ParseResponse>);
            if (answer === 'fail') this.onerror?.({ preventDefault() {} } as ErrorEvent);
          }, 1);
        },
        terminate() {
          this.terminated = true;
        },
      };
      return worker;
    }

    it('asks a worker of its own for the boxes, then ends it', async () => {
      const worker = boxesWorker('boxes');
      expect(await pdfBoxesOf(file('a.pdf'), { startWorker: () => worker })).toEqual(boxes);
      expect(worker.sent).toMatchObject([{ type: 'boxes', id: 1 }]);
      expect(worker.terminated).toBe(true);
    });

    it('gives none when the worker fails or runs over the time limit', async () => {
      const failing = boxesWorker('fail');
      expect(await pdfBoxesOf(file('a.pdf'), { startWorker: () => failing })).toBeNull();
      expect(failing.terminated).toBe(true);
      const stuck = boxesWorker('never');
      expect(
        await pdfBoxesOf(file('a.pdf'), { startWorker: () => stuck, timeLimitMs: 20 }),
      ).toBeNull();
      expect(stuck.terminated).toBe(true);
    });

    it('works the boxes out on the page where no worker starts', async () => {
      const pdf = readFileSync(
        new URL('../core/fixtures/corpus/001_hongze_qu_2023.pdf', import.meta.url),
      );
      const boxes = await pdfBoxesOf(new Blob([pdf]), { startWorker: () => null });
      expect(boxes?.pages.length).toBe(5);
      expect(boxes?.boxes.length).toBeGreaterThan(100);
      expect(await pdfBoxesOf(file('a.txt'), { startWorker: () => null })).toBeNull();
    });
  });

  describe('printedTablesOf', () => {
    const page = '<table><tr><td>新收</td><td>21</td></tr></table>';

    it('asks a worker of its own for the tables of the format given, takes only its answer, then ends it', async () => {
      const tables: PrintedTable[] = [{ rows: [] }];
      const sent: unknown[] = [];
      const worker: WorkerPort & { terminated: boolean } = {
        onmessage: null,
        onerror: null,
        terminated: false,
        postMessage(message) {
          sent.push(message);
          setTimeout(() => {
            this.onmessage?.({ data: { type: 'ready' } } as MessageEvent<ParseResponse>);
            this.onmessage?.({
              data: { type: 'printed', id: 1, tables },
            } as MessageEvent<ParseResponse>);
          }, 1);
        },
        terminate() {
          this.terminated = true;
        },
      };
      expect(await printedTablesOf(file(page), 'docx', { startWorker: () => worker })).toEqual(
        tables,
      );
      expect(sent).toMatchObject([{ type: 'printed', id: 1, format: 'docx' }]);
      expect(worker.terminated).toBe(true);
    });

    it('works the tables out on the page where no worker starts', async () => {
      const tables = await printedTablesOf(file(page), 'html', { startWorker: () => null });
      expect(tables?.map((table) => table.rows.map((row) => row.map((cell) => cell.text)))).toEqual(
        [[['新收', '21']]],
      );
    });
  });
});
