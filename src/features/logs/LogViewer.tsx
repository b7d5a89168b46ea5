import { useVirtualizer } from '@tanstack/react-virtual';
import type { ClipboardEvent, KeyboardEvent, WheelEvent } from 'react';
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { LogLevel } from '../../api/contract';
import { ErrorState } from '../../components/ui/ErrorState';
import { assertNever } from '../../domain/assert-never';
import { copyRange, lineOfNode } from './copy-lines';
import { downloadLog } from './download';
import type { Settle } from './follow-tail';
import {
  LOG_ROW_HEIGHT,
  newSince,
  readerScrolled,
  settleAfterScroll,
  settleFor,
  tailStatus,
} from './follow-tail';
import type { LineRange } from './line-range';
import { lineRange, parseLineNumber, sameRange } from './line-range';
import { LOG_LEVELS } from '../../queries/log-store';
import type { Announced } from './log-announcements';
import { newLinesText, nextAnnouncement } from './log-announcements';
import { clampMatch, matchAnnouncement, stepMatch } from './log-search';
import { formatCount, linesLabel, logText } from './log-text';
import { LogView } from './log-view';
import { LogLines } from './LogLines';
import { LogSelectionBar } from './LogSelectionBar';
import { LogStatusBar } from './LogStatusBar';
import { LogToolbar } from './LogToolbar';
import type { LogStream } from './use-log-stream';
import { useAnnouncer } from './use-announcer';
import './log-viewer.css';

const ALL_LEVELS: ReadonlySet<LogLevel> = new Set(LOG_LEVELS);

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
  const current = clampMatch(currentMatch, matches.length);
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

  const getItemKey = useCallback((row: number) => view.entryAt(row).seq, [view]);
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
  const settle = useRef<Settle | null>(null);

  // Bring a linked line into view once it has arrived.
  useLayoutEffect(() => {
    if (pendingLine === null) return;
    if (pendingLine > store.length) {
      if (store.complete) setPendingLine(null); // no such line
      return;
    }
    const row = view.rowOfLine(pendingLine);
    if (row < 0) {
      setLevels(ALL_LEVELS); // the filter hides it: show every level
      return;
    }
    pause();
    // The log may sit below the fold of its page: bring it on screen, then the line within it.
    scrollRef.current?.scrollIntoView?.({ block: 'nearest' });
    virtualizer.scrollToIndex(row, { align: 'center' });
    settle.current = settleFor(row, performance.now());
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
  const announced = useRef<Announced | null>(null);
  useEffect(() => {
    const next = nextAnnouncement(announced.current, store, label);
    announced.current = next.seen;
    const { announcement } = next;
    switch (announcement.kind) {
      case 'none':
        break;
      case 'say':
        announce(announcement.text, announcement.supersede);
        break;
      case 'count':
        announceCount(announcement.added, newLinesText);
        break;
      default:
        assertNever(announcement, 'announcement');
    }
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
      const verdict = settleAfterScroll(target, performance.now(), top, wanted, el.clientHeight);
      if (verdict !== 'keep') settle.current = null;
      if (verdict === 'restore') {
        virtualizer.scrollToIndex(target.row, { align: 'center' });
        return;
      }
    }
    const fromEnd = el.scrollHeight - el.clientHeight - top;
    const lastTop = lastScrollTop.current;
    const holding = pendingLine !== null;
    const verdict = readerScrolled({ top, lastTop, fromEnd, following, live, holding });
    switch (verdict) {
      case 'follow':
        setFollowing(true);
        break;
      case 'pause':
        pause();
        break;
      case 'keep':
        break;
      default:
        assertNever(verdict, 'scroll verdict');
    }
    lastScrollTop.current = top;
  };

  /** The reader acts (pointer, wheel, keyboard): from now on their scrolling is theirs. */
  const release = () => {
    settle.current = null;
  };
  const onWheel = (event: WheelEvent) => {
    release();
    if (event.deltaY < 0 && following) pause();
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
    const entries = view.entriesIn(range);
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
    const range = copyRange(s && !s.isCollapsed ? nativeLines.current : null, selected);
    return range ? textOf(range) : null;
  };

  const onCopy = (event: ClipboardEvent) => {
    const copied = copyText();
    if (copied === null) return;
    event.clipboardData.setData('text/plain', copied.text);
    event.preventDefault();
    announce(`Copied ${linesLabel(copied.count)}`);
  };

  const copySelection = async () => {
    if (!selected) return;
    const copied = textOf(selected);
    try {
      await navigator.clipboard.writeText(copied.text);
      announce(`Copied ${linesLabel(copied.count)}`);
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

  // --- toolbar actions --------------------------------------------------------------------------
  const step = (delta: number) => {
    if (!matches.length) return;
    const next = stepMatch(current, delta, matches.length);
    setCurrentMatch(next);
    announce(matchAnnouncement(next, matches.length, view.lineAt(matches[next] ?? 0)));
  };

  const toggleLevel = (level: LogLevel) => {
    const next = new Set(levels);
    if (next.has(level)) next.delete(level);
    else next.add(level);
    setLevels(next);
  };

  const [goTo, setGoTo] = useState('');
  const onGoTo = () => {
    const line = parseLineNumber(goTo, store.length);
    if (line === null) {
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

  const newLines = newSince(rowCount, pausedAt);

  return (
    <div className={wrap ? 'log log--wrap' : 'log'} onCopy={onCopy} onKeyDown={onKeyDown}>
      <LogToolbar
        levels={levels}
        counts={store.counts}
        onToggleLevel={toggleLevel}
        search={queryInput}
        onSearchChange={setQueryInput}
        searching={view.query !== ''}
        currentMatch={current}
        matchCount={matches.length}
        onStep={step}
        goToLine={goTo}
        onGoToLineChange={setGoTo}
        onGoTo={onGoTo}
        lineCount={store.length}
        wrap={wrap}
        onWrapChange={toggleWrap}
        live={live}
        following={following}
        onFollowChange={(follow) => (follow ? resume() : pause())}
        onDownload={() => downloadLog(store, fileName)}
      />
      {selected ? (
        <LogSelectionBar
          selected={selected}
          onCopy={() => void copySelection()}
          onClear={() => select(null)}
        />
      ) : null}
      <LogStatusBar
        rowCount={rowCount}
        lineCount={store.length}
        status={tailStatus(store, following)}
        live={live}
        fetching={log.fetching}
        onRefresh={log.refresh}
        refreshError={store.length > 0 ? log.error : null}
      />

      <div className="log__frame">
        {log.error && store.length === 0 ? (
          <ErrorState error={log.error} onRetry={log.refresh} title="The log could not be loaded" />
        ) : store.length === 0 ? (
          <p className="log__empty" role="status">
            {!store.loaded ? 'Loading the log…' : live ? 'No log lines yet.' : 'This log is empty.'}
          </p>
        ) : null}
        <LogLines
          view={view}
          virtualizer={virtualizer}
          scrollRef={scrollRef}
          scrollHandlers={{ onScroll, onWheel, onPointerDown: release }}
          label={label}
          height={height}
          hidden={store.length === 0}
          selected={selected}
          currentRow={currentRow}
          wrap={wrap}
          onLineClick={onLineClick}
        />
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
