import { createHash } from 'node:crypto';
import { build, type Plugin, type Rolldown } from 'vite';

// `new Worker(new URL('./x.ts', import.meta.url), { type: 'module' })`: how the app starts a worker.
const MODULE_WORKER =
  /new Worker\(\s*new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)\s*(,\s*\{[^}]*\}\s*)?\)/g;

/**
 * A worker's module and all it imports as one classic script: Chromium starts no module worker
 * from a blob: URL made by a file:// page (whose origin is null).
 */
async function bundleAlone(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      // Vite's preload helper reaches for `document`, which a worker has not.
      modulePreload: false,
      rolldownOptions: {
        input: entry,
        output: { format: 'iife', codeSplitting: false },
        // A blob: script has no URL of its own to resolve against; pdf.js asks for it only to
        // fetch its WebAssembly decoders, which text extraction never starts.
        transform: { define: { 'import.meta': '{}' } },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const files = outputs.flatMap((output) => output.output);
  const [chunk, ...rest] = files;
  if (chunk?.type !== 'chunk' || rest.length > 0)
    throw new Error(
      `${entry} did not bundle to one script: ${files.map((f) => f.fileName).join(', ')}`,
    );
  return chunk.code;
}

/**
 * Module workers, built by this plugin instead of Vite's worker bundler. Vite bundles a worker as a
 * separate build, so everything it shares with the page (the core, pdf.js and its worker module,
 * which the page loads too when it has to parse on its own) is in dist twice. Here a worker is a
 * chunk of the page's own build and imports the page's chunks. With `inline`, for the single file,
 * a worker is its whole bundle in a string, run as a classic worker from a blob: URL made once.
 */
export function moduleWorkers({ inline }: { inline: boolean }): Plugin {
  return {
    name: 'module-workers',
    apply: 'build',
    enforce: 'pre',
    async transform(code, id) {
      const calls = code.includes('new Worker(') ? [...code.matchAll(MODULE_WORKER)] : [];
      if (calls.length === 0) return null;
      let out = code;
      const hoisted: string[] = [];
      for (const [call, , source, options = ''] of calls) {
        const resolved = source && (await this.resolve(source, id));
        if (!resolved) this.error(`cannot resolve the worker ${source ?? ''} in ${id}`);
        let worker: string;
        if (inline) {
          const name = `__inlineWorkerUrl${hoisted.length}`;
          const script = JSON.stringify(await bundleAlone(resolved.id));
          // Made on first use and kept: every worker of the pool starts from the same URL.
          hoisted.push(
            `let ${name}; const ${name}Get = () => (${name} ??= URL.createObjectURL(new Blob([${script}], { type: 'text/javascript' })));`,
          );
          worker = `new Worker(${name}Get())`;
        } else {
          const ref = this.emitFile({ type: 'chunk', id: resolved.id });
          worker = `new Worker(import.meta.ROLLUP_FILE_URL_${ref}${options})`;
        }
        out = out.replace(call, worker);
      }
      return { code: `${out}\n${hoisted.join('\n')}`, map: null };
    },
  };
}

/**
 * A script that can sit inside a <script> element: `</script` would end it early, and `<!--` can
 * keep a later `</script>` from ending it. Both occur only inside strings, regular expressions and
 * comments, where `\x3C` is the same `<`.
 */
function inlineable(code: string): string {
  const escaped = code.replace(/(?<!\\)<(?=!--|\/script)/gi, '\\x3C');
  if (/<(?:!--|\/script)/i.test(escaped)) throw new Error('the script holds a `<` escaped by `\\`');
  return escaped;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * index.html with its script and stylesheet inside it, for `npm run build:single`: a page that runs
 * from file://, where it can load nothing else. Needs a build with one script (no code splitting)
 * and the worker inlined (`moduleWorkers({ inline: true })`). The page's policy is written here, as
 * only now is the script's hash known.
 */
export function singleFile(policy: (scriptHash: string) => string): Plugin {
  return {
    name: 'single-file',
    apply: 'build',
    enforce: 'post',
    // Last: Vite's own plugins finish the script here (its preload placeholders among them).
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        if (page?.type !== 'asset') this.error('no index.html in the bundle');
        let html = String(page.source);
        let script = '';
        for (const file of Object.values(bundle)) {
          if (file === page) continue;
          const name = file.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          if (file.type === 'chunk' && file.isEntry) {
            script = inlineable(file.code);
            const tag = new RegExp(`<script type="module"[^>]*src="[^"]*${name}"[^>]*></script>`);
            if (!tag.test(html)) this.error(`index.html does not load ${file.fileName}`);
            html = html.replace(tag, () => `<script type="module">${script}</script>`);
          } else if (file.type === 'asset' && file.fileName.endsWith('.css')) {
            const tag = new RegExp(`<link rel="stylesheet"[^>]*href="[^"]*${name}"[^>]*>`);
            if (!tag.test(html)) this.error(`index.html does not link ${file.fileName}`);
            html = html.replace(tag, () => `<style>${String(file.source)}</style>`);
          } else {
            this.error(`${file.fileName} cannot be inlined into the single file`);
          }
          Reflect.deleteProperty(bundle, file.fileName);
        }
        page.source = html.replace('%CONTENT_SECURITY_POLICY%', policy(sha256(script)));
      },
    },
  };
}
