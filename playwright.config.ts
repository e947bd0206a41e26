import { defineConfig } from '@playwright/test';
import { DEBIAN_CHROMIUM } from './scripts/chromium';

// E2E_PORT lets a second checkout run its suite beside another one on the same machine.
const PORT = Number(process.env.E2E_PORT ?? 4319);
const BASE_URL = `http://127.0.0.1:${PORT}`;

// The e2e tests run against the production build, served by `vite preview`. `npm test`
// (scripts/test.sh) builds once and sets E2E_SKIP_BUILD=1; a bare `npx playwright test` builds
// first, so that it never tests a stale dist/.
const preview = `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`;
const command = process.env.E2E_SKIP_BUILD ? preview : `npm run build && ${preview}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    locale: 'zh-CN',
    acceptDownloads: true,
    // Off by default: recording doubles the suite's time. `npx playwright test --trace on` to debug.
    trace: 'off',
    launchOptions: DEBIAN_CHROMIUM,
  },
  webServer: {
    command,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    // Covers a cold `vite build` on two cores when the server has to build first.
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
