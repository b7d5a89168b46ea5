/**
 * A small Runs server for the query layer's tests of the Run stream: a few Runs, their list and
 * detail answers, and `GET /operations/stream` as Server-Sent Events over `fetch` (event ids,
 * `Last-Event-ID` resume, `reset` once it has forgotten the id, drops, cuts mid-event).
 */
import type { ListRunsQuery, RunPageWire, RunWire } from '../src/api/contract';
import { isTerminal } from '../src/domain/states';
import type { RunState } from '../src/domain/states';

export interface ModelRun {
  readonly id: number;
  readonly state: RunState;
  readonly created: number;
  readonly datastore: number;
  readonly hasLogs: boolean;
  readonly analyzed: number;
}

interface Sent {
  readonly id: number;
  readonly type: 'run' | 'deleted' | 'reset';
  readonly data: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const EPOCH = Date.UTC(2026, 10, 28, 12);

export function listWire(run: ModelRun): RunWire {
  return {
    id: run.id,
    type: 'scan',
    result: run.state,
    created: iso(run.created),
    start_time: run.state === 'queued' ? null : iso(run.created + 1_000),
    end_time: isTerminal(run.state) ? iso(run.created + 60_000) : null,
    triggered_by: 'System',
    schedule: null,
    datastore: { id: run.datastore, name: `Store ${run.datastore}` },
    message: null,
    tags: [],
    status: { total_containers: 10, containers_analyzed: run.analyzed, records_processed: 0 },
    has_logs: run.hasLogs,
  };
}

export class FakeRunsServer {
  readonly runs = new Map<number, ModelRun>();
  private readonly sent: Sent[] = [];
  /** Events before this id are forgotten: a resume from before it gets `reset`. */
  private firstKept = 1;
  private nextEventId = 1;
  private nextRunId = 1;
  private readonly open = new Set<ReadableStreamDefaultController<Uint8Array>>();
  private readonly encoder = new TextEncoder();
  /** Stream requests, with the Last-Event-ID each sent. */
  readonly streamRequests: (string | null)[] = [];
  /** Answer the stream with this instead (e.g. a 404), when set. */
  streamAnswer: (() => Response) | null = null;

  constructor(initial = 0) {
    for (let i = 0; i < initial; i += 1)
      this.create({ state: i % 3 === 0 ? 'running' : 'success' });
    this.sent.length = 0;
    this.firstKept = this.nextEventId;
  }

  get lastEventId(): number {
    return this.nextEventId - 1;
  }

  create(fields: Partial<Omit<ModelRun, 'id' | 'created'>> = {}): ModelRun {
    const id = this.nextRunId++;
    const run: ModelRun = {
      id,
      state: 'queued',
      created: EPOCH + id * 60_000,
      datastore: 1 + (id % 2),
      hasLogs: false,
      analyzed: 0,
      ...fields,
    };
    this.runs.set(id, run);
    this.emit('run', JSON.stringify(listWire(run)));
    return run;
  }

  update(id: number, fields: Partial<Omit<ModelRun, 'id' | 'created'>>): void {
    const run = this.runs.get(id);
    if (!run) return;
    const next = { ...run, ...fields };
    this.runs.set(id, next);
    this.emit('run', JSON.stringify(listWire(next)));
  }

  remove(id: number): void {
    if (!this.runs.delete(id)) return;
    this.emit('deleted', JSON.stringify({ id }));
  }

  /** Forgets every event so far: a reader resuming from one of them gets `reset`. */
  forget(): void {
    this.sent.length = 0;
    this.firstKept = this.nextEventId;
  }

  /** Closes every open stream, after `tail` (say, half an event) when given. */
  drop(tail = ''): void {
    for (const controller of this.open) {
      if (tail) controller.enqueue(this.encoder.encode(tail));
      controller.close();
    }
    this.open.clear();
  }

  list(query: ListRunsQuery): RunPageWire {
    const matching = [...this.runs.values()].filter(
      (run) =>
        (!query.result?.length || query.result.includes(run.state)) &&
        (query.finished === undefined || query.finished === isTerminal(run.state)) &&
        (query.has_logs === undefined || query.has_logs === run.hasLogs) &&
        (!query.datastore?.length || query.datastore.includes(run.datastore)) &&
        (query.id === undefined || query.id === run.id),
    );
    const dir = query.sort_created === 'asc' ? 1 : -1;
    matching.sort((a, b) => dir * (a.created - b.created));
    const start = (query.page - 1) * query.size;
    return {
      items: matching.slice(start, start + query.size).map(listWire),
      total: matching.length,
      page: query.page,
      size: query.size,
      pages: Math.ceil(matching.length / query.size),
    };
  }

  detail(id: number): RunWire | null {
    const run = this.runs.get(id);
    if (!run) return null;
    return {
      ...listWire(run),
      containers: [{ id: 7, name: 'orders', container_type: 'table' }],
      completed_container_ids: [],
    };
  }

  /** `fetch` for `GET …/operations/stream` only. */
  readonly fetch = (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const resume = new Headers(init?.headers).get('Last-Event-ID');
    this.streamRequests.push(resume);
    if (this.streamAnswer) return Promise.resolve(this.streamAnswer());
    let self: ReadableStreamDefaultController<Uint8Array> | null = null;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        self = controller;
        this.open.add(controller);
        if (resume === null) return;
        const from = Number(resume);
        if (!(from >= this.firstKept - 1 && from <= this.lastEventId)) {
          controller.enqueue(this.frame({ id: this.lastEventId, type: 'reset', data: '{}' }));
          return;
        }
        for (const event of this.sent) if (event.id > from) controller.enqueue(this.frame(event));
      },
      cancel: () => {
        if (self) this.open.delete(self);
      },
    });
    init?.signal?.addEventListener('abort', () => {
      if (!self || !this.open.delete(self)) return;
      self.error(new DOMException('aborted', 'AbortError'));
    });
    return Promise.resolve(
      new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }),
    );
  };

  private emit(type: 'run' | 'deleted', data: string): void {
    const event: Sent = { id: this.nextEventId++, type, data };
    this.sent.push(event);
    for (const controller of this.open) controller.enqueue(this.frame(event));
  }

  private frame({ id, type, data }: Sent): Uint8Array {
    return this.encoder.encode(`id: ${id}\nevent: ${type}\ndata: ${data}\n\n`);
  }
}
