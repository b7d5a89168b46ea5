/**
 * A measuring aid for `npm run bench`: counts renders of log rows by seq into
 * `window.__logRowRenders` when the bench installs that Map. Only compiled into the simulator
 * build (the call sites are behind `import.meta.env.VITE_SIMULATOR === 'on'`); a production build
 * carries none of it.
 */
interface ProbeWindow {
  __logRowRenders?: Map<number, number>;
}

export function countRowRender(seq: number): void {
  const probe = (globalThis as ProbeWindow).__logRowRenders;
  if (probe) probe.set(seq, (probe.get(seq) ?? 0) + 1);
}
