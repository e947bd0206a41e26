// The lint rules that keep the layers apart, tried on imports nobody should write: a rule that stopped
// matching (a pattern that misses `../../`) would otherwise pass silently with the code it guards.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restricted(filePath: string, from: string): Promise<boolean> {
  const [result] = await eslint.lintText(`export * from '${from}';\n`, { filePath });
  return (result?.messages ?? []).some((message) => message.ruleId === 'no-restricted-imports');
}

/** The same for `import()`, which no-restricted-imports does not see. */
async function restrictedLazy(filePath: string, from: string): Promise<boolean> {
  const [result] = await eslint.lintText(`export const load = () => import('${from}');\n`, {
    filePath,
  });
  return (result?.messages ?? []).some((message) => message.ruleId === 'no-restricted-syntax');
}

describe('the core imports nothing from the app', () => {
  it.each([
    ['src/core/report.ts', '../store/reviewStore'],
    ['src/core/templates/national.ts', '../../store/reviewStore'],
    ['src/core/formats/pdf.ts', '../../components/DataGrid'],
    ['src/core/export/json.ts', '../../worker/client'],
    ['src/core/templates/stats.ts', '../../i18n'],
    ['src/core/checks.ts', '../App'],
    ['src/core/checks.test.ts', '../../src/store/reviewStore'],
    ['src/core/formats/html.test.ts', '../../i18n'],
  ])('%s may not import %s', async (file, from) => {
    expect(await restricted(file, from)).toBe(true);
  });

  it.each([
    ['src/core/report.ts', './checks'],
    ['src/core/formats/pdf.ts', 'pdfjs-dist/legacy/build/pdf.worker.mjs'],
    ['src/core/templates/national.ts', '../fold'],
  ])('%s may import %s', async (file, from) => {
    expect(await restricted(file, from)).toBe(false);
  });
});

describe('the app reaches the core only through its index', () => {
  it.each([
    ['src/components/ReportHeader.tsx', '../core/edits'],
    ['src/components/download.ts', '../core/export/json'],
    ['src/store/queue.ts', '../core/sha256'],
    ['src/store/slices/review.ts', '../../core/edits'],
    ['src/worker/client.ts', '../core/limits'],
    ['src/worker/protocol.ts', '../core/formats/pdf'],
    ['src/App.tsx', './core/report'],
    ['src/components/DataGrid.tsx', '../core/fixtures/reports'],
    ['src/components/gridRange.test.ts', '../core/edits'],
    ['src/worker/client.test.ts', '../core/formats/printed'],
  ])('%s may not import %s', async (file, from) => {
    expect(await restricted(file, from)).toBe(true);
  });

  it.each([
    ['src/worker/client.ts', '../core/formats/pdf'],
    ['src/components/download.ts', '../core/export/csv'],
    ['src/store/queue.ts', '../core/export/validate'],
  ])('%s may not import() %s', async (file, from) => {
    expect(await restrictedLazy(file, from)).toBe(true);
  });

  it.each([
    ['src/components/ReportHeader.tsx', '../core'],
    ['src/store/slices/review.ts', '../../core'],
    ['src/worker/client.ts', '../core'],
    ['src/App.tsx', './core'],
    ['src/components/presentation.test.ts', '../core/fixtures/reports'],
    ['src/store/reviewStore.test.ts', '../core/fixtures/reports'],
    ['src/components/DataGrid.tsx', '@tanstack/table-core/build'],
  ])('%s may import %s', async (file, from) => {
    expect(await restricted(file, from)).toBe(false);
    expect(await restrictedLazy(file, from)).toBe(false);
  });
});
