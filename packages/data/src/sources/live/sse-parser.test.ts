import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ValidationError } from '../../contract/errors.js';
import { backoffDelay } from './backoff.js';
import { parseLiveMessage } from './protocol.js';
import { SseParser, type SseEvent } from './sse-parser.js';

function parse(chunks: readonly string[], lastEventId = '') {
  const events: SseEvent[] = [];
  const retries: number[] = [];
  const comments: string[] = [];
  const parser = new SseParser({ onEvent: (event) => events.push(event), onRetry: (ms) => retries.push(ms), onComment: (text) => comments.push(text) }, lastEventId);
  for (const chunk of chunks) parser.feed(chunk);
  return { events, retries, comments, lastId: parser.lastId };
}

describe('SseParser (WHATWG wire format)', () => {
  it('joins multi-line data with LF and names the event', () => {
    const { events } = parse(['event: points\ndata: {"a":\ndata: 1}\n\n']);
    expect(events).to.deep.equal([{ type: 'points', data: '{"a":\n1}', lastEventId: '' }]);
  });

  it('accepts LF, CR and CRLF line ends, even when a CRLF is split across chunks', () => {
    const { events } = parse(['data: a\r', '\ndata: b\r\r', 'data: c\n', '\n', 'data: d\r\n\r\n']);
    expect(events.map((event) => event.data)).to.deep.equal(['a\nb', 'c', 'd']);
  });

  it('keeps the id across events, ignores ids with NUL, and reports it for Last-Event-ID', () => {
    const { events, lastId } = parse(['id: 7\ndata: x\n\ndata: y\n\nid: bad\u0000id\ndata: z\n\n']);
    expect(events.map((event) => event.lastEventId)).to.deep.equal(['7', '7', '7']);
    expect(lastId).to.equal('7');
    expect(parse(['id\ndata: q\n\n'], '5').events[0]?.lastEventId, 'an empty id resets').to.equal('');
  });

  it('reads retry only when it is all digits, and reports comments without dispatching', () => {
    const { events, retries, comments } = parse([': keep-alive\nretry: 2500\nretry: 12a\nretry: -1\n\n']);
    expect(events).to.deep.equal([]);
    expect(retries).to.deep.equal([2500]);
    expect(comments).to.deep.equal(['keep-alive']);
  });

  it('strips one leading space only, treats a field without colon as empty, ignores unknown fields, drops a leading BOM', () => {
    const { events } = parse(['\ufeffdata:  two spaces\nfoo: bar\ndata\n\n']);
    expect(events[0]?.data).to.equal(' two spaces\n');
  });

  it('dispatches an empty data line but not an event with no data, and resets the event name', () => {
    const { events } = parse(['event: x\n\ndata:\n\ndata: after\n\n']);
    expect(events).to.deep.equal([
      { type: 'message', data: '', lastEventId: '' },
      { type: 'message', data: 'after', lastEventId: '' },
    ]);
  });

  it('discards an unterminated event at the end of a stream (reset), as the spec says', () => {
    const events: SseEvent[] = [];
    const parser = new SseParser({ onEvent: (event) => events.push(event) });
    parser.feed('data: half');
    parser.reset();
    parser.feed('data: whole\n\n');
    expect(events.map((event) => event.data)).to.deep.equal(['whole']);
  });

  it('drops an event whose data exceeds the bound, and goes on with the next', () => {
    const big = 'x'.repeat(1_048_000);
    const chunks = Array.from({ length: 9 }, () => `data: ${big}\n`);
    const { events } = parse([...chunks, '\n', 'data: small\n\n']);
    expect(events.map((event) => event.data)).to.deep.equal(['small']);
  });

  it('gives the same events however the stream is cut into chunks (property)', () => {
    const line = fc.stringMatching(/^[^\r\n]{0,12}$/);
    const eventText = fc.record({ id: fc.option(fc.stringMatching(/^[0-9a-z]{1,4}$/), { nil: undefined }), type: fc.option(fc.constantFrom('points', 'kpi'), { nil: undefined }), data: fc.array(line, { minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(eventText, { maxLength: 6 }), fc.constantFrom('\n', '\r', '\r\n'), fc.array(fc.nat(40), { maxLength: 8 }), (list, eol, cuts) => {
        const text = list
          .map((event) => `${event.id !== undefined ? `id: ${event.id}${eol}` : ''}${event.type ? `event: ${event.type}${eol}` : ''}${event.data.map((d) => `data: ${d}`).join(eol)}${eol}${eol}`)
          .join('');
        const whole = parse([text]).events;
        const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let from = 0;
        for (const position of positions) {
          chunks.push(text.slice(from, position));
          from = position;
        }
        chunks.push(text.slice(from));
        expect(parse(chunks).events).to.deep.equal(whole);
        expect(whole.length).to.equal(list.length);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 10 }), (chunks) => {
        parse(chunks);
      }),
      { numRuns: 500 },
    );
  });
});

describe('live protocol messages', () => {
  it('reads points with ISO (offset) and epoch times, string numbers and null gaps', () => {
    const message = parseLiveMessage(
      JSON.stringify({ type: 'points', id: 9, indicator: 'environment.pm25', area: '90001', points: [['2026-11-24T10:00:00+07:00', '35.5'], [1764000000000, null], { t: '2026-11-24T11:00:00Z', v: 1 }] }),
    );
    expect(message).to.deep.include({ type: 'points', id: '9', indicator: 'environment.pm25', area: '90001' });
    if (message.type !== 'points') throw new Error('type');
    expect(message.t).to.deep.equal([Date.parse('2026-11-24T03:00:00Z'), 1764000000000, Date.parse('2026-11-24T11:00:00Z')]);
    expect(message.v[0]).to.equal(35.5);
    expect(Number.isNaN(message.v[1])).to.equal(true);
  });

  it('takes the type and id from the SSE event when the JSON leaves them out', () => {
    expect(parseLiveMessage('{}', { type: 'heartbeat', id: '4' })).to.deep.equal({ type: 'heartbeat', id: '4' });
  });

  it('rejects malformed messages with a ValidationError naming the field', () => {
    const cases: [string, string][] = [
      ['not json', '(message)'],
      ['[1,2]', '(message)'],
      ['{"type":"nope"}', 'type'],
      ['{"type":"points","indicator":"environment.pm25","area":"1","points":[["yesterday",1]]}', 'points[0][0]'],
      ['{"type":"points","indicator":"<script>","area":"1","points":[]}', 'indicator'],
      ['{"type":"kpi","indicator":"environment.aqi","area":"1","value":true}', 'value'],
      ['{"type":"alerts","alerts":5}', 'alerts'],
    ];
    for (const [json, path] of cases) {
      let caught: unknown;
      try {
        parseLiveMessage(json);
      } catch (error) {
        caught = error;
      }
      expect(caught, json).to.be.instanceOf(ValidationError);
      expect((caught as ValidationError).path, json).to.equal(path);
    }
  });

  it('throws nothing but ValidationError on arbitrary JSON (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.record({ type: fc.constantFrom('points', 'kpi', 'alerts', 'heartbeat', 'reset'), indicator: fc.anything(), area: fc.anything(), points: fc.anything(), value: fc.anything(), observedAt: fc.anything(), id: fc.anything() }).map((r) => JSON.stringify(r))), (text) => {
        try {
          parseLiveMessage(text);
        } catch (error) {
          expect(error).to.be.instanceOf(ValidationError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('backoffDelay', () => {
  it('doubles up to the cap with half fixed and half random', () => {
    const options = { baseMs: 100, maxMs: 1000, random: () => 0 };
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, options))).to.deep.equal([50, 100, 200, 400, 500, 500]);
    expect(backoffDelay(2, { baseMs: 100, maxMs: 1000, random: () => 0.5 })).to.equal(300);
    expect(backoffDelay(1e9, { baseMs: 100, maxMs: 1000, random: () => 0.999 })).to.be.lessThan(1000);
  });
});
