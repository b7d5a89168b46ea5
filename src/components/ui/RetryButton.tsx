/** Retry, which stays focusable while its attempt is on its way (aria-disabled, not disabled). */
export function RetryButton({
  busy,
  onRetry,
  small = false,
}: {
  busy: boolean;
  onRetry: () => void;
  small?: boolean;
}) {
  return (
    <button
      type="button"
      className={small ? 'button button--small' : 'button'}
      aria-disabled={busy}
      aria-busy={busy}
      onClick={onRetry}
    >
      {busy ? 'Retrying…' : 'Retry'}
    </button>
  );
}
