// npm run variants: turns every golden report that has an HTML original (src/core/fixtures/corpus/*.html
// with a truth file) into the other shapes users bring, and writes them under
// src/core/fixtures/variants/<class>/, where the golden tests and `npm run accuracy` score them against
// the HTML's truth. The generated files are committed: CI needs neither LibreOffice nor fonts.
//
// Needs Debian's chromium, libreoffice-writer and fonts-noto-cjk (apt-get install -y chromium
// libreoffice-writer-nogui fonts-noto-cjk). Run it again after adding a report to the corpus.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tify } from 'chinese-conv';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { chromium, type Page } from '@playwright/test';
import { DEBIAN_CHROMIUM } from './chromium';
import { VARIANT_CLASSES, rebuiltPages, textCopies, type VariantClass } from './golden';
import { rebuildPages } from './rebuild-pages';

const FIXTURES = fileURLToPath(new URL('../src/core/fixtures/', import.meta.url));
const CORPUS = join(FIXTURES, 'corpus');
const OUT = join(FIXTURES, 'variants');

/**
 * The HTML originals of the golden set: those the corpus truth has a file for, and the pages rebuilt
 * from the reports that have none.
 */
function originals(): string[] {
  const truths = readdirSync(join(CORPUS, 'truth')).map(
    (name) =>
      (JSON.parse(readFileSync(join(CORPUS, 'truth', name), 'utf8')) as { file: string }).file,
  );
  return [
    ...truths
      .filter((file) => file.endsWith('.html'))
      .sort()
      .map((file) => join(CORPUS, file)),
    ...rebuiltPages().map((truth) => join(FIXTURES, 'rebuilt', truth.file)),
  ];
}

// `npm run variants -- text-pinyin copies-pinyin` remakes only the classes named; no name, all.
const named = new Set(process.argv.slice(2));
const selected = (variant: VariantClass) => named.size === 0 || named.has(variant.dir);

const write = (variant: VariantClass, name: string, data: string | Uint8Array) => {
  if (!selected(variant)) return;
  mkdirSync(join(OUT, variant.dir), { recursive: true });
  writeFileSync(join(OUT, variant.dir, name), data);
};

// Chromium's print dialog: A4, portrait or landscape, at a scale; headers and footers (date, title,
// URL, page n/m) are on by default there, so the default print keeps them.
async function printPdfs(page: Page, base: string): Promise<void> {
  for (const variant of VARIANT_CLASSES) {
    if (variant.make.kind !== 'print' || !selected(variant)) continue;
    const { landscape, scale, headerFooter, unruled } = variant.make;
    const borderless = unruled
      ? await page.addStyleTag({
          content: 'table, tr, td, th { border: none !important; }',
        })
      : null;
    const pdf = await page.pdf({
      format: 'A4',
      landscape,
      scale,
      displayHeaderFooter: headerFooter,
      ...(headerFooter
        ? {
            // Chromium's own header and footer, as its print dialog writes them.
            headerTemplate:
              '<div style="font-size:8px;width:100%;display:flex;justify-content:space-between;padding:0 10mm"><span class="date"></span><span class="title"></span></div>',
            footerTemplate:
              '<div style="font-size:8px;width:100%;display:flex;justify-content:space-between;padding:0 10mm"><span class="url"></span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>',
            margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
          }
        : {}),
    });
    await borderless?.evaluate((style) => style.parentNode?.removeChild(style));
    write(variant, `${base}.pdf`, pdf);
  }
}

/**
 * The page as a text copy: every table without a table inside it written in the seeds' flattened form
 * (one cell per line as `text |`, then a line of `|` counting the row's slots covered by a rowspan or
 * colspan), everything else as the browser renders its text.
 */
async function flattenedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const tables = [...document.querySelectorAll('table')].filter(
      (table) => !table.querySelector('table'),
    );
    for (const table of tables) {
      const rows = [...table.rows];
      const taken = rows.map(() => new Set<number>());
      const lines: string[] = [];
      rows.forEach((row, r) => {
        let column = 0;
        const cells = [...row.cells];
        for (const cell of cells) {
          while (taken[r]?.has(column)) column += 1;
          const text = (cell.innerText ?? '').replace(/\s+/g, ' ').trim();
          lines.push(text === '' ? '|' : `${text} |`);
          const rowspan = Math.min(Math.max(cell.rowSpan, 1), rows.length - r);
          for (let dr = 0; dr < rowspan; dr++)
            for (let dc = 0; dc < Math.max(cell.colSpan, 1); dc++) taken[r + dr]?.add(column + dc);
          column += Math.max(cell.colSpan, 1);
        }
        const covered = (taken[r]?.size ?? 0) - cells.length;
        if (covered > 0) lines.push('|'.repeat(covered));
      });
      const pre = document.createElement('pre');
      pre.textContent = lines.join('\n');
      table.replaceWith(pre);
    }
    return document.body.innerText;
  });
}

// Mirror sites convert pages to traditional characters, some writing a pinyin reading after part of
// the converted characters: `區(qū)科技工業(yè)商務(wù)信息化局`. Which characters get one is the
// converter's business; here a fixed hash of the position picks about half of them.
function annotatePinyin(simplified: string, traditional: string): string {
  const readings = pinyin(simplified, { toneType: 'symbol', type: 'all' });
  const chars = [...traditional];
  const simpleChars = [...simplified];
  if (chars.length !== simpleChars.length || readings.length !== simpleChars.length)
    throw new Error('conversion changed the text length: cannot align the pinyin');
  return chars
    .map((char, i) => {
      const reading = readings[i];
      const changed = char !== simpleChars[i];
      const picked = ((i * 2654435761) >>> 0) % 100 < 55;
      return reading?.isZh && changed && picked && reading.pinyin
        ? `${char}(${reading.pinyin})`
        : char;
    })
    .join('');
}

function libreOffice(input: string, to: string, outDir: string): string {
  execFileSync('soffice', ['--headless', '--convert-to', to, '--outdir', outDir, input], {
    stdio: 'ignore',
    env: { ...process.env, HOME: outDir },
  });
  const made = readdirSync(outDir).find((name) => name.endsWith(`.${to.split(':')[0]}`));
  if (!made) throw new Error(`LibreOffice made no ${to} of ${input}`);
  return join(outDir, made);
}

function byClass(dir: string): VariantClass {
  const variant = VARIANT_CLASSES.find((candidate) => candidate.dir === dir);
  if (!variant) throw new Error(`no variant class ${dir}`);
  return variant;
}

async function main(): Promise<void> {
  const unknown = [...named].filter(
    (dir) => !VARIANT_CLASSES.some((variant) => variant.dir === dir),
  );
  if (unknown.length > 0) throw new Error(`no variant class ${unknown.join(', ')}`);
  rebuildPages();
  for (const variant of VARIANT_CLASSES.filter(selected))
    rmSync(join(OUT, variant.dir), { recursive: true, force: true });
  const files = VARIANT_CLASSES.some((variant) => variant.from === 'html' && selected(variant))
    ? originals()
    : [];
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
  const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });
  const browser = await chromium.launch(DEBIAN_CHROMIUM);
  try {
    const page = await browser.newPage();
    // The saved pages name images and scripts on their sites: nothing is fetched.
    await page.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
    for (const path of files) {
      const base = basename(path, '.html');
      console.log(base);
      await page.goto(`file://${path}`, { waitUntil: 'load' });
      await printPdfs(page, base);
      write(
        byClass('text-innertext'),
        `${base}.txt`,
        await page.evaluate(() => document.body.innerText),
      );
      const flat = await flattenedText(page);
      write(byClass('text-flat'), `${base}.txt`, flat);
      write(byClass('text-traditional'), `${base}.txt`, toTraditional(flat));
      write(byClass('text-pinyin'), `${base}.txt`, annotatePinyin(flat, toTaiwan(flat)));
      const html = readFileSync(path, 'utf8');
      write(byClass('html-traditional'), `${base}.html`, toHongKong(html));

      if (!selected(byClass('docx-libreoffice')) && !selected(byClass('pdf-libreoffice'))) continue;
      const work = mkdtempSync(join(tmpdir(), 'variants-'));
      try {
        const docx = libreOffice(path, 'docx:MS Word 2007 XML', join(work, 'docx'));
        write(byClass('docx-libreoffice'), `${base}.docx`, readFileSync(docx));
        const pdf = libreOffice(docx, 'pdf', join(work, 'pdf'));
        write(byClass('pdf-libreoffice'), `${base}.pdf`, readFileSync(pdf));
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  for (const path of textCopies()) {
    const text = readFileSync(join(FIXTURES, path), 'utf8');
    const name = path.split('/').pop() ?? path;
    write(byClass('copies-traditional'), name, toTraditional(text));
    write(byClass('copies-pinyin'), name, annotatePinyin(text, toTaiwan(text)));
    write(byClass('copies-chinese-conv'), name, tify(text));
  }
}

await main();
