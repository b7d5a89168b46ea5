import type { KeyboardEvent } from 'react';
import { useCallback } from 'react';
import { ErrorState } from '../../components/ui/ErrorState';
import { downloadLog } from './download';
import { tailStatus } from './follow-tail';
import type { LineRange } from './line-range';
import { formatCount } from './log-text';
import { LogLines } from './LogLines';
import { LogSelectionBar } from './LogSelectionBar';
import { LogStatusBar } from './LogStatusBar';
import { LogToolbar } from './LogToolbar';
import { useAnnouncer } from './use-announcer';
import { useFollowTail } from './use-follow-tail';
import { useLevelFilter } from './use-level-filter';
import { useLineSelection } from './use-line-selection';
import { useLogAnnouncements } from './use-log-announcements';
import { useLogCopy } from './use-log-copy';
import { useLogSearch } from './use-log-search';
import type { LogStream } from './use-log-stream';
import { useReveal } from './use-reveal';
import './log-viewer.css';

export interface LogViewerProps {
  readonly log: LogStream;
  /** Accessible name of the log, e.g. "Run log" or "Log of orders". */
  readonly label: string;
  /** Name of the downloaded file, e.g. "run-56-log.txt". */
  readonly fileName: string;
  /** Start at the newest line, following new ones (for an active Run). */
  readonly startAtEnd?: boolean;
  /**
   * The selected lines. Pass it (with `onSelectionChange`) to keep the selection outside, e.g.
   * in the URL hash; leave it undefined to keep it inside the viewer.
   */
  readonly selection?: LineRange | null;
  readonly onSelectionChange?: (range: LineRange | null) => void;
  /** Largest CSS height of the scrolling area (it is as tall as its lines, up to this). */
  readonly height?: string;
}

/**
 * The one log viewer, for Run and container logs: virtualized (a few dozen line nodes whatever
 * the length), level filter with counts, search over every line held, follow-tail, line links
 * and selection, copy and download from the data, text-only rendering. Each of those is a hook
 * of its own; this component wires them to the toolbar, the status bar and the lines.
 */
export function LogViewer({
  log,
  label,
  fileName,
  startAtEnd = false,
  selection,
  onSelectionChange,
  height = '60vh',
}: LogViewerProps) {
  const { store, version } = log;
  const live = !store.complete;
  const { message, announce, announceCount } = useAnnouncer();
  const filter = useLevelFilter();
  const search = useLogSearch(store, filter.levels, announce);
  const { view, currentRow } = search;
  const lineCount = store.length;
  const lines = useLineSelection({ selection, onSelectionChange, lineCount, announce });
  const { selected, pick } = lines;
  const tail = useFollowTail({
    view,
    live,
    startFollowing: startAtEnd && selected === null,
    holding: lines.pendingLine !== null,
    onResume: lines.clearPending,
  });
  const { pause } = tail;
  // After useFollowTail: its "scroll to the newest line" runs first, then a linked line or match
  // is brought into view (and pauses following) in the same commit, before paint.
  useReveal({
    view,
    version,
    pending: lines,
    currentRow,
    showAllLevels: filter.showAll,
    scroll: tail,
  });
  useLogAnnouncements({ store, version, label, announce, announceCount });
  const copy = useLogCopy({ view, selected, scrollRef: tail.scrollRef, announce });

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
    <div className={tail.wrap ? 'log log--wrap' : 'log'} onCopy={copy.onCopy} onKeyDown={onKeyDown}>
      <LogToolbar
        levels={filter.levels}
        counts={store.counts}
        onToggleLevel={filter.toggle}
        search={{
          value: search.input,
          onChange: search.setInput,
          searching: view.query !== '',
          currentMatch: search.current,
          matchCount: search.matchCount,
          onStep: search.step,
        }}
        goToLine={lines.goToInput}
        onGoToLineChange={lines.setGoToInput}
        onGoTo={lines.goTo}
        lineCount={lineCount}
        wrap={tail.wrap}
        onWrapChange={tail.setWrap}
        live={live}
        following={tail.following}
        onFollowChange={(follow) => (follow ? tail.resume() : pause())}
        onDownload={() => downloadLog(store, fileName)}
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
        status={tailStatus(store, tail.following)}
        live={live}
        fetching={log.fetching}
        onRefresh={log.refresh}
        refreshError={lineCount > 0 ? log.error : null}
      />

      <div className="log__frame">
        {log.error && lineCount === 0 ? (
          <ErrorState error={log.error} onRetry={log.refresh} title="The log could not be loaded" />
        ) : lineCount === 0 ? (
          <p className="log__empty" role="status">
            {!store.loaded ? 'Loading the log…' : live ? 'No log lines yet.' : 'This log is empty.'}
          </p>
        ) : null}
        <LogLines
          view={view}
          virtualizer={tail.virtualizer}
          scrollRef={tail.scrollRef}
          scrollHandlers={tail.scrollHandlers}
          label={label}
          height={height}
          hidden={lineCount === 0}
          selected={selected}
          currentRow={currentRow}
          wrap={tail.wrap}
          onLineClick={onLineClick}
        />
        {live && !tail.following && lineCount > 0 ? (
          <button type="button" className="button log__jump" onClick={tail.resume}>
            {tail.newLines > 0
              ? `Jump to latest (${formatCount(tail.newLines)} new)`
              : 'Jump to latest'}
          </button>
        ) : null}
      </div>

      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
