import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // DIST_DIR (with E2E_PORT) lets two e2e runs in one checkout build and serve apart.
  build: { outDir: process.env.DIST_DIR ?? 'dist' },
});
