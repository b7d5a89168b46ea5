import { expect, test } from 'vitest';
import type { Layout } from './flowchart-text';
import { chooseLayout, isNarrowest, naturalWidth } from './fit-layout';

const none = () => undefined;
const drawn = (widths: Partial<Record<Layout, number>>) => (layout: Layout) => widths[layout];

test('the widest layout that fits the box', () => {
  // Not drawn yet: a layout is tried only in a box it could fit.
  expect(chooseLayout(1374, none)).toBe('wide');
  expect(chooseLayout(600, none)).toBe('tall');
  expect(chooseLayout(324, none)).toBe('narrow');
  // Once drawn, their widths decide.
  const widths = drawn({ wide: 886, tall: 470, narrow: 321 });
  expect(chooseLayout(1006, widths)).toBe('wide');
  expect(chooseLayout(886, widths)).toBe('wide');
  expect(chooseLayout(702, widths)).toBe('tall');
  expect(chooseLayout(400, widths)).toBe('narrow');
  // Nothing fits: the narrowest, which then scrolls sideways.
  expect(chooseLayout(294, widths)).toBe('narrow');
  expect(isNarrowest('narrow')).toBe(true);
  expect(isNarrowest('tall')).toBe(false);
  // Too wide left to right, the next one is tried.
  expect(chooseLayout(702, drawn({ wide: 748 }))).toBe('tall');
  // A box that is not laid out (hidden, or a test DOM) gets the default.
  expect(chooseLayout(0, widths)).toBe('wide');
});

test("a drawing's natural width is read from its viewBox", () => {
  expect(naturalWidth('<svg id="d1" width="865.5" viewBox="-8 -8 865.5 213"><g/></svg>')).toBe(
    865.5,
  );
  expect(naturalWidth('<svg width="420px"></svg>')).toBe(420);
  expect(naturalWidth('<svg style="max-width: 100%"></svg>')).toBeUndefined();
  expect(naturalWidth('not a drawing')).toBeUndefined();
});
