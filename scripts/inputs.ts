// The command line's arguments → the files to parse, in a stable order. A file is taken as given
// (one that does not exist still gets its read-error line); a directory is every report file under
// it; a pattern with * ? ** is expanded here, because the shell leaves a quoted one alone and Node 20
// has no fs.glob.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { resolve } from 'node:path';

/** What a directory is searched for: the formats the core reads (text copies, web pages, DOCX, PDF). */
export const REPORT_EXTENSIONS = [
  '.txt',
  '.text',
  '.md',
  '.htm',
  '.html',
  '.xhtml',
  '.docx',
  '.pdf',
];

export interface Expansion {
  /** Paths as the user would write them (relative ones stay relative to `cwd`). */
  files: string[];
  /** Directories without a report file and patterns that match nothing. */
  empty: string[];
}

export function expandInputs(args: readonly string[], cwd: string): Expansion {
  const files: string[] = [];
  const empty: string[] = [];
  for (const arg of args) {
    const found = expandInput(arg, cwd);
    if (found === null) files.push(arg);
    else if (found.length === 0) empty.push(arg);
    else files.push(...found);
  }
  return { files, empty };
}

/** null: the argument is a file name (existing or not) and is taken as it is. */
function expandInput(arg: string, cwd: string): string[] | null {
  const stats = statSync(resolve(cwd, arg), { throwIfNoEntry: false });
  if (stats?.isDirectory()) {
    const extension = /\.[^./]*$/;
    return walk(arg, cwd).filter((path) =>
      REPORT_EXTENSIONS.includes(extension.exec(path)?.[0].toLowerCase() ?? ''),
    );
  }
  if (stats || !isPattern(arg)) return null;
  const segments = arg.split('/');
  const firstWild = segments.findIndex(isPattern);
  // The segments before the first wildcard name the one directory the walk has to start from.
  const base = segments.slice(0, firstWild).join('/') || (arg.startsWith('/') ? '/' : '.');
  const matcher = patternRegExp(segments.slice(firstWild).join('/'));
  const prefix = base === '.' ? '' : base.endsWith('/') ? base : `${base}/`;
  return walk(base, cwd)
    .map((path) => path.slice(prefix.length))
    .filter((relative) => matcher.test(relative))
    .map((relative) => `${prefix}${relative}`);
}

function isPattern(text: string): boolean {
  return /[*?]/.test(text);
}

/**
 * `**` any number of directories, `*` any characters but `/`, `?` one of them; everything else
 * literal. Matched against a path relative to the pattern's base.
 */
export function patternRegExp(pattern: string): RegExp {
  let source = '';
  for (let at = 0; at < pattern.length;) {
    if (pattern.startsWith('**/', at)) {
      source += '(?:[^/]*/)*';
      at += 3;
    } else if (pattern.startsWith('**', at)) {
      source += '.*';
      at += 2;
    } else {
      const char = pattern[at] ?? '';
      source +=
        char === '*' ? '[^/]*' : char === '?' ? '[^/]' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
      at += 1;
    }
  }
  return new RegExp(`^${source}$`);
}

/**
 * Every file under `dir` (itself as the user wrote it), sorted by path so that a batch's lines come
 * in the same order on every machine. Hidden entries are skipped as the shell's `*` skips them, and
 * symbolic links to directories are not followed, so a link cannot loop the walk.
 */
function walk(dir: string, cwd: string): string[] {
  const files: string[] = [];
  const visit = (path: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(resolve(cwd, path), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child =
        path === '.'
          ? entry.name
          : path.endsWith('/')
            ? path + entry.name
            : `${path}/${entry.name}`;
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile()) files.push(child);
      else if (
        entry.isSymbolicLink() &&
        statSync(resolve(cwd, child), { throwIfNoEntry: false })?.isFile()
      )
        files.push(child);
    }
  };
  visit(dir);
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
