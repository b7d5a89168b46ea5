/**
 * Runs the checks against a server in order and prints a table of what passes: exit code 1 when a
 * check fails (a SPEC §3 one, or an extension the server offers but answers wrongly); an extension
 * the server does not offer is reported as absent, not failed.
 */
import type { Check, Context, Outcome } from './checks';
import { CHECKS } from './checks';
import { api, CheckFailure } from './http';

export interface Result {
  readonly name: string;
  readonly extension: boolean;
  readonly outcome: Outcome;
}

export async function runChecks(
  base: string,
  checks: readonly Check[] = CHECKS,
): Promise<Result[]> {
  const ctx: Context = { api: api(base) };
  const results: Result[] = [];
  for (const check of checks) {
    let outcome: Outcome;
    try {
      outcome = await check.run(ctx);
    } catch (error) {
      const detail = error instanceof CheckFailure ? error.message : `crashed: ${String(error)}`;
      outcome = { kind: 'fail', detail };
    }
    results.push({ name: check.name, extension: check.extension, outcome });
  }
  return results;
}

const MARK: Record<Outcome['kind'], string> = {
  pass: 'PASS',
  fail: 'FAIL',
  absent: 'ABSENT',
  skipped: 'SKIP',
};

export function table(base: string, results: readonly Result[]): string {
  const width = Math.max(...results.map((result) => result.name.length)) + 2;
  const rows = results.map(({ name, extension, outcome }) => {
    const kind = `${MARK[outcome.kind]}${extension ? ' (ext)' : ''}`.padEnd(13);
    return `${kind}${name.padEnd(width)}${outcome.detail}`;
  });
  const failed = results.filter((result) => result.outcome.kind === 'fail').length;
  const absent = results.filter((result) => result.outcome.kind === 'absent').map((r) => r.name);
  const summary =
    failed > 0
      ? `${failed} of ${results.length} checks failed: the dashboard will not work fully against ${base}`
      : `All checks of SPEC §3 pass against ${base}` +
        (absent.length
          ? `; extensions not offered: ${absent.join('; ')}`
          : '; every extension offered');
  return [`Contract check of ${base}`, '', ...rows, '', summary].join('\n');
}

/** The command line: `npm run contract:check -- <baseUrl>`; answers the exit code. */
export async function main(args: readonly string[], print = console.log): Promise<number> {
  const base = args.find((arg) => !arg.startsWith('-'));
  if (!base || args.includes('--help')) {
    print('Usage: npm run contract:check -- <API base URL>   e.g. http://localhost:4173/api');
    return base ? 0 : 2;
  }
  if (!/^https?:\/\//i.test(base)) {
    print(`"${base}" has no http:// or https:// scheme: write it as http://${base}`);
    return 2;
  }
  if (!URL.canParse(base)) {
    print(`"${base}" is not a URL: give the API's base, e.g. http://localhost:4173/api`);
    return 2;
  }
  const results = await runChecks(base);
  print(table(base, results));
  return results.some((result) => result.outcome.kind === 'fail') ? 1 : 0;
}
