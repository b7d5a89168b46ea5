import { expect, test } from 'vitest';
import { VirtualClock } from './clock';

test('a manual clock only moves when advanced or set, and never backwards', () => {
  const clock = VirtualClock.manual(1_000);
  expect(clock.now()).toBe(1_000);
  clock.advance(500);
  expect(clock.now()).toBe(1_500);
  clock.advance(-200);
  expect(clock.now()).toBe(1_500);
  clock.set(1_200);
  expect(clock.now()).toBe(1_500);
  clock.set(9_000);
  expect(clock.now()).toBe(9_000);
});

function realClock(start: number) {
  let real = 50_000;
  const clock = new VirtualClock(start, { realNow: () => real });
  return { clock, wait: (ms: number) => (real += ms) };
}

test('a real clock follows real time scaled by its speed, and stands still while paused', () => {
  const { clock, wait } = realClock(1_000);
  wait(100);
  expect(clock.now()).toBe(1_100);
  clock.setSpeed(60);
  expect(clock.now()).toBe(1_100); // changing the speed does not jump
  wait(1_000);
  expect(clock.now()).toBe(61_100);
  clock.setPaused(true);
  wait(5_000);
  expect(clock.now()).toBe(61_100);
  clock.advance(900); // stepping while paused
  expect(clock.now()).toBe(62_000);
  clock.setPaused(false);
  wait(10);
  expect(clock.now()).toBe(62_600);
  expect({ speed: clock.speed, paused: clock.paused }).toEqual({ speed: 60, paused: false });
});

test('a snapshot restores the clock where it was (the browser keeps it across reloads)', () => {
  const { clock, wait } = realClock(1_000);
  clock.setSpeed(10);
  wait(100);
  const saved = clock.snapshot();
  const restored = VirtualClock.real(0, saved);
  expect(saved).toMatchObject({ virtualAnchor: 1_000, speed: 10, paused: false });
  // Restored against the real wall clock, the anchor is what it was.
  expect(restored.speed).toBe(10);
  expect(restored.snapshot()).toEqual(saved);
});
