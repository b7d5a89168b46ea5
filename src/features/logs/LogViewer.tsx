import { useVirtualizer } from '@tanstack/react-virtual';
import type { ClipboardEvent, FormEvent, KeyboardEvent } from 'react';
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { LogLevel } from '../../api/contract';
import { ErrorState } from '../../components/ui/ErrorState';
import { timeZone } from '../../lib/time';
import type { LineRange } from './line-range';
import { lineRange, rangeSize, sameRange } from './line-range';
import { LOG_LEVELS } from '../../queries/log-store';
import { levelLabel, logText } from './log-text';
import { LogView } from './log-view';
import { LogRow } from './LogRow';
import type { LogStream } from './use-log-stream';
import { useAnnouncer } from './use-announcer';
import './log-viewer.css';

const countFormat = new Intl.NumberFormat();
/** "100,040" — one shared formatter: the viewer renders on every scroll frame. */
const formatCount = (n: number): string => countFormat.format(n);
/** The user's time zone, read once. */
const ZONE = timeZone();

/** Height of one unwrapped line, in pixels (kept in step with log-viewer.css). */
export const LOG_ROW_HEIGHT = 20;
const ALL_LEVELS: ReadonlySet<LogLevel> = new Set(LOG_LEVELS);
/** How long a linked line is kept in view against scrolls the reader did not make. */
const SETTLE_MS = 1_000;

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
 * and selection, copy and download from the data, text-only rendering.
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
  const baseId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { message, announce, announceCount } = useAnnouncer();

  // --- selection (controlled or not) -------------------------------------------------------
  const controlled = selection !== undefined;
  const [localSelection, setLocalSelection] = useState<LineRange | null>(null);
  const selected = controlled ? selection : localSelection;
  const [emitted, setEmitted] = useState<LineRange | null>(null);
  const anchorLine = useRef<number | null>(null);
  /** A line to bring into view once it has arrived. */
  const [pendingLine, setPendingLine] = useState<number | null>(selected?.start ?? null);
  const [seenSelection, setSeenSelection] = useState(selected);
  if (!sameRange(seenSelection, selected)) {
    // The selection changed from outside (a followed #L link, history navigation): show it.
    setSeenSelection(selected);
    if (selected !== null && !sameRange(selected, emitted)) setPendingLine(selected.start);
  }
  const select = useCallback(
    (range: LineRange | null) => {
      setEmitted(range);
      if (!controlled) setLocalSelection(range);
      onSelectionChange?.(range);
    },
    [controlled, onSelectionChange],
  );

  // --- filter and search ---------------------------------------------------------------------
  const [levels, setLevels] = useState<ReadonlySet<LogLevel>>(ALL_LEVELS);
  const [queryInput, setQueryInput] = useState('');
  const query = useDeferredValue(queryInput);
  const view = useMemo(() => new LogView(store, levels, query), [store, levels, query]);
  // Takes in the lines that arrived since the last render (idempotent, incremental).
  view.sync();
  const rowCount = view.rowCount;
  const matches = view.matches;
  const [currentMatch, setCurrentMatch] = useState(0);
  const [matchView, setMatchView] = useState(view);
  if (matchView !== view) {
    setMatchView(view);
    setCurrentMatch(0);
  }
  const current = Math.min(currentMatch, Math.max(0, matches.length - 1));
  const currentRow = matches.length ? (matches[current] ?? -1) : -1;

  // --- follow-tail ----------------------------------------------------------------------------
  const live = !store.complete;
  const [following, setFollowing] = useState(() => startAtEnd && selected === null);
  const [pausedAt, setPausedAt] = useState(0);
  const [wrap, setWrap] = useState(false);
  const rowCountRef = useRef(rowCount);
  useLayoutEffect(() => {
    rowCountRef.current = rowCount;
  }, [rowCount]);
  /** Stops following; "N new" counts from here. */
  const pause = useCallback(() => {
    setFollowing(false);
    setPausedAt(rowCountRef.current);
  }, []);

  const getItemKey = useCallback((row: number) => store.at(view.indexAt(row)).seq, [store, view]);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    getItemKey,
    overscan: 12,
  });

  // Wrapping changes every row's height: measure again, keeping the top line where it was (once
  // at once, and once more when the rows in view have been measured).
  const wrapAnchor = useRef<number | null>(null);
  const toggleWrap = (next: boolean) => {
    const el = scrollRef.current;
    wrapAnchor.current =
      el && !following ? (virtualizer.getVirtualItemForOffset(el.scrollTop)?.index ?? null) : null;
    setWrap(next);
  };
  useLayoutEffect(() => {
    virtualizer.measure();
    const row = wrapAnchor.current;
    wrapAnchor.current = null;
    if (row === null) return;
    virtualizer.scrollToIndex(row, { align: 'start' });
    const frame = requestAnimationFrame(() => virtualizer.scrollToIndex(row, { align: 'start' }));
    return () => cancelAnimationFrame(frame);
  }, [wrap, virtualizer]);

  // While following, every arrival scrolls to the newest line (before paint).
  useLayoutEffect(() => {
    // One write to the element (one layout); the virtualizer follows from the scroll event.
    const el = scrollRef.current;
    if (following && rowCount > 0 && el) el.scrollTop = el.scrollHeight;
  }, [following, rowCount]);

  /**
   * A line just brought into view. Right after a history navigation the router restores the
   * scroll positions it remembers for that entry, which would carry the reader away from the
   * linked line: until the reader scrolls themselves, such a move is undone once.
   */
  const settle = useRef<{ row: number; until: number } | null>(null);

  // Bring a linked line into view once it has arrived.
  useLayoutEffect(() => {
    if (pendingLine === null) return;
    if (pendingLine > store.length) {
      if (store.complete) setPendingLine(null); // no such line
      return;
    }
    const row = view.rowOf(pendingLine - 1);
    if (row < 0) {
      setLevels(ALL_LEVELS); // the filter hides it: show every level
      return;
    }
    pause();
    // The log may sit below the fold of its page: bring it on screen, then the line within it.
    scrollRef.current?.scrollIntoView?.({ block: 'nearest' });
    virtualizer.scrollToIndex(row, { align: 'center' });
    settle.current = { row, until: performance.now() + SETTLE_MS };
    setPendingLine(null);
  }, [pendingLine, version, view, store, virtualizer, pause]);

  // Bring the current search match into view when the search or the match changes (the row of
  // a match never changes as lines arrive: they are only appended).
  useLayoutEffect(() => {
    if (!view.query || currentRow < 0) return;
    pause();
    virtualizer.scrollToIndex(currentRow, { align: 'center' });
  }, [view, currentRow, pause, virtualizer]);

  // --- announcements --------------------------------------------------------------------------
  const announcedTotal = useRef<number | null>(null);
  const announcedFinal = useRef(false);
  useEffect(() => {
    if (announcedTotal.current === null) {
      if (!store.caughtUp && !store.complete) return;
      announcedTotal.current = store.length;
      announcedFinal.current = store.complete;
      announce(
        `${label}: ${formatCount(store.length)} ${store.length === 1 ? 'line' : 'lines'}${store.complete ? ', final' : ''}`,
      );
      return;
    }
    if (store.complete && !announcedFinal.current) {
      // A streaming log became final: say so (with the lines that came last).
      announcedFinal.current = true;
      announcedTotal.current = store.length;
      announce('The Run has ended: this log is final', true);
      return;
    }
    const added = store.length - announcedTotal.current;
    announcedTotal.current = store.length;
    announceCount(added, (n) => `${formatCount(n)} new ${n === 1 ? 'line' : 'lines'}`);
  }, [version, store, label, announce, announceCount]);

  // --- scrolling by the reader ------------------------------------------------------------------
  const lastScrollTop = useRef(0);
  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const top = el.scrollTop;
    const target = settle.current;
    if (target) {
      const wanted = virtualizer.getOffsetForIndex(target.row, 'center')?.[0];
      if (performance.now() > target.until || wanted === undefined) settle.current = null;
      else if (Math.abs(top - wanted) > el.clientHeight / 2) {
        settle.current = null;
        virtualizer.scrollToIndex(target.row, { align: 'center' });
        return;
      }
    }
    const fromEnd = el.scrollHeight - el.clientHeight - top;
    if (fromEnd <= LOG_ROW_HEIGHT) {
      if (!following && live && pendingLine === null) setFollowing(true);
    } else if (top < lastScrollTop.current - 1 && following) {
      pause();
    }
    lastScrollTop.current = top;
  };

  // --- line selection, copy -------------------------------------------------------------------
  const onLineClick = useCallback(
    (line: number, extend: boolean) => {
      if (extend && anchorLine.current !== null) {
        select(lineRange(anchorLine.current, line));
      } else {
        anchorLine.current = line;
        select(lineRange(line));
      }
      pause();
    },
    [select, pause],
  );

  /** The lines shown (filter applied) within a range of line numbers, as text. */
  const textOf = (range: LineRange): { text: string; count: number } => {
    const entries = store
      .range(range.start - 1, range.end)
      .filter((entry) => view.levels.has(entry.level));
    return { text: logText(entries), count: entries.length };
  };

  // Where a native text selection starts and ends, remembered while rows scroll out of the DOM.
  const nativeLines = useRef<{ anchor: number | null; focus: number | null }>({
    anchor: null,
    focus: null,
  });
  useEffect(() => {
    const onSelectionChange = () => {
      const s = document.getSelection();
      if (!s || s.isCollapsed) {
        nativeLines.current = { anchor: null, focus: null };
        return;
      }
      const anchor = lineOfNode(s.anchorNode, scrollRef.current);
      const focus = lineOfNode(s.focusNode, scrollRef.current);
      if (anchor !== null) nativeLines.current.anchor = anchor;
      if (focus !== null) nativeLines.current.focus = focus;
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, []);

  /** The text a copy should give: full lines from the data, or null to let the browser copy. */
  const copyText = (): { text: string; count: number } | null => {
    const s = document.getSelection();
    if (s && !s.isCollapsed) {
      const { anchor, focus } = nativeLines.current;
      if (anchor === null || focus === null || anchor === focus) return null;
      return textOf(lineRange(anchor, focus));
    }
    return selected ? textOf(selected) : null;
  };

  const onCopy = (event: ClipboardEvent) => {
    const copied = copyText();
    if (copied === null) return;
    event.clipboardData.setData('text/plain', copied.text);
    event.preventDefault();
    announce(`Copied ${formatCount(copied.count)} ${copied.count === 1 ? 'line' : 'lines'}`);
  };

  const copySelection = async () => {
    if (!selected) return;
    const copied = textOf(selected);
    try {
      await navigator.clipboard.writeText(copied.text);
      announce(`Copied ${formatCount(copied.count)} ${copied.count === 1 ? 'line' : 'lines'}`);
    } catch {
      announce('Copying failed: the browser did not allow access to the clipboard');
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    settle.current = null; // the reader is acting: their scrolling is theirs
    const isCopy = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c';
    const s = document.getSelection();
    if (isCopy && selected && (!s || s.isCollapsed)) {
      event.preventDefault();
      void copySelection();
    }
  };

  const download = () => {
    const text = logText(store.range(0, store.length));
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  // --- toolbar actions --------------------------------------------------------------------------
  const step = (delta: number) => {
    if (!matches.length) return;
    const next = (current + delta + matches.length) % matches.length;
    setCurrentMatch(next);
    const row = matches[next] ?? 0;
    announce(`Match ${next + 1} of ${matches.length}, line ${view.indexAt(row) + 1}`);
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    }
  };

  const toggleLevel = (level: LogLevel) => {
    const next = new Set(levels);
    if (next.has(level)) next.delete(level);
    else next.add(level);
    setLevels(next);
  };

  const [goTo, setGoTo] = useState('');
  const onGoTo = (event: FormEvent) => {
    event.preventDefault();
    const line = Number(goTo);
    if (!Number.isInteger(line) || line < 1 || line > store.length) {
      announce(`There is no line ${goTo} (the log has ${formatCount(store.length)} lines)`);
      return;
    }
    anchorLine.current = line;
    select(lineRange(line));
    setPendingLine(line);
  };

  const resume = () => {
    setPendingLine(null);
    setFollowing(true);
  };

  const items = virtualizer.getVirtualItems();
  const newLines = Math.max(0, rowCount - pausedAt);
  const searchId = `${baseId}-search`;
  const gotoId = `${baseId}-goto`;

  return (
    <div className={wrap ? 'log log--wrap' : 'log'} onCopy={onCopy} onKeyDown={onKeyDown}>
      <div className="log__toolbar">
        <fieldset className="log__levels">
          <legend className="visually-hidden">Levels</legend>
          {LOG_LEVELS.map((level) => (
            <label key={level} className={`log__level log__level--${level}`}>
              <input
                type="checkbox"
                checked={levels.has(level)}
                onChange={() => toggleLevel(level)}
              />
              {levelLabel(level)}{' '}
              <span className="log__count">({formatCount(store.counts[level])})</span>
            </label>
          ))}
        </fieldset>

        <div className="log__search" role="search">
          <label htmlFor={searchId} className="visually-hidden">
            Search the log
          </label>
          <input
            id={searchId}
            type="search"
            placeholder="Search the log"
            value={queryInput}
            onChange={(event) => setQueryInput(event.target.value)}
            onKeyDown={onSearchKeyDown}
          />
          {/* A status, so "3 of 20" is read out as it changes (politely). */}
          <span className="log__matches" role="status">
            {view.query
              ? matches.length
                ? `${formatCount(current + 1)} of ${formatCount(matches.length)}`
                : 'No matches'
              : ''}
          </span>
          <button
            type="button"
            className="button button--small"
            onClick={() => step(-1)}
            disabled={!matches.length}
            aria-label="Previous match"
          >
            Previous
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => step(1)}
            disabled={!matches.length}
            aria-label="Next match"
          >
            Next
          </button>
        </div>

        <form className="log__goto" onSubmit={onGoTo}>
          <label htmlFor={gotoId}>Line</label>
          <input
            id={gotoId}
            type="number"
            min={1}
            max={Math.max(1, store.length)}
            inputMode="numeric"
            value={goTo}
            onChange={(event) => setGoTo(event.target.value)}
          />
          <button type="submit" className="button button--small" aria-label="Go to line">
            Go
          </button>
        </form>

        <label className="log__toggle">
          <input
            type="checkbox"
            checked={wrap}
            onChange={(event) => toggleWrap(event.target.checked)}
          />
          Wrap lines
        </label>

        {live ? (
          <button
            type="button"
            className="button button--small"
            aria-pressed={following}
            onClick={following ? pause : resume}
          >
            Follow new lines
          </button>
        ) : null}

        <button
          type="button"
          className="button button--small"
          onClick={download}
          disabled={store.length === 0}
        >
          Download .txt
        </button>
      </div>

      {selected ? (
        <div className="log__selection">
          <span>
            {rangeSize(selected) === 1
              ? `Line ${formatCount(selected.start)} selected`
              : `Lines ${formatCount(selected.start)}–${formatCount(selected.end)} selected`}
          </span>
          <button type="button" className="button button--small" onClick={copySelection}>
            Copy lines
          </button>
          <button type="button" className="button button--small" onClick={() => select(null)}>
            Clear selection
          </button>
        </div>
      ) : null}

      <p className="log__status">
        <span>
          {formatCount(rowCount)} {rowCount === 1 ? 'line' : 'lines'}
          {rowCount !== store.length ? ` shown of ${formatCount(store.length)}` : ''}
        </span>
        {store.complete ? (
          <span className="log__final">This log is final.</span>
        ) : !store.caughtUp && store.loaded ? (
          <span>Loading earlier lines…</span>
        ) : following ? (
          <span>Following new lines</span>
        ) : (
          <span>Paused: new lines keep arriving below</span>
        )}
        {live ? (
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={log.refresh}
            aria-busy={log.fetching}
          >
            Check for new lines
          </button>
        ) : null}
        <span className="muted">Times in {ZONE}</span>
      </p>
      {log.error && store.length > 0 ? (
        <ErrorState
          compact
          error={log.error}
          onRetry={log.refresh}
          title="New lines could not be loaded"
        />
      ) : null}

      <div className="log__frame">
        {log.error && store.length === 0 ? (
          <ErrorState error={log.error} onRetry={log.refresh} title="The log could not be loaded" />
        ) : store.length === 0 ? (
          <p className="log__empty" role="status">
            {!store.loaded ? 'Loading the log…' : live ? 'No log lines yet.' : 'This log is empty.'}
          </p>
        ) : null}
        <div
          ref={scrollRef}
          className="log__scroller"
          style={{ maxHeight: height, display: store.length === 0 ? 'none' : undefined }}
          role="region"
          aria-label={`${label} lines`}
          tabIndex={0}
          onScroll={onScroll}
          onWheel={(event) => {
            settle.current = null;
            if (event.deltaY < 0 && following) pause();
          }}
          onPointerDown={() => {
            settle.current = null;
          }}
        >
          <div className="log__sizer" style={{ height: virtualizer.getTotalSize() }}>
            <div
              role="list"
              className="log__rows"
              style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}
            >
              {items.map((item) => {
                const index = view.indexAt(item.index);
                const line = index + 1;
                return (
                  <LogRow
                    key={item.key}
                    entry={store.at(index)}
                    line={line}
                    row={item.index}
                    query={view.query}
                    selected={selected !== null && line >= selected.start && line <= selected.end}
                    current={item.index === currentRow}
                    onLineClick={onLineClick}
                    measureRef={wrap ? virtualizer.measureElement : undefined}
                  />
                );
              })}
            </div>
          </div>
        </div>
        {live && !following && store.length > 0 ? (
          <button type="button" className="button log__jump" onClick={resume}>
            {newLines > 0 ? `Jump to latest (${formatCount(newLines)} new)` : 'Jump to latest'}
          </button>
        ) : null}
      </div>

      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}

/** The line number of the log row holding a DOM node, or null. */
function lineOfNode(node: Node | null, scroller: HTMLElement | null): number | null {
  if (!node || !scroller) return null;
  const element = node instanceof Element ? node : node.parentElement;
  const row = element?.closest<HTMLElement>('[data-line]');
  if (!row || !scroller.contains(row)) {
    // A row that scrolled out of the DOM still knows its line (detached subtree).
    if (row && !row.isConnected) return Number(row.dataset.line);
    return null;
  }
  return Number(row.dataset.line);
}
