/**
 * An incremental parser for the Server-Sent Events wire format (WHATWG HTML §9.2.6), fed text
 * in whatever chunks the network delivers: a line, an event or a CR/LF pair may be split across
 * chunks. It never throws: the format has no invalid input, only lines it ignores.
 */

/** One dispatched event. `lastEventId` is the stream's id after this event (ids persist across events). */
export interface SseEvent {
  /** `message` unless the server named it with an `event:` field. */
  type: string;
  data: string;
  lastEventId: string;
}

export interface SseParserCallbacks {
  onEvent(event: SseEvent): void;
  /** A `retry:` field with a valid integer: the server's reconnection time in ms. */
  onRetry?(ms: number): void;
  /** A comment line (`: text`); servers send these as keep-alives. */
  onComment?(text: string): void;
}

/** Longest line kept; a server that sends a line longer than this without a newline is cut off. */
export const MAX_SSE_LINE = 1_048_576;
/** Most data one event may gather; a larger event is dropped whole rather than exhausting memory. */
export const MAX_SSE_EVENT = 8 * 1_048_576;

export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private dataLength = 0;
  private dataOverflow = false;
  private eventType = '';
  private lastEventId = '';
  /** A chunk ended in CR: a LF at the start of the next chunk belongs to the same line break. */
  private pendingCr = false;
  private firstChunk = true;
  private overlong = false;

  constructor(
    private readonly callbacks: SseParserCallbacks,
    initialLastEventId = '',
  ) {
    this.lastEventId = initialLastEventId;
  }

  /** The id the stream stands at: what to send as `Last-Event-ID` when reconnecting. */
  get lastId(): string {
    return this.lastEventId;
  }

  feed(chunk: string): void {
    let text = chunk;
    if (this.firstChunk && text.length > 0) {
      this.firstChunk = false;
      // A single leading byte-order mark is part of the encoding, not of the first field name.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const char = text.charCodeAt(i);
      if (char !== 0x0a && char !== 0x0d) continue;
      this.line(this.buffer + text.slice(start, i));
      this.buffer = '';
      this.overlong = false;
      if (char === 0x0d) {
        if (i + 1 < text.length) {
          if (text.charCodeAt(i + 1) === 0x0a) i++;
        } else this.pendingCr = true;
      }
      start = i + 1;
    }
    if (!this.overlong) {
      this.buffer += text.slice(start);
      if (this.buffer.length > MAX_SSE_LINE) {
        // Keep memory bounded against a server that never ends its line; the rest of it is dropped.
        this.buffer = this.buffer.slice(0, MAX_SSE_LINE);
        this.overlong = true;
      }
    }
  }

  /**
   * The stream ended. Per the spec an event not terminated by a blank line is discarded, so
   * nothing is dispatched here; the parser is ready for a new connection (keeping the last id).
   */
  reset(): void {
    this.buffer = '';
    this.data = [];
    this.dataLength = 0;
    this.dataOverflow = false;
    this.eventType = '';
    this.pendingCr = false;
    this.firstChunk = true;
    this.overlong = false;
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) {
      this.callbacks.onComment?.(line.slice(1).replace(/^ /, ''));
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.dataLength += value.length + 1;
        if (this.dataLength > MAX_SSE_EVENT) {
          this.dataOverflow = true;
          this.data = [];
        } else if (!this.dataOverflow) this.data.push(value);
        break;
      case 'id':
        // An id containing NUL is ignored, so a hostile stream cannot poison the header we send back.
        if (!value.includes('\u0000')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.callbacks.onRetry?.(Number(value));
        break;
      default:
        // Unknown fields are ignored, as the spec requires.
        break;
    }
  }

  private dispatch(): void {
    const type = this.eventType;
    this.eventType = '';
    const overflow = this.dataOverflow;
    this.dataOverflow = false;
    this.dataLength = 0;
    if (overflow) {
      this.data = [];
      return;
    }
    if (this.data.length === 0) return;
    const data = this.data.join('\n');
    this.data = [];
    this.callbacks.onEvent({ type: type === '' ? 'message' : type, data, lastEventId: this.lastEventId });
  }
}
