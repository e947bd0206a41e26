// The docs stay true to the repository: every rule of src/core/SPEC.md is proved by a test and every
// rule a test names is written there; and no comment or document points at a file the repository
// does not have (a newcomer must be able to follow every reference from a fresh clone).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = relative(ROOT, fileURLToPath(import.meta.url));
// Build output, dependencies, test results and scratch space are not the repository's text.
const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  'test-results',
  'playwright-report',
  'scratch',
]);

/** Every file under `dir` (relative to the root), skipping build output and dependencies. */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(join(ROOT, at), { withFileTypes: true })) {
      const path = at === '' ? entry.name : `${at}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('dist')) walk(path);
      } else found.push(path);
    }
  };
  if (existsSync(join(ROOT, dir))) walk(dir);
  return found.sort();
}

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

describe('SPEC rules and the tests that prove them', () => {
  const specRules = new Set(
    [...read('src/core/SPEC.md').matchAll(/^- (R\d+\.\d+)\b/gm)].map((match) => match[1] ?? ''),
  );
  // This file names no rule; leaving it out keeps an example in a comment here from counting.
  const testFiles = [...filesUnder('src'), ...filesUnder('scripts'), ...filesUnder('e2e')].filter(
    (path) => /\.(?:test\.tsx?|spec\.ts)$/.test(path) && path !== SELF,
  );
  const citedBy = new Map<string, string[]>();
  for (const path of testFiles) {
    for (const [id] of read(path).matchAll(/\bR\d+\.\d+\b/g)) {
      const files = citedBy.get(id) ?? [];
      if (!files.includes(path)) files.push(path);
      citedBy.set(id, files);
    }
  }

  it('SPEC.md defines rules', () => {
    expect(specRules.size).toBeGreaterThan(100);
  });

  it('every rule of SPEC.md is cited by a test', () => {
    const uncited = [...specRules].filter((id) => !citedBy.has(id));
    expect(uncited, 'rules of src/core/SPEC.md that no test names').toEqual([]);
  });

  it('every rule a test cites is defined in SPEC.md', () => {
    const undefinedIds = [...citedBy]
      .filter(([id]) => !specRules.has(id))
      .map(([id, files]) => `${id} (${files.join(', ')})`);
    expect(undefinedIds, 'rule ids named by tests but not written in src/core/SPEC.md').toEqual([]);
  });
});

// What a reference is, so that the check is useful and not noisy:
//
// - In TypeScript only comments are read (through the compiler's own scanner of comment ranges), never
//   strings: tests name made-up files as data, and that is not a reference.
// - In documents, everything is read, except fixture data: files under a fixtures/ directory are
//   reports and copies of them, not the project's prose, and the corpus README is a verbatim copy that
//   tests drop into the app as a file. The READMEs the project writes for its fixtures are read.
// - A reference is (1) any path into the `shared` directory beside the checkout, outside it by definition;
//   (2) a path from the root (src/…, scripts/…, docs/…, e2e/…, public/…) without glob or placeholder
//   characters (`*`, `<…>`, `{…}`, `…`), which must exist; (3) a Markdown link to a local file, which
//   must exist relative to the document; (4) a name ending in .md: with a directory part it must exist
//   relative to the file or the root, without one (a doc cited by name, such as SPEC.md) some file of
//   the repository must have that name. Names of one or two characters before .md are examples, not
//   docs, and are passed over.

interface Text {
  /** The text and the line of the file it starts on. */
  text: string;
  line: number;
}

function commentsOf(path: string, source: string): Text[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false);
  const seen = new Set<number>();
  const comments: Text[] = [];
  const take = (ranges: readonly ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      comments.push({
        text: source.slice(range.pos, range.end),
        line: file.getLineAndCharacterOfPosition(range.pos).line + 1,
      });
    }
  };
  const visit = (node: ts.Node) => {
    take(ts.getLeadingCommentRanges(source, node.getFullStart()));
    take(ts.getTrailingCommentRanges(source, node.getEnd()));
    ts.forEachChild(node, visit);
  };
  visit(file);
  take(ts.getLeadingCommentRanges(source, file.endOfFileToken.getFullStart()));
  return comments;
}

const FIXTURE_DATA = (path: string): boolean =>
  path.includes('/fixtures/corpus/') ||
  (path.includes('/fixtures/') && basename(path) !== 'README.md');

/** The texts to check, each with the file and line it comes from. */
function textsToCheck(): { path: string; texts: Text[] }[] {
  const code = [...filesUnder('src'), ...filesUnder('scripts'), ...filesUnder('e2e')].filter(
    (path) => /\.tsx?$/.test(path) && !path.endsWith('.d.ts'),
  );
  const docs = [
    ...['src', 'scripts', 'e2e', 'docs'].flatMap((dir) => filesUnder(dir)),
    'README.md',
    'CONTRIBUTING.md',
  ].filter((path) => path.endsWith('.md') && !FIXTURE_DATA(path) && existsSync(join(ROOT, path)));
  return [
    ...code.map((path) => ({ path, texts: commentsOf(path, read(path)) })),
    ...docs.map((path) => ({ path, texts: [{ text: read(path), line: 1 }] })),
  ];
}

const ALL_NAMES = new Set(filesUnder('').map((path) => basename(path)));
const exists = (path: string): boolean => existsSync(join(ROOT, path));

const OUTSIDE = /\.\.\/shared\b[^\s`'"),]*/g;
const ROOT_PATH = /(?<![\w./*-])(?:src|scripts|docs|e2e|public)\/[\w./@*<>{}…-]*/g;
const MD_NAME = /(?<![\w./*-])(?:\.{1,2}\/)*(?:[\w@-][\w.@-]*\/)*[\w-][\w.-]*\.md\b/g;
const MD_LINK = /\]\(([^)\s#]+)(?:#[^)]*)?\)/g;
const PLACEHOLDER = /[*<>{}…]/;

function brokenReferences(path: string, text: string): string[] {
  const broken: string[] = [];
  const dir = dirname(path);
  for (const [ref] of text.matchAll(OUTSIDE)) broken.push(`${ref} (outside the repository)`);
  for (const [match] of text.matchAll(ROOT_PATH)) {
    const ref = match.replace(/[.,:;]+$/, '');
    if (!PLACEHOLDER.test(ref) && !exists(ref)) broken.push(ref);
  }
  if (path.endsWith('.md')) {
    for (const [, target = ''] of text.matchAll(MD_LINK)) {
      if (/^[a-z]+:/i.test(target)) continue;
      if (!exists(join(dir, target))) broken.push(`${target} (link)`);
    }
  }
  for (const [ref] of text.matchAll(MD_NAME)) {
    if (ref.startsWith('../shared')) continue;
    const name = basename(ref);
    if (!ref.includes('/')) {
      if (name.length > '12.md'.length && !ALL_NAMES.has(name)) broken.push(ref);
    } else if (!exists(join(dir, ref)) && !exists(ref)) broken.push(ref);
  }
  return broken;
}

describe('references in comments and docs', () => {
  // The check tried on references nobody should write, so that a pattern that stops matching fails.
  it.each([
    ['src/core/checks.ts', '// 勾稽关系 of report-templates.md §3', 'report-templates.md'],
    ['scripts/bench.ts', '// (design.md, "Budgets")', 'design.md'],
    ['src/core/types.ts', '// The shape of ../shared/spec/schema.md', '../shared/spec/schema.md'],
    ['src/core/report.ts', '// see src/core/formats/gone.ts.', 'src/core/formats/gone.ts'],
    ['docs/templates.md', 'the [rules](../src/core/RULES.md)', '../src/core/RULES.md (link)'],
    ['src/core/fold.ts', '// like docs/SPEC-pdf.md says', 'docs/SPEC-pdf.md'],
  ])('flags a reference that leads nowhere: %s %s', (path, text, ref) => {
    expect(brokenReferences(path, text).join(' ')).toContain(ref);
  });

  it.each([
    ['src/core/checks.ts', '// 勾稽关系 of docs/templates.md §3 (SPEC.md R6)'],
    ['docs/templates.md', 'see [SPEC.md](../src/core/SPEC.md) and [schema](schema.md#cells)'],
    ['src/core/report.ts', '// pdf*.ts, src/core/formats/pdf*.ts, scripts/**/*.test.ts, a.md'],
    ['scripts/golden.ts', '// under src/core/fixtures/variants/<class>/, in src/core/limits.ts.'],
  ])('passes references that exist, globs and example names: %s %s', (path, text) => {
    expect(brokenReferences(path, text)).toEqual([]);
  });

  it('reads comments, not strings', () => {
    const source = "// one\nconst name = 'x/y.md'; /* two */\nexport { name }; // three\n";
    expect(commentsOf('a.ts', source).map((comment) => comment.text)).toEqual([
      '// one',
      '/* two */',
      '// three',
    ]);
  });

  it('the docs a newcomer is pointed to exist', () => {
    const docs = [
      'README.md',
      'CONTRIBUTING.md',
      'docs/templates.md',
      'docs/ARCHITECTURE.md',
      'docs/schema.md',
      'src/core/SPEC.md',
    ];
    expect(docs.filter((doc) => !exists(doc))).toEqual([]);
  });

  it('no comment or doc names a file that is not in the repository', () => {
    const problems: string[] = [];
    const checked = textsToCheck();
    // The scan reaches the code, the docs and the comments in them, not an empty tree.
    expect(checked.length).toBeGreaterThan(200);
    expect(checked.flatMap(({ texts }) => texts).length).toBeGreaterThan(2000);
    for (const { path, texts } of checked) {
      for (const { text, line } of texts) {
        const lines = text.split('\n');
        lines.forEach((lineText, offset) => {
          for (const ref of brokenReferences(path, lineText))
            problems.push(`${path}:${line + offset}: ${ref}`);
        });
      }
    }
    expect(problems, 'references to files the repository does not have').toEqual([]);
  });
});
