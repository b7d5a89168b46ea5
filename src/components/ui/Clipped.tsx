import { Tooltip } from './Tooltip';

/** Past this many characters a text is likely cut off in a dense cell: its whole text is offered. */
const LONG = 28;
/** The tooltip shows at most this much of a very long text (a 100 KB name stays usable). */
const TOOLTIP_MAX = 600;

/**
 * Text of any length and direction in a place of fixed width (a table cell, a card): one line cut
 * with an ellipsis, the whole text on hover and on keyboard focus (when it is long), isolated with
 * `<bdi>` so right-to-left text, direction overrides and zero-width characters cannot reorder or
 * hide what is around it. Rendered as text, never as markup.
 */
export function Clipped({ text, className }: { text: string; className?: string }) {
  const classes = className ? `clipped ${className}` : 'clipped';
  if (text.length <= LONG) {
    return <bdi className={classes}>{text}</bdi>;
  }
  const shown =
    text.length > TOOLTIP_MAX
      ? `${text.slice(0, TOOLTIP_MAX)}… (${(text.length - TOOLTIP_MAX).toLocaleString()} more characters)`
      : text;
  return (
    <Tooltip content={<bdi className="clipped__full">{shown}</bdi>}>
      {/* Focusable, so the whole text is reachable by keyboard too; its name is the text. */}
      <bdi className={classes} tabIndex={0} aria-label={text.slice(0, TOOLTIP_MAX)}>
        {text.length > 2_000 ? `${text.slice(0, 2_000)}…` : text}
      </bdi>
    </Tooltip>
  );
}

/** Long text where there is room for it (detail views): wraps anywhere, isolated the same way. */
export function Wrapped({ text }: { text: string }) {
  return <bdi className="wrapped">{text}</bdi>;
}
