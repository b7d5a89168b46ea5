import type { UnrecognisedRun } from '../domain/run';

/**
 * The one error type of the transport. `kind` tells a failed HTTP answer from an API that could
 * not be reached (status 0: no answer, or the connection dropped mid-answer), from one that did
 * not answer in time, and from an answer that is not what the contract promises.
 */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'malformed';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status; 0 when no answer arrived. */
  readonly status: number;
  /** Human-readable explanation, from the server's `detail` where there is one. */
  readonly detail: string;
  readonly method: string;
  readonly url: string;
  /**
   * False when what answered is not the API: no answer at all, or an answer without the API's
   * JSON (an HTML page from a static server or a proxy).
   */
  readonly fromApi: boolean;
  /** How long the server asked to wait before trying again (`Retry-After`), if it said. */
  readonly retryAfterMs: number | null;

  constructor(init: {
    kind: ApiErrorKind;
    status: number;
    detail: string;
    method: string;
    url: string;
    fromApi?: boolean;
    retryAfterMs?: number | null;
  }) {
    super(`${init.method} ${init.url}: ${init.detail}`);
    this.kind = init.kind;
    this.status = init.status;
    this.detail = init.detail;
    this.method = init.method;
    this.url = init.url;
    this.fromApi = init.fromApi ?? (init.kind !== 'network' && init.kind !== 'timeout');
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  /**
   * The same request may well succeed later without anything changing on our side: no answer, no
   * answer in time, something other than the API answered (a gateway, a static server: the API
   * may come back), a server error, or "too busy" (429). A 4xx of the API's own will not change.
   */
  get transient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout' || !this.fromApi) return true;
    return this.kind === 'http' && (this.status >= 500 || this.status === 429);
  }

  /** Offering "Retry" makes sense: a transient failure, or an unreadable answer (a flaky proxy). */
  get retryable(): boolean {
    return this.transient || this.kind === 'malformed';
  }

  /** A short title for the kind of failure, for headings and toasts. */
  get title(): string {
    if (this.kind === 'timeout') return 'The API did not answer in time';
    if (!this.fromApi) return 'Cannot reach the API';
    if (this.kind === 'malformed') return 'The API gave an answer the dashboard cannot read';
    if (this.status === 400) return 'The request was not accepted';
    if (this.status === 401) return 'Not signed in';
    if (this.status === 403) return 'Not permitted';
    if (this.status === 404) return 'Not found';
    if (this.status === 409) return 'Not possible in the current state';
    if (this.status >= 500) return 'The API failed';
    return `The API answered ${this.status}`;
  }
}

/**
 * The API answered a Run whose operation type or state this dashboard does not know: what it is
 * can still be shown, as the server sent it, with no actions.
 */
export class UnrecognisedRunError extends ApiError {
  readonly run: UnrecognisedRun;

  constructor(run: UnrecognisedRun, url: string) {
    super({
      kind: 'malformed',
      status: 200,
      detail: `Run #${run.id} is a “${run.typeText}” Run in the state “${run.stateText}”, which this dashboard does not know, so it offers no actions for it`,
      method: 'GET',
      url,
    });
    this.run = run;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
