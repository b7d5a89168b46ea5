/**
 * Before the deploy journeys: the production build must exist (CI builds it in an earlier step;
 * locally `npm run build`), and the demo server is built from the current source (a few seconds),
 * as `npm run demo:serve` does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from './stack';

export default function globalSetup(): void {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`No production build in ${DIST}: run \`npm run build\` first`);
  }
  if (!existsSync('/usr/sbin/nginx') && !process.env.NGINX_BIN) {
    throw new Error("Debian's nginx is missing: apt-get install -y nginx (or set NGINX_BIN)");
  }
  execFileSync('npx', ['vite', 'build', '--config', 'vite.demo.config.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
