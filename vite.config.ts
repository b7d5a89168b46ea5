import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Per checkout, so several work trees sharing node_modules do not share a cache.
  cacheDir: '.vite',
  plugins: [
    tanstackRouter({
      target: 'react',
      // Pages are split by hand (src/routes/-components/chunks.tsx), so a chunk that cannot be
      // loaded fails inside the app instead of reloading the page.
      autoCodeSplitting: false,
      routesDirectory: './src/routes',
      generatedRouteTree: './src/routeTree.gen.ts',
      routeFileIgnorePattern: '\\.test\\.',
    }),
    react(),
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
