import { test as base, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ReviewPage, type FixtureFile } from './ReviewPage';

/**
 * Every console error and uncaught page error is collected; a test fails at the end if any is left
 * that the test did not announce with `consoleGuard.allow(/…/)` (only the CSP test needs that).
 */
interface ConsoleGuard {
  readonly errors: readonly string[];
  allow(pattern: RegExp): void;
}

interface Fixtures {
  consoleGuard: ConsoleGuard;
  /** The app, opened at `/` and ready. */
  review: ReviewPage;
}

export const test = base.extend<Fixtures>({
  consoleGuard: [
    async ({ page, context }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      // The context sees the page's messages and those of its workers (the parser runs in one).
      context.on('console', (message) => {
        if (message.type() !== 'error') return;
        const where = message.location();
        const origin = message.worker() ? 'worker ' : '';
        errors.push(`${origin}console.error: ${message.text()} (${where.url}:${where.lineNumber})`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.stack ?? error.message}`));
      page.on('crash', () => errors.push('the page crashed'));

      await use({
        errors,
        allow: (pattern) => {
          allowed.push(pattern);
        },
      });

      const unexpected = errors.filter((error) => !allowed.some((pattern) => pattern.test(error)));
      expect(unexpected, 'console errors or uncaught page errors during the test').toEqual([]);
    },
    { auto: true },
  ],

  review: async ({ page }, use) => {
    const review = new ReviewPage(page);
    await review.goto();
    await use(review);
  },
});

export { expect };

// The e2e's own files (a GB18030 copy, a report cut short); the seeds are read from the core's fixtures.
const E2E_FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const SEED_FIXTURES = fileURLToPath(new URL('../src/core/fixtures/seeds/', import.meta.url));

/** A seed of `SEEDS` in src/core/fixtures/seeds, any other name in e2e/fixtures. */
export function fixturePath(name: string): string {
  return `${SEED_NAMES.has(name) ? SEED_FIXTURES : E2E_FIXTURES}${name}`;
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export function fixtureFile(name: string, mimeType = 'text/plain'): FixtureFile {
  return { name, mimeType, buffer: readFileSync(fixturePath(name)) };
}

// The real reports and their variants are the core's golden fixtures: read where they are, not copied.
const CORE_FIXTURES = new URL('../src/core/fixtures/', import.meta.url);

/** A file of src/core/fixtures (e.g. `corpus/022_pingtan_qu_2021.html`), named by its base name. */
export function coreFixture(path: string, mimeType: string): FixtureFile {
  return {
    name: path.split('/').pop() ?? path,
    mimeType,
    buffer: readFileSync(new URL(path, CORE_FIXTURES)),
  };
}

/** Seed reports of src/core/fixtures/seeds, by their file names. */
export const SEEDS = {
  /** 青云谱区行政审批局 2020: prose only, facts such as 主动公开政府信息41条. */
  prose: '000_5cc7f11a5c206d15.txt',
  /** 益阳市行政审批服务局 2022, the 2021 layout; also the bundled sample. */
  yiyang: '001_b7938c474e787140.txt',
  /** 衢州市行政服务中心 2014: prose only. */
  quzhou: '002_db442462a16c13eb.txt',
  /** 江源区大石人镇人民政府 2020, the 2019 layout, its text twice in the file. */
  dashiren: '003_aaaddea679991605.txt',
} as const;

const SEED_NAMES: ReadonlySet<string> = new Set(Object.values(SEEDS));

/**
 * Where the n-th number (0-based) after `label` sits in `text`, as the app's `start-end` span key.
 * Computed from the fixture itself, independently of the parser, so that a test can check that a
 * cell points at the right characters.
 */
export function numberSpanAfter(text: string, label: string, n: number): [number, number] {
  const at = text.indexOf(label);
  if (at < 0) throw new Error(`label not in fixture: ${label}`);
  const numbers = /\d+/g;
  numbers.lastIndex = at + label.length;
  for (let i = 0; ; i++) {
    const match = numbers.exec(text);
    if (!match) throw new Error(`fewer than ${n + 1} numbers after ${label}`);
    if (i === n) return [match.index, match.index + match[0].length];
  }
}
