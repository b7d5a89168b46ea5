/**
 * Builds the demo server (`mocks/http-server.ts`, SPEC §7) for Node: an SSR build into
 * `dist-demo/server.mjs`, since Node 20 does not run TypeScript. Packages stay imports of
 * node_modules; only the project's own modules are bundled.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  cacheDir: '.vite',
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'mocks/http-server.ts',
    outDir: 'dist-demo',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'server.mjs' } },
  },
});
