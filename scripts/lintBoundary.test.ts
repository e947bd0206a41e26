// The lint rules that keep the layers apart, tried on imports nobody should write: a rule that stopped
// matching (a pattern that misses `../../`) would otherwise pass silently with the code it guards.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restricted(filePath: string, from: string): Promise<boolean> {
  const [result] = await eslint.lintText(`export * from '${from}';\n`, { filePath });
  return (result?.messages ?? []).some((message) => message.ruleId === 'no-restricted-imports');
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
