import { describe, expect, it } from 'vitest';
import { parseReport, type ParseResult } from '../core';
import { createParseClient, type WorkerPort } from './client';
import type { ParseRequest, ParseResponse } from './protocol';

// A worker that answers with the file's name, so that answers can be matched to files.
const answer = (name: string): ParseResult => ({
  ok: false,
  error: { code: 'seen', message: name },
});

interface FakeOptions {
  /** Fails like a module that cannot load: an error before `ready`. */
  failToStart?: boolean;
  /** Dies (after `ready`) when given the file of this name. */
  dieOn?: string;
}

function fakeWorkers(options: FakeOptions = {}) {
  const started: FakeWorker[] = [];
  class FakeWorker implements WorkerPort {
    onmessage: ((event: MessageEvent<ParseResponse>) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    terminated = false;
    handled: string[] = [];
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
      setTimeout(() => {
        if (message.name === options.dieOn) this.fail();
        else this.emit({ type: 'result', id: message.id, result: answer(message.name) });
      }, 1);
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
});
