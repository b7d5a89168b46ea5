/**
 * The one wrapper around mermaid. Mermaid is large (hundreds of KiB), so it is loaded with a
 * dynamic import() the first time a diagram is drawn — never part of the entry chunk — and it is
 * bundled, so drawing works offline. It is initialised once, with `securityLevel: 'strict'`
 * (labels are sanitised, no click handlers or scripts); the colours of each drawing follow the
 * page's light or dark theme through a per-diagram configuration header.
 *
 * Drawings keep their natural size (`useMaxWidth: false`): a diagram wider than its box is
 * scrolled or drawn the other way (top to bottom), never shrunk, so its text stays readable.
 */
import type { Mermaid, MermaidConfig } from 'mermaid';
import type { ColorScheme } from './theme';

let loading: Promise<Mermaid> | null = null;

function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(
    ({ default: mermaid }) => {
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        // A drawing that fails must not leave mermaid's error picture in the page: the caller
        // shows its own fallback.
        suppressErrorRendering: true,
        theme: 'base',
        flowchart: { useMaxWidth: false },
      });
      return mermaid;
    },
    (error: unknown) => {
      loading = null; // let a later diagram try again (e.g. after a network hiccup)
      throw error;
    },
  );
  return loading;
}

/** Fallback palettes, used when the page's theme variables cannot be read. */
const PALETTE: Record<ColorScheme, Record<string, string>> = {
  light: {
    '--surface': '#ffffff',
    '--surface-2': '#f0f2f5',
    '--border': '#d5d9e0',
    '--text': '#1b1f24',
    '--text-muted': '#57606a',
  },
  dark: {
    '--surface': '#171b22',
    '--surface-2': '#1f242d',
    '--border': '#353c48',
    '--text': '#e6e9ee',
    '--text-muted': '#a3acb9',
  },
};

/** Reads a theme colour of the page (styles/tokens.css), as a hex colour mermaid can compute with. */
function themeColor(name: string, scheme: ColorScheme): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return /^#[0-9a-f]{3,8}$/i.test(value) ? value : (PALETTE[scheme][name] ?? '#808080');
}

/** Which way a flowchart flows: left to right (wide), or top to bottom (narrow). */
export type FlowDirection = 'LR' | 'TB';

/**
 * Spacing of the layout (dagre), in px. Mermaid gives an edge label its own rank, half a rank
 * spacing from each end, so `rankSpacing` sets the line left visible between a label and the
 * boxes it joins (its arrowhead included): 35 px across, 30 px down. `nodeSpacing` keeps labels
 * side by side apart; `padding` is the space inside a box around its text; `diagramPadding` the
 * margin around the drawing (room for the 3 px outline of the current state).
 */
const FLOWCHART: Record<FlowDirection, MermaidConfig['flowchart']> = {
  LR: { useMaxWidth: false, rankSpacing: 70, nodeSpacing: 20, padding: 8, diagramPadding: 4 },
  TB: { useMaxWidth: false, rankSpacing: 60, nodeSpacing: 12, padding: 8, diagramPadding: 4 },
};

/** Mermaid's configuration for one drawing: the page's colours, and spacing for its direction. */
function drawingConfig(scheme: ColorScheme, direction: FlowDirection): MermaidConfig {
  const c = (name: string) => themeColor(name, scheme);
  return {
    flowchart: FLOWCHART[direction],
    theme: 'base',
    themeVariables: {
      darkMode: scheme === 'dark',
      background: c('--surface'),
      fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
      fontSize: '14px',
      primaryColor: c('--surface-2'),
      primaryTextColor: c('--text'),
      primaryBorderColor: c('--border'),
      lineColor: c('--text-muted'),
      textColor: c('--text'),
      edgeLabelBackground: c('--surface'),
      mainBkg: c('--surface-2'),
      nodeBorder: c('--text-muted'),
    },
  };
}

let sequence = 0;

/**
 * Draws mermaid text into SVG markup, sanitised by mermaid under `securityLevel: 'strict'`, laid out
 * for `direction` (the one the text says). Rejects when mermaid cannot be loaded or the text cannot
 * be drawn.
 */
export async function renderMermaid(
  definition: string,
  scheme: ColorScheme,
  direction: FlowDirection = 'LR',
): Promise<string> {
  const mermaid = await loadMermaid();
  sequence += 1;
  // The configuration travels as the diagram's front matter (JSON is valid YAML); mermaid resets
  // to the initial configuration before each drawing, so it never leaks to the next one.
  const config = JSON.stringify(drawingConfig(scheme, direction));
  const text = `---\nconfig: ${config}\n---\n${definition}`;
  const { svg } = await mermaid.render(`lifecycle-diagram-${sequence}`, text);
  return svg;
}
