// The bare shell's build (scripts/bench/first-view.mjs): the same React plugin and target as the
// dashboard, into bench-results/first-view-shell/dist.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
export default defineConfig({
  root,
  cacheDir: resolve(root, '../../../.vite/first-view-shell'),
  publicDir: false,
  logLevel: 'warn',
  plugins: [react()],
  build: {
    target: 'es2022',
    outDir: resolve(root, '../../../bench-results/first-view-shell/dist'),
    emptyOutDir: true,
  },
});
