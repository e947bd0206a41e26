import { describe, expect, it } from 'vitest';
import { coordinateTabs, type Channel, type Locks, type TabEvents } from './tabLock';

/** One lock manager for all tabs, granting in the order asked, as the browser's does. */
function fakeLocks(): Locks {
  let held = false;
  const queue: { grant: () => void }[] = [];
  const next = () => {
    const first = queue.shift();
    if (first) first.grant();
    else held = false;
  };
  return {
    request(_name, { signal }, callback) {
      return new Promise((resolve, reject) => {
        const waiter = {
          grant: () => {
            held = true;
            void callback({}).then(
              (value) => {
                next();
                resolve(value);
              },
              (error: unknown) => {
                next();
                reject(error);
              },
            );
          },
        };
        signal?.addEventListener('abort', () => {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          reject(new DOMException('aborted', 'AbortError'));
        });
        if (held) queue.push(waiter);
        else waiter.grant();
      });
    },
  };
}

/** A BroadcastChannel between the tabs: a message reaches every other tab, a moment later. */
function fakeChannels(): () => Channel {
  const open = new Set<Channel>();
  return () => {
    const channel: Channel = {
      onmessage: null,
      postMessage(message) {
        for (const other of open) {
          if (other !== channel) setTimeout(() => other.onmessage?.({ data: message }));
        }
      },
      close: () => void open.delete(channel),
    };
    open.add(channel);
    return channel;
  };
}

/** A tab: what it was told, in order, and whether it will hand over. */
function tab(name: string, log: string[], options: { saves?: boolean } = {}) {
  const events: TabEvents = {
    becameEditor: async () => void log.push(`${name} edits`),
    becameReader: () => void log.push(`${name} reads`),
    handOver: async () => {
      log.push(`${name} saves`);
      return options.saves ?? true;
    },
    refused: () => void log.push(`${name} refused`),
  };
  return events;
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the log has `count` entries: the fakes and the grace periods run on timers, which a
 * loaded machine fires late, so fixed waits failed there. The ceiling (about 10 s) only stops a hang.
 */
async function logged(log: readonly string[], count: number): Promise<void> {
  for (let i = 0; i < 2000 && log.length < count; i++) await tick(5);
}

describe('one tab edits, the others read', () => {
  const setup = () => {
    const locks = fakeLocks();
    const channel = fakeChannels();
    const environment = { locks, channel, graceMs: 20, handoverTimeoutMs: 200 };
    return (events: TabEvents) => coordinateTabs(events, environment);
  };

  it('gives the lock to the first tab; the second is read-only until the first hands over', async () => {
    const start = setup();
    const log: string[] = [];
    const first = start(tab('A', log));
    await logged(log, 1);
    const second = start(tab('B', log));
    await logged(log, 2);
    expect(log).toEqual(['A edits', 'B reads']);

    second?.requestHandover();
    await logged(log, 5);
    // A saves before it lets go; B edits only after that.
    expect(log).toEqual(['A edits', 'B reads', 'A saves', 'A reads', 'B edits']);

    // And back.
    first?.requestHandover();
    await logged(log, 8);
    expect(log.slice(5)).toEqual(['B saves', 'B reads', 'A edits']);
  });

  it('keeps the lock where something could not be saved, and tells the tab that asked', async () => {
    const start = setup();
    const log: string[] = [];
    start(tab('A', log, { saves: false }));
    await logged(log, 1);
    const second = start(tab('B', log));
    await logged(log, 2);
    second?.requestHandover();
    await logged(log, 4);
    expect(log).toEqual(['A edits', 'B reads', 'A saves', 'B refused']);
  });

  it('passes the lock to the waiting tab when the editing one closes', async () => {
    const start = setup();
    const log: string[] = [];
    const first = start(tab('A', log));
    await logged(log, 1);
    start(tab('B', log));
    await logged(log, 2);
    first?.close();
    await logged(log, 3);
    expect(log).toEqual(['A edits', 'B reads', 'B edits']);
  });

  it('says it cannot coordinate where the browser has no Web Locks', () => {
    const log: string[] = [];
    expect(coordinateTabs(tab('A', log), { locks: null, channel: fakeChannels() })).toBeNull();
    expect(log).toEqual([]);
  });

  it('a request nobody answers ends as refused', async () => {
    const log: string[] = [];
    const environment = { locks: fakeLocks(), channel: fakeChannels(), graceMs: 5 };
    // The lock is held by a tab that never listens (a frozen tab, say).
    void environment.locks.request('nianbao-review-editor', {}, () => new Promise(() => {}));
    const reader = coordinateTabs(tab('B', log), { ...environment, handoverTimeoutMs: 30 });
    await logged(log, 1);
    reader?.requestHandover();
    await logged(log, 2);
    expect(log).toEqual(['B reads', 'B refused']);
  });
});
