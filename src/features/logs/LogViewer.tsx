import type { KeyboardEvent } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { downloadLog } from './download';
import { tailStatus } from './follow-tail';
import type { LineRange } from './line-range';
import { LogBody } from './LogBody';
import { LogSelectionBar } from './LogSelectionBar';
import { LogStatusBar } from './LogStatusBar';
import { LogToolbar } from './LogToolbar';
import { useAnnouncer } from './use-announcer';
import { useFollowTail } from './use-follow-tail';
import { useLevelFilter } from './use-level-filter';
import { useLineDates } from './use-line-dates';
import { useLineSelection } from './use-line-selection';
import { useLogAnnouncements } from './use-log-announcements';
import { useLogCopy } from './use-log-copy';
import { useLogSearch } from './use-log-search';
import type { LogStream } from './use-log-stream';
import { useOpenAtError } from './use-open-at';
import { useReveal } from './use-reveal';
import './log-viewer.css';
import './log-ansi.css';

/** Lines before a linked line that come with its page (those the reader sees above it). */
const LINK_MARGIN = 50;

export interface LogViewerProps {
  readonly log: LogStream;
  /** Accessible name of the log, e.g. "Run log" or "Log of orders". */
  readonly label: string;
  /** Name of the downloaded file, e.g. "run-56-log.txt". */
  readonly fileName: string;
  /** Open at the last error-level line (a failed Run's cause), unless a line is linked. */
  readonly openAtError?: boolean;
  /** The selected lines, kept outside (e.g. the URL hash) with `onSelectionChange`. */
  readonly selection?: LineRange | null;
  readonly onSelectionChange?: (range: LineRange | null) => void;
  /** Largest CSS height of the scrolling area (it is as tall as its lines, up to this). */
  readonly height?: string;
}

/**
 * The one log viewer, for Run and container logs: virtualized (a few dozen line nodes whatever
 * the length, any length), level filter with counts, search over every line, follow-tail, line
 * links and selection, copy and download from the data, text-only rendering with terminal
 * colours. Each of those is a hook of its own; this component wires them together.
 */
export function LogViewer({
  log,
  label,
  fileName,
  openAtError = false,
  selection,
  onSelectionChange,
  height = '60vh',
}: LogViewerProps) {
  const { store, version, loader } = log;
  const live = !store.complete;
  const { message, announce, announceCount } = useAnnouncer();
  const filter = useLevelFilter();
  const search = useLogSearch(loader, filter.levels, announce);
  const { view, currentRow } = search;
  const lineCount = store.total;
  const lines = useLineSelection({ selection, onSelectionChange, lineCount, announce });
  const { selected, pick } = lines;
  const tail = useFollowTail({
    view,
    live,
    startFollowing: selected === null,
    holding: lines.pendingLine !== null,
    onResume: lines.clearPending,
    place: loader.viewerPlace,
    onLeave: loader.leaveViewer,
  });
  const { pause, layout } = tail;
  const [missingLine, setMissingLine] = useState<number | null>(null);
  const { select } = lines;
  // A linked line past the end: said, and not left selected (nothing would be copied).
  const onMissing = useCallback(
    (line: number) => {
      setMissingLine(line);
      select(null);
    },
    [select],
  );
  useReveal({
    view,
    version,
    pending: lines,
    currentRow,
    showAllLevels: filter.showAll,
    onMissing,
    scroll: tail,
  });
  useOpenAtError({
    enabled: openAtError && selected === null,
    view,
    version,
    revealLine: tail.revealLine,
    moved: !tail.following,
  });
  useLogAnnouncements({ store, version, label, announce, announceCount });
  const copy = useLogCopy({ view, selected, scrollRef: tail.scrollRef, announce });
  const { dates, mode, setMode } = useLineDates(store, version);

  // The lines on screen are asked for first; a linked line before it is on screen (from the
  // start, so that the first page after the tail is its page).
  const from = view.rowCount ? view.lineAt(layout.first) : 0;
  const to = view.rowCount ? view.lineAt(Math.max(layout.first, layout.last)) : 0;
  const linked = lines.pendingLine;
  useEffect(() => {
    if (linked !== null) loader.want({ start: Math.max(1, linked - LINK_MARGIN), end: linked });
    else loader.want(to > 0 ? { start: from, end: to } : null);
  }, [loader, from, to, linked]);

  const onLineClick = useCallback(
    (line: number, extend: boolean) => {
      pick(line, extend);
      pause();
    },
    [pick, pause],
  );
  const onKeyDown = (event: KeyboardEvent) => {
    tail.release(); // the reader is acting: their scrolling is theirs
    copy.onKeyDown(event);
  };

  return (
    <div
      className={tail.wrap ? 'log log--wrap' : 'log'}
      data-held={store.held}
      data-total={lineCount}
      data-live={log.streamed ? 'stream' : 'polling'}
      onCopy={copy.onCopy}
      onKeyDown={onKeyDown}
    >
      <LogToolbar
        levels={filter.levels}
        counts={store.counts}
        countsFinal={store.whole}
        onToggleLevel={filter.toggle}
        search={search.box}
        goToLine={lines.goToInput}
        onGoToLineChange={lines.setGoToInput}
        onGoTo={lines.goTo}
        lineCount={lineCount}
        wrap={tail.wrap}
        onWrapChange={tail.setWrap}
        timeMode={mode}
        onTimeModeChange={setMode}
        live={live}
        following={tail.following}
        onFollowChange={(follow) => (follow ? tail.resume() : pause())}
        onDownload={() => downloadLog(store, fileName)}
        whole={store.whole}
      />
      {selected ? (
        <LogSelectionBar
          selected={selected}
          onCopy={() => void copy.copySelection()}
          onClear={() => lines.select(null)}
        />
      ) : null}
      <LogStatusBar
        rowCount={view.rowCount}
        lineCount={lineCount}
        held={store.held}
        status={tailStatus(store, tail.following)}
        live={live}
        streamed={log.streamed}
        fetching={log.fetching}
        onRefresh={log.refresh}
        refreshError={lineCount > 0 ? log.error : null}
        utc={mode === 'utc'}
      />
      <LogBody
        store={store}
        error={log.error}
        onRetry={log.refresh}
        paused={!tail.following}
        newLines={tail.newLines}
        onJump={tail.resume}
        missingLine={missingLine}
        reread={loader.rereads > 0}
        view={view}
        layout={layout}
        scrollRef={tail.scrollRef}
        rowsRef={tail.rowsRef}
        scrollHandlers={tail.scrollHandlers}
        label={label}
        height={height}
        hidden={lineCount === 0}
        selected={selected}
        currentRow={currentRow}
        dates={dates}
        onLineClick={onLineClick}
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
