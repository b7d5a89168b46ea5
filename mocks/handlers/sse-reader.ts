/**
 * Reads a Server-Sent Events body as a client does, for the tests of the streams: the text is cut
 * into messages at blank lines; `id`, `event` and `data` fields (data lines joined by newlines),
 * and comment lines (`: ping`).
 */
export interface SseRead {
  readonly id?: string;
  readonly event?: string;
  readonly data?: string;
  readonly comment?: string;
}

export function parseMessage(block: string): SseRead {
  const data: string[] = [];
  const out: { id?: string; event?: string; data?: string; comment?: string } = {};
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const raw = colon < 0 ? '' : line.slice(colon + 1);
    const value = raw.startsWith(' ') ? raw.slice(1) : raw;
    if (name === '') out.comment = value;
    else if (name === 'data') data.push(value);
    else if (name === 'id' || name === 'event') out[name] = value;
  }
  if (data.length > 0) out.data = data.join('\n');
  return out;
}

export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private readonly ready: SseRead[] = [];

  constructor(response: Response) {
    if (!response.body) throw new Error('the answer has no body');
    this.reader = response.body.getReader();
  }

  /** The next message, comment or event; null once the stream has ended. */
  async next(): Promise<SseRead | null> {
    for (;;) {
      const message = this.ready.shift();
      if (message) return message;
      const { done, value } = await this.reader.read();
      if (done) return null;
      this.buffer += this.decoder.decode(value, { stream: true });
      for (let end = this.buffer.indexOf('\n\n'); end >= 0; end = this.buffer.indexOf('\n\n')) {
        this.ready.push(parseMessage(this.buffer.slice(0, end)));
        this.buffer = this.buffer.slice(end + 2);
      }
    }
  }

  /** The next events (comments skipped) until `done(event)` says so or the stream ends. */
  async until(done: (event: SseRead) => boolean): Promise<SseRead[]> {
    const events: SseRead[] = [];
    for (let message = await this.next(); message; message = await this.next()) {
      if (message.comment !== undefined && message.event === undefined && !message.data) continue;
      events.push(message);
      if (done(message)) break;
    }
    return events;
  }

  /** Cancels the body, as a client that goes away. */
  cancel(): Promise<void> {
    return this.reader.cancel();
  }

  /** The next `count` events. */
  take(count: number): Promise<SseRead[]> {
    let left = count;
    return left <= 0 ? Promise.resolve([]) : this.until(() => --left <= 0);
  }
}
