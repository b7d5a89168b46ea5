/**
 * ANSI colour escapes in log messages, as workers print them: a coloured level tag in front of a
 * line, and the text as a reader sees it (escapes are colour, not text: search ignores them).
 */
const ESC = '\u001b';
const COLOUR = { warning: '33', error: '31' } as const;
/** The word of a level's tag, as a reader sees it. */
export const TAG = { warning: 'WARN', error: 'ERROR' } as const;
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

/** `WARN message` / `ERROR message` with the tag coloured (yellow, red). */
export function tagged(level: 'warning' | 'error', message: string): string {
  return `${ESC}[${COLOUR[level]}m${TAG[level]}${ESC}[0m ${message}`;
}

/** The message without its colour escapes. */
export function plainText(message: string): string {
  return message.includes(ESC) ? message.replace(SGR, '') : message;
}
