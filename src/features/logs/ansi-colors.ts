/**
 * Terminal colours for log lines: the parsed SGR runs of `anser` turned into class names (the
 * 16 standard colours, themed in log-ansi.css for light and dark) or, for 256-colour and true
 * colour, a colour per theme adjusted until it reads against that theme's log background
 * (WCAG contrast ≥ 4.5). Never HTML: the viewer renders spans from these.
 */
import Anser from 'anser';
import { sgrOnly } from '../../queries/log-plain';

const NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
/** The log background in each theme (global.css --surface). */
const BACKGROUNDS = { light: [255, 255, 255], dark: [23, 27, 34] } as const;
const MIN_CONTRAST = 4.5;

type Rgb = readonly [number, number, number];

export interface AnsiRun {
  readonly text: string;
  readonly className: string;
  /** CSS custom properties for a colour outside the 16 (per theme). */
  readonly style: Readonly<Record<string, string>> | undefined;
}

/** xterm's 256 colours from 16 on: a 6×6×6 cube, then 24 greys. */
function paletteRgb(n: number): Rgb {
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return [v, v, v];
  }
  const i = n - 16;
  const step = (x: number) => (x === 0 ? 0 : 55 + x * 40);
  return [step(Math.floor(i / 36)), step(Math.floor(i / 6) % 6), step(i % 6)];
}

const luminance = ([r, g, b]: Rgb): number => {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

export const contrast = (a: Rgb, b: Rgb): number => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};

/** The colour moved toward black (light theme) or white (dark) until it reads. */
export function readable(color: Rgb, theme: keyof typeof BACKGROUNDS): Rgb {
  const bg = BACKGROUNDS[theme];
  const target = theme === 'light' ? 0 : 255;
  let c: Rgb = color;
  for (let t = 0.1; contrast(c, bg) < MIN_CONTRAST && t <= 1.0001; t += 0.1) {
    c = color.map((v) => Math.round(v + (target - v) * t)) as unknown as Rgb;
  }
  return c;
}

const css = (c: Rgb) => `rgb(${c[0]} ${c[1]} ${c[2]})`;

/** "ansi-red", "ansi-bright-red" → the 16-colour name; else null. */
function standardName(cls: string): string | null {
  const m = /^ansi-(bright-)?(\w+)$/.exec(cls);
  return m && m[2] && NAMES.includes(m[2]) ? `${m[1] ? 'bright-' : ''}${m[2]}` : null;
}

function colourOf(
  cls: string | null,
  truecolor: string | null,
): { name: string } | { rgb: Rgb } | null {
  if (!cls) return null;
  const name = standardName(cls);
  if (name) return { name };
  const palette = /^ansi-palette-(\d+)$/.exec(cls);
  if (palette) {
    const n = Number(palette[1]);
    if (n < 16) return { name: `${n >= 8 ? 'bright-' : ''}${NAMES[n % 8] ?? 'white'}` };
    return { rgb: paletteRgb(n) };
  }
  if (cls === 'ansi-truecolor' && truecolor) {
    const [r = 0, g = 0, b = 0] = truecolor.split(',').map((v) => Number(v.trim()));
    return { rgb: [r, g, b] };
  }
  return null;
}

/** A line's text with its SGR colours, as runs; every other control sequence is dropped. */
export function ansiRuns(raw: string): readonly AnsiRun[] {
  const parsed = Anser.ansiToJson(sgrOnly(raw), { use_classes: true, remove_empty: true });
  return parsed.map((part) => {
    const classes: string[] = [];
    let style: Record<string, string> | undefined;
    const fg = colourOf(part.fg, part.fg_truecolor);
    const bg = colourOf(part.bg, part.bg_truecolor);
    if (fg && 'name' in fg) classes.push(`ansi-fg-${fg.name}`);
    if (fg && 'rgb' in fg) {
      classes.push('ansi-fg-rgb');
      style = {
        '--ansi-fg-light': css(readable(fg.rgb, 'light')),
        '--ansi-fg-dark': css(readable(fg.rgb, 'dark')),
      };
    }
    if (bg && 'name' in bg) classes.push(`ansi-bg-${bg.name}`);
    if (bg && 'rgb' in bg) {
      classes.push('ansi-bg-rgb');
      style = { ...style, '--ansi-bg': `rgb(${bg.rgb.join(' ')} / 0.3)` };
    }
    for (const decoration of part.decorations) classes.push(`ansi-${decoration}`);
    return { text: part.content, className: classes.join(' '), style };
  });
}
