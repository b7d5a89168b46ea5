import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * No build-time variable can put a secret into the bundle: Vite writes every `VITE_*` value the
 * code reads into the JavaScript every visitor downloads. The API token belongs to the proxy.
 */
function refuseSecrets(env: Record<string, string>): void {
  const secrets = Object.keys(env).filter(
    (key) => key.startsWith('VITE_') && /TOKEN|SECRET|PASSWORD|AUTH|KEY/i.test(key) && env[key],
  );
  if (secrets.length > 0) {
    throw new Error(
      `${secrets.join(', ')} would be written into the JavaScript every visitor downloads. The dashboard never holds the API token: let the reverse proxy add it (deploy/nginx.conf, API_TOKEN).`,
    );
  }
}

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

export default defineConfig(({ mode }) => {
  refuseSecrets(loadEnv(mode, process.cwd(), 'VITE_'));
  return {
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
      withoutServiceWorker(),
    ],
    build: {
      target: 'es2022',
      // No source maps by default: they carry the whole source and the build machine's paths.
      // `SOURCEMAP=hidden npm run build` writes them beside the files without referencing them
      // (for an error tracker), never served to the browser by the deploy/ configuration.
      sourcemap: process.env.SOURCEMAP === 'hidden' ? 'hidden' : false,
      chunkSizeWarningLimit: 900,
    },
    test: {
      // Vitest's default is one worker fewer than the cores: one worker on a 2-core CI machine.
      // A worker per core (npm test 255 s -> 194 s on 2 cores); every test drives its clock by hand.
      maxWorkers: '100%',
      clearMocks: true,
      restoreMocks: true,
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'node',
            include: ['src/**/*.test.ts', 'mocks/**/*.test.ts', 'scripts/**/*.test.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            include: ['src/**/*.test.tsx', 'test/integration/**/*.test.{ts,tsx}'],
            setupFiles: ['./test/setup-config.ts', './test/setup.ts'],
            // Whole-app journeys through the real routes take seconds on a loaded 2-core machine.
            testTimeout: 30_000,
          },
        },
      ],
    },
  };
});
