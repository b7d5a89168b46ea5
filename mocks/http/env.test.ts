import { expect, test } from 'vitest';
import { demoSettings } from './env';

test('the defaults: port 4173 on localhost, the default scenario, seed 42', () => {
  expect(demoSettings({})).toEqual({
    ok: true,
    settings: { port: 4173, host: 'localhost', scenario: 'default', seed: 42 },
  });
  expect(demoSettings({ PORT: '0', SEED: '7', SCENARIO: 'flaky', HOST: '0.0.0.0' })).toEqual({
    ok: true,
    settings: { port: 0, host: '0.0.0.0', scenario: 'flaky', seed: 7 },
  });
});

test('every bad setting is named, with what it takes', () => {
  expect(demoSettings({ PORT: '65536', SEED: '1.5' })).toEqual({
    ok: false,
    message:
      'PORT="65536" is not valid: expected a whole number 0–65535\n' +
      'SEED="1.5" is not valid: expected a whole number 0–4294967295',
  });
  expect(demoSettings({ SCENARIO: 'Default' })).toMatchObject({ ok: false });
});
