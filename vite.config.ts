import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { defineConfig, type Plugin } from 'vite';
import { moduleWorkers, singleFile } from './scripts/vitePlugins';

type Policy = readonly [directive: string, sources: string][];

/**
 * Everything the app loads is its own: the page, its chunks, the parse worker (a module worker from
 * the app's origin, which runs pdf.js in-process, so no blob: or second worker), and the bundled
 * sample. Inline styles are allowed for the dev server, which injects the CSS as <style> elements;
 * it also inlines React's refresh preamble, allowed by its hash and only there.
 */
function contentSecurityPolicy(dev: boolean): Policy {
  const preamble = createHash('sha256')
    .update(react.preambleCode.replace('__BASE__', '/'))
    .digest('base64');
  return [
    ['default-src', "'self'"],
    ['script-src', dev ? `'self' 'sha256-${preamble}'` : "'self'"],
    ['worker-src', "'self'"],
    ['connect-src', "'self'"],
    ['img-src', "'self' data:"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    // Only a header can say this: a browser ignores it in a <meta> tag, with a console error.
    ['frame-ancestors', "'none'"],
  ];
}

/**
 * The single file (`npm run build:single`), opened from disk: its one script is allowed by its hash,
 * the parse worker by blob: (its bundle, made into a URL by that script), and nothing may connect
 * anywhere. On file:// 'self' would mean nothing, so nothing else is allowed at all.
 */
function singleFilePolicy(scriptHash: string): Policy {
  return [
    ['default-src', "'none'"],
    ['script-src', scriptHash],
    ['worker-src', 'blob:'],
    ['connect-src', "'none'"],
    ['img-src', 'data:'],
    ['style-src', "'unsafe-inline'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
  ];
}

const written = (policy: Policy) => policy.map((entry) => entry.join(' ')).join('; ');

/**
 * The same policy in index.html's meta tag, for a copy of dist/ served by a host that sends no
 * headers (an intranet's file server): one source, so that the two cannot drift apart.
 */
function policyMeta(policy: Policy): Plugin {
  const meta = policy.filter(([directive]) => directive !== 'frame-ancestors');
  return {
    name: 'content-security-policy-meta',
    transformIndexHtml: (html) => html.replace('%CONTENT_SECURITY_POLICY%', written(meta)),
  };
}

export default defineConfig(({ command, isPreview, mode }) => {
  if (mode === 'single')
    return {
      // Relative, and no public/ folder: the page is one file wherever it is copied.
      base: './',
      publicDir: false,
      plugins: [
        react(),
        moduleWorkers({ inline: true }),
        singleFile((hash) => written(singleFilePolicy(hash))),
      ],
      build: {
        outDir: 'dist-single',
        modulePreload: false,
        rolldownOptions: { output: { codeSplitting: false } },
      },
    };
  const policy = contentSecurityPolicy(command === 'serve' && !isPreview);
  // The header is what counts: unlike the meta tag it covers the parse worker, whose script
  // response carries it, and it can forbid framing.
  const headers = {
    'Content-Security-Policy': written(policy),
    'X-Content-Type-Options': 'nosniff',
  };
  return {
    plugins: [react(), moduleWorkers({ inline: false }), policyMeta(policy)],
    server: { headers },
    preview: { headers },
    // DIST_DIR (with E2E_PORT) lets two e2e runs in one checkout build and serve apart.
    build: {
      outDir: process.env.DIST_DIR ?? 'dist',
      // Vite's preload helper reaches for `document`, and the parse worker shares the page's chunks.
      modulePreload: false,
    },
  };
});
