import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Vite copies all of public/ into a build; the service worker of the in-browser simulator belongs
 * only in a build with the simulator on, so a production build drops it.
 */
function withoutServiceWorker(): Plugin {
  let file: string | null = null;
  return {
    name: 'runs:without-service-worker',
    apply: 'build',
    configResolved(config) {
      file =
        config.env.VITE_SIMULATOR === 'on'
          ? null
          : resolve(config.root, config.build.outDir, 'mockServiceWorker.js');
    },
    closeBundle() {
      if (file) rmSync(file, { force: true });
    },
  };
}

export default defineConfig({
  // Per checkout, so several work trees sharing node_modules do not share a cache.
  cacheDir: '.vite',
  plugins: [
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      routesDirectory: './src/routes',
      generatedRouteTree: './src/routeTree.gen.ts',
      routeFileIgnorePattern: '\\.test\\.',
    }),
    react(),
    withoutServiceWorker(),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
  test: {
    clearMocks: true,
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'mocks/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'test/integration/**/*.test.{ts,tsx}'],
          setupFiles: ['./test/setup.ts'],
          // Whole-app journeys through the real routes take seconds on a loaded 2-core machine.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
