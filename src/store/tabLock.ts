// Two tabs on one workspace: one edits, the others are read-only and say so.
//
// Why one editor and not live sync: every tab keeps the whole workspace in memory and writes what
// changed from there. Live sync would need every change of every report merged into every tab, with
// per-entry versions, and an undo history that another tab can invalidate at any time; a conflict
// could still only be settled by dropping someone's edit. With one editor nothing is ever merged:
// the tab holding the Web Lock `nianbao-review-editor` is the only one that writes; another tab
// waits for the lock, shows a banner, and may ask (over BroadcastChannel) for it to be handed over.
// The editor first saves everything, then turns read-only and releases the lock; a tab that gets
// the lock reloads the workspace from IndexedDB before it edits, so it never writes from stale
// memory. The browser releases the lock of a tab that closes or crashes, so the next tab in line
// takes over by itself.
//
// Where navigator.locks is missing the tab edits, the banner says that tabs cannot be coordinated,
// and the database's revision check (persistence.ts) still refuses a write over another tab's.

const EDITOR_LOCK = 'nianbao-review-editor';
const CHANNEL = 'nianbao-review-tabs';

/**
 * How long a starting tab waits for the lock before it shows itself read-only: on a reload, the
 * page before may still hold it for a moment.
 */
const START_GRACE_MS = 1000;

/** How long a request to hand over waits for the lock or an answer. */
const HANDOVER_TIMEOUT_MS = 10_000;

/** The parts of the Web Locks API used here, so that tests can give their own. */
export interface Locks {
  request(
    name: string,
    options: { signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void>,
  ): Promise<unknown>;
}

export interface Channel {
  postMessage(message: TabMessage): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

type TabMessage = { type: 'handover-request' } | { type: 'handover-refused' };

export interface TabEvents {
  /** This tab holds the lock: reload what the other tab saved, then edit. */
  becameEditor(): Promise<void>;
  /** Another tab holds the lock: write nothing. */
  becameReader(): void;
  /**
   * Another tab asks for the lock: stop editing and save everything. Resolves true once all is
   * saved (the lock is then released), false if something could not be saved (the tab goes on).
   */
  handOver(): Promise<boolean>;
  /** The editing tab did not hand over (it has unsaved changes, or did not answer). */
  refused(): void;
}

export interface TabCoordinator {
  /** Asks the tab that edits to hand over to this one. */
  requestHandover(): void;
  close(): void;
}

export interface TabEnvironment {
  locks: Locks | null;
  channel: (() => Channel) | null;
  graceMs?: number;
  handoverTimeoutMs?: number;
}

function browserEnvironment(): TabEnvironment {
  const locks = typeof navigator !== 'undefined' ? (navigator.locks ?? null) : null;
  const channel =
    typeof BroadcastChannel === 'undefined'
      ? null
      : () => new BroadcastChannel(CHANNEL) as unknown as Channel;
  return { locks: locks as Locks | null, channel };
}

/**
 * Starts the coordination: `becameEditor` or `becameReader` is called soon (the latter only after
 * START_GRACE_MS without the lock), and again at each handover. Returns null, calling neither,
 * where the browser has no Web Locks: the caller then edits unguarded and says so.
 */
export function coordinateTabs(
  events: TabEvents,
  environment: TabEnvironment = browserEnvironment(),
): TabCoordinator | null {
  const locks = environment.locks;
  if (!locks) return null;
  const channel = environment.channel?.() ?? null;
  const stop = new AbortController();
  let release: (() => void) | null = null;
  let asked: ReturnType<typeof setTimeout> | null = null;

  function stopAsking(): void {
    if (asked !== null) clearTimeout(asked);
    asked = null;
  }

  /** Queues for the lock; holds it, once granted, until handed over or the tab goes. */
  const wait = (grace: boolean): void => {
    let granted = false;
    const reader = grace
      ? setTimeout(() => {
          if (!granted) events.becameReader();
        }, environment.graceMs ?? START_GRACE_MS)
      : null;
    locks
      .request(EDITOR_LOCK, { signal: stop.signal }, async () => {
        granted = true;
        if (reader !== null) clearTimeout(reader);
        stopAsking();
        const held = new Promise<void>((resolve) => (release = resolve));
        await events.becameEditor();
        await held;
      })
      // Aborted by close(): the tab is going.
      .catch(() => {});
  };

  async function handOver(): Promise<void> {
    const done = release;
    if (!done) return;
    release = null;
    if (!(await events.handOver())) {
      release = done;
      channel?.postMessage({ type: 'handover-refused' });
      return;
    }
    done();
    events.becameReader();
    wait(false);
  }

  if (channel) {
    channel.onmessage = ({ data }) => {
      const message = data as TabMessage;
      if (message.type === 'handover-request') void handOver();
      else if (message.type === 'handover-refused' && asked !== null) {
        stopAsking();
        events.refused();
      }
    };
  }
  wait(true);

  return {
    requestHandover() {
      if (release || !channel) {
        if (!release) events.refused();
        return;
      }
      stopAsking();
      asked = setTimeout(() => {
        asked = null;
        events.refused();
      }, environment.handoverTimeoutMs ?? HANDOVER_TIMEOUT_MS);
      channel.postMessage({ type: 'handover-request' });
    },
    close() {
      stopAsking();
      stop.abort();
      release?.();
      channel?.close();
    },
  };
}
