/**
 * A log line's plain text: what search, copy and `#L` work on. Terminal control sequences are
 * taken out: SGR colours (rendered apart, from the original text, by the viewer), cursor moves,
 * clears, OSC sequences such as OSC 8 hyperlinks, other escapes, bells and every other C0
 * control but the tab. The original bytes are kept for download and colours.
 */

/** Any character a plain line cannot show: C0 controls but tab, DEL, C1's CSI. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f\u009b]/;

/**
 * Escape sequences and controls, in the order they must be matched: OSC (`ESC ]` … BEL or ST),
 * DCS / SOS / PM / APC strings (… ST), CSI (`ESC [` or C1 CSI, parameters, one final byte), any
 * other two-character escape, and lone control characters.
 */
const SEQUENCES = new RegExp(
  [
    '\\u001b\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)?',
    '\\u001b[PX^_][^\\u001b]*(?:\\u001b\\\\)?',
    '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]?',
    '\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]?',
    '[\\u0000-\\u0008\\u000a-\\u001f\\u007f]',
  ].join('|'),
  'g',
);

/** Whether a message holds anything but plain text (then its original is kept beside it). */
export const hasControls = (message: string): boolean => CONTROL.test(message);

/** The message without control sequences and control characters. */
export const plainText = (message: string): string =>
  hasControls(message) ? message.replace(SEQUENCES, '') : message;

/** The message keeping only its SGR sequences (`ESC [ … m`), for the colour parser. */
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const SGR = new RegExp('^\\u001b\\[[\\d;:]*m$');
export function sgrOnly(message: string): string {
  return message.replace(SEQUENCES, (sequence) => (SGR.test(sequence) ? sequence : ''));
}
