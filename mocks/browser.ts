/**
 * The simulated backend in the browser: a Mock Service Worker in front of the simulator, whose
 * store and clock survive a reload. What is kept is small: the scenario, seed and epoch, the
 * journal of commands, the clock and the fault mode; the store is rebuilt from them (same seed and
 * commands give the same store).
 */
import { setupWorker } from 'msw/browser';
import { z } from 'zod/mini';
import { FAULT_MODES, SCENARIOS } from '../src/api/contract';
import type { Scenario } from '../src/api/contract';
import { createHandlers } from './handlers/all';
import { VirtualClock } from './engine/clock';
import type { Command } from './service/journal';
import { DEFAULT_SEED, Simulator } from './simulator';

const STORAGE_KEY = 'runs-dashboard.simulator.v1';

const storedSchema = z.object({
  scenario: z.enum(SCENARIOS),
  seed: z.int().check(z.nonnegative()),
  epoch: z.number(),
  clock: z.object({
    virtualAnchor: z.number(),
    realAnchor: z.number(),
    speed: z.number().check(z.positive()),
    paused: z.boolean(),
  }),
  journal: z.array(
    z.custom<Command>((v) => typeof v === 'object' && v !== null && 'op' in v && 'at' in v),
  ),
  // Optional: what an older version stored still loads.
  faults: z.optional(z.enum(FAULT_MODES)),
});
type Stored = z.infer<typeof storedSchema>;

function load(): Stored | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function save(sim: Simulator): void {
  const stored: Stored = {
    scenario: sim.scenario,
    seed: sim.seed,
    epoch: sim.epoch,
    clock: sim.clock.snapshot(),
    journal: sim.journal,
    faults: sim.faults.mode,
  };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Storage full or blocked: the demo still works, it just will not survive a reload.
  }
}

function fromAddress(): { scenario: Scenario | null; seed: number | null } {
  const params = new URL(window.location.href).searchParams;
  const scenario = params.get('scenario');
  const seed = params.get('seed');
  return {
    scenario:
      scenario && (SCENARIOS as readonly string[]).includes(scenario)
        ? (scenario as Scenario)
        : null,
    seed: seed && /^\d+$/.test(seed) ? Number(seed) : null,
  };
}

function restoreOrCreate(): Simulator {
  const stored = load();
  const wanted = fromAddress();
  const differs =
    (wanted.scenario !== null && wanted.scenario !== stored?.scenario) ||
    (wanted.seed !== null && wanted.seed !== stored?.seed);
  if (stored && !differs) {
    const sim = new Simulator({
      scenario: stored.scenario,
      seed: stored.seed,
      clock: VirtualClock.manual(stored.epoch),
    });
    sim.replay(stored.journal);
    sim.clock = VirtualClock.real(stored.epoch, stored.clock);
    if (stored.faults) sim.faults.setMode(stored.faults);
    return sim;
  }
  return new Simulator({
    scenario: wanted.scenario ?? 'default',
    seed: wanted.seed ?? DEFAULT_SEED,
    clock: VirtualClock.real(Date.now()),
  });
}

export async function startSimulator(): Promise<Simulator> {
  const sim = restoreOrCreate();
  save(sim);
  const worker = setupWorker(
    ...createHandlers({ base: '/api', sim: () => sim, onChange: () => save(sim) }),
  );
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  return sim;
}
