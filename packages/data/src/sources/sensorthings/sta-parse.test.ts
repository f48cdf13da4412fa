import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { listShared, startTestServer, type TestServer } from '../../../../../tests/support/server.js';
import { IocDataError, ValidationError } from '../../contract/errors.js';
import { HttpClient } from '../../internal/http.js';
import { normaliseKeys, readCollection, readDataArray, readDatastream, readObservation, readThing, readTimeOrInterval, readUnitOfMeasurement, type StaProblem, type StaRecord } from './sta-parse.js';
import { expandText, readAllPages, resolveNextLink, staQueryString, staString } from './sta-query.js';

const SERVER = 'packages/data/src/sources/sensorthings/sta.test-server.mjs';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('SensorThings query options', () => {
  it('writes nested $expand with ;-separated options, and encodes each value once', () => {
    const expand = { Datastreams: { select: ['id', 'name'], filter: "ObservedProperty/name eq 'PM2.5'", expand: { Observations: { top: 1, orderby: 'phenomenonTime desc', count: true } } }, Locations: true as const };
    expect(expandText(expand)).to.equal("Datastreams($select=id,name;$filter=ObservedProperty/name eq 'PM2.5';$expand=Observations($orderby=phenomenonTime desc;$top=1;$count=true)),Locations");
    const text = staQueryString({ filter: 'result gt 5', expand, top: 10, skip: 20, count: true, select: ['phenomenonTime', 'result'], orderby: 'phenomenonTime asc', resultFormat: 'dataArray' });
    expect(text.startsWith('?$select=phenomenonTime%2Cresult&$filter=result%20gt%205&$expand=Datastreams(')).to.equal(true);
    expect(text.endsWith('&$orderby=phenomenonTime%20asc&$top=10&$skip=20&$count=true&$resultFormat=dataArray')).to.equal(true);
    const decoded = new URL(`http://x/${text}`).searchParams;
    expect(decoded.get('$expand')).to.equal(expandText(expand));
  });

  it('quotes text literals so a hostile name cannot change the filter', () => {
    expect(staString("O'Brien' or 1 eq 1 or 'x")).to.equal("'O''Brien'' or 1 eq 1 or ''x'");
  });

  it('resolves @iot.nextLink: absolute, relative, bare, percent-encoded kept, foreign host rebased', () => {
    const root = 'http://127.0.0.1:9000/sta/v1.1';
    const page = `${root}/Datastreams(1)/Observations?$top=4`;
    expect(resolveNextLink(`${root}/Observations?$skip=4`, page, root)).to.equal(`${root}/Observations?$skip=4`);
    expect(resolveNextLink('/FROST-Server/v1.1/Observations?$top=4&$skip=4', page, root)).to.equal('http://127.0.0.1:9000/FROST-Server/v1.1/Observations?$top=4&$skip=4');
    expect(resolveNextLink('Observations?$skip=8', page, root)).to.equal(`${root}/Datastreams(1)/Observations?$skip=8`);
    expect(resolveNextLink(`${root}/Things?$filter=%28name+eq+%27a%27%29`, page, root)).to.equal(`${root}/Things?$filter=%28name+eq+%27a%27%29`);
    expect(resolveNextLink('http://10.0.0.5:8080/sta/v1.1/Observations?$skip=4', page, root)).to.equal(`${root}/Observations?$skip=4`);
    expect(thrown(() => resolveNextLink('javascript:alert(1)', page, root))).to.be.instanceOf(ValidationError);
  });
});

describe('SensorThings readers', () => {
  it('reads instants and intervals with their offsets, and zone-less times as Vietnamese time', () => {
    expect(readTimeOrInterval('2014-12-31T11:59:59.00+08:00', 't')).to.deep.equal({ start: Date.parse('2014-12-31T03:59:59Z'), end: Date.parse('2014-12-31T03:59:59Z') });
    expect(readTimeOrInterval('2015-01-25T12:00:00-07:00', 't').start).to.equal(Date.parse('2015-01-25T19:00:00Z'));
    expect(readTimeOrInterval('2014-03-01T13:00:00Z/2015-05-11T15:30:00Z', 't')).to.deep.equal({ start: Date.parse('2014-03-01T13:00:00Z'), end: Date.parse('2015-05-11T15:30:00Z') });
    expect(readTimeOrInterval('2026-11-24T08:00:00', 't').start).to.equal(Date.parse('2026-11-24T01:00:00Z'));
    for (const bad of ['yesterday', '2015-05-11T15:30:00Z/2014-03-01T13:00:00Z', 'a/b/c', null, {}]) {
      expect(thrown(() => readTimeOrInterval(bad, 'phenomenonTime')), JSON.stringify(bad)).to.be.instanceOf(ValidationError);
    }
  });

  it('turns unitOfMeasurement into a unit code and label', () => {
    expect(readUnitOfMeasurement({ name: 'microgram per cubic metre', symbol: 'µg/m³', definition: 'http://unitsofmeasure.org/ucum.html#para-30' }, 'u')).to.deep.equal({ code: 'ug/m3', system: 'UCUM', label: { vi: 'µg/m³', en: 'µg/m³' } });
    expect(readUnitOfMeasurement({ name: 'lux', symbol: 'lx', definition: null }, 'u').label.vi).to.equal('lx');
    expect(readUnitOfMeasurement({ name: 'Bq', symbol: '<b>Bq</b>', definition: null }, 'u').label.vi, 'unknown symbols are plain text').to.equal('<b>Bq</b>');
    expect(thrown(() => readUnitOfMeasurement('mg', 'u'))).to.be.instanceOf(ValidationError);
  });

  it('rejects a dataArray row of the wrong length with the row path', () => {
    const error = thrown(() => readDataArray({ value: [{ components: ['phenomenonTime', 'result'], dataArray: [['2026-01-01T00:00:00Z', 1], ['2026-01-01T01:00:00Z']] }] }));
    expect((error as ValidationError).path).to.equal('(body).value[0].dataArray[1]');
  });

  it('with onProblem, skips a bad Observation or row and reports it; an unreadable resultTime is read as null', () => {
    const problems: StaProblem[] = [];
    const onProblem = (problem: StaProblem) => problems.push(problem);
    expect(readObservation({ '@iot.id': 7, result: 1 }, 'o', [], onProblem)).to.equal(undefined);
    expect(readObservation({ '@iot.id': 8, phenomenonTime: 'soon', result: 1 }, 'o', [], onProblem)).to.equal(undefined);
    expect(readObservation(42, 'o', [], onProblem)).to.equal(undefined);
    expect(readObservation({ '@iot.id': 9, phenomenonTime: '2026-01-01T00:00:00Z', resultTime: 'later', result: 2 }, 'o', [], onProblem)).to.deep.equal({ id: '9', time: Date.parse('2026-01-01T00:00:00Z'), end: Date.parse('2026-01-01T00:00:00Z'), result: 2, resultTime: null });
    expect(problems.map((p) => [p.code, p.field, p.observation, p.consequence])).to.deep.equal([
      ['missing-time', 'phenomenonTime', '7', 'skipped'],
      ['invalid-time', 'phenomenonTime', '8', 'skipped'],
      ['invalid-record', '(row)', undefined, 'skipped'],
      ['invalid-time', 'resultTime', '9', 'read as null'],
    ]);
    problems.length = 0;
    const page = readDataArray({ value: [{ components: ['phenomenonTime', 'result'], dataArray: [['2026-01-01T00:00:00Z', 1], ['2026-01-01T01:00:00Z'], [null, 3], ['2026-01-01T03:00:00Z', 4]] }] }, '(body)', onProblem);
    expect(page.blocks[0]!.observations.map((o) => o.result)).to.deep.equal([1, 4]);
    expect(problems.map((p) => [p.code, p.path])).to.deep.equal([
      ['invalid-record', '(body).value[0].dataArray[1]'],
      ['missing-time', '(body).value[0].dataArray[2][0]'],
    ]);
    // Without a handler, the same row is still a ValidationError (the strict readers are unchanged).
    expect(thrown(() => readObservation({ result: 1 }, 'o'))).to.be.instanceOf(ValidationError);
  });

  it('with onProblem, readObservation never throws and readDataArray throws only for a page that is not one (property)', () => {
    const anything = fc.oneof(fc.anything(), fc.string(), fc.constant(null), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
    const observation = fc.record({ '@iot.id': anything, phenomenonTime: anything, result: anything, resultTime: anything }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(anything, observation), fc.array(fc.oneof(fc.array(anything, { maxLength: 4 }), anything), { maxLength: 6 }), (raw, rows) => {
        const problems: StaProblem[] = [];
        const read = readObservation(raw, 'o', [], (problem) => problems.push(problem));
        if (read) expect(Number.isFinite(read.time) && Number.isFinite(read.end)).to.equal(true);
        else expect(problems.length).to.be.greaterThan(0);
        const page = readDataArray({ value: [{ components: ['id', 'phenomenonTime', 'result'], dataArray: rows }] }, '(body)', (problem) => problems.push(problem));
        const kept = page.blocks[0]!.observations;
        for (const entry of kept) expect(Number.isFinite(entry.time)).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but ValidationError, whatever the payload (property)', () => {
    const readers: ((input: unknown) => unknown)[] = [
      (input) => readCollection(input),
      (input) => readDataArray(input),
      (input) => readObservation(input, 'o'),
      (input) => readDatastream(input, 'd'),
      (input) => readThing(input, 't'),
      (input) => readTimeOrInterval(input, 't'),
      (input) => readUnitOfMeasurement(input, 'u'),
    ];
    const staLike = fc.record(
      {
        '@iot.id': fc.oneof(fc.integer(), fc.string(), fc.constant(null)),
        'value': fc.array(fc.anything(), { maxLength: 3 }),
        'values': fc.array(fc.anything(), { maxLength: 3 }),
        '@iot.count': fc.anything(),
        '@iot.nextLink': fc.anything(),
        'phenomenonTime': fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.anything()),
        'result': fc.anything(),
        'resultTime': fc.anything(),
        'unitOfMeasurement': fc.anything(),
        'components': fc.oneof(fc.constant(['phenomenonTime', 'result']), fc.anything()),
        'dataArray': fc.array(fc.array(fc.anything(), { maxLength: 3 }), { maxLength: 3 }),
        'Datastreams': fc.array(fc.anything(), { maxLength: 2 }),
        'Observations': fc.array(fc.anything(), { maxLength: 2 }),
        'Locations': fc.array(fc.anything(), { maxLength: 2 }),
        'Thing': fc.anything(),
        'ObservedProperty': fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), staLike, fc.json().map((text) => JSON.parse(text) as unknown)), (input) => {
        for (const read of readers) {
          const error = thrown(() => read(input));
          if (error !== undefined) expect(error).to.be.instanceOf(ValidationError);
        }
      }),
      { numRuns: 400 },
    );
  });
});

/** What each public fixture must read as. A new file without an entry must still read or fail with a ValidationError. */
const EXPECTATIONS: Record<string, (body: unknown, server: TestServer) => Promise<void> | void> = {
  'ogc-18-088-thing.json': (body) => {
    const thing = readThing(body, 'thing');
    expect(thing).to.deep.include({ id: '1', name: 'Oven' });
    expect(thing.properties).to.deep.equal({ owner: 'Noah Liang', color: 'Black' });
    // Relative navigation links resolve against the entity's selfLink.
    const link = (body as StaRecord)['Locations@iot.navigationLink'] as string;
    expect(resolveNextLink(link, 'http://example.org/v1.1/Things(1)', 'http://example.org/v1.1')).to.equal('http://example.org/v1.1/Things(1)/Locations');
  },
  'ogc-18-088-historicallocations-collection-nextlink.json': (body) => {
    const page = readCollection(body);
    expect(page.items).to.have.length(2);
    expect(page.count).to.equal(undefined);
    expect(page.nextLink).to.equal('http://example.org/v1.1/Things(1)/HistoricalLocations?$skip=2&$top=2');
    expect(readTimeOrInterval(page.items[0]!.time, 'time').start).to.equal(Date.parse('2015-01-25T19:00:00Z'));
  },
  'ogc-18-088-datastream.json': (body) => {
    const datastream = readDatastream(body, 'datastream');
    expect(datastream).to.deep.include({ id: '1', name: 'oven temperature' });
    expect(datastream.unit).to.deep.equal({ code: 'Cel', system: 'UCUM', label: { vi: '°C', en: '°C' } });
    expect(datastream.phenomenonTime).to.deep.equal({ start: Date.parse('2014-03-01T13:00:00Z'), end: Date.parse('2015-05-11T15:30:00Z') });
  },
  'ogc-18-088-observation.json': (body) => {
    expect(readObservation(body, 'observation')).to.deep.equal({ id: '1', time: Date.parse('2014-12-31T03:59:59Z'), end: Date.parse('2014-12-31T03:59:59Z'), result: 70.4, resultTime: Date.parse('2014-12-31T03:59:59Z') });
  },
  'ogc-18-088-things-expand-datastreams.json': (body) => {
    const page = readCollection(body);
    expect(page.quirks).to.deep.equal(['(body): "values" read as "value"']);
    const thing = readThing(page.items[0], 'things[0]');
    expect(thing.datastreams?.map((d) => [d.id, d.unit.label.vi])).to.deep.equal([['1', '°C']]);
    expect(thing.datastreams?.[0]?.thing?.id, 'the parent Thing is linked').to.equal('1');
  },
  'ogc-18-088-observedproperties-count-nextlink.REPAIRED.json': (body) => {
    const page = readCollection(body);
    expect(page.count).to.equal(84);
    expect(page.items.map((item) => item['@iot.id'])).to.deep.equal([1, 2]);
    expect(page.quirks).to.deep.equal(['(body).value[1]: key "@iot.id " read as "@iot.id"']);
    expect(page.nextLink).to.equal('http://example.org/v1.1/ObservedProperties?$top=5&$skip=5');
  },
  'ogc-18-088-observations-dataArray.json': (body) => {
    const page = readDataArray(body);
    expect(page.count).to.equal(42);
    expect(page.nextLink).to.contain('$resultFormat=dataArray&$skip=3');
    const observations = page.blocks[0]!.observations;
    expect(observations.map((o) => [o.id, o.result])).to.deep.equal([['1', 20], ['2', 30], ['3', 0]]);
    expect(observations[1]!.time).to.equal(Date.parse('2005-08-05T12:22:08Z'));
    expect(observations[1]!.resultTime).to.equal(Date.parse('2005-08-05T12:21:13Z'));
  },
  'frost-docs-thing-expand-datastreams-observations-top1-count-nextlink.json': (body) => {
    const thing = readThing(body, 'thing');
    expect(thing.datastreams?.map((d) => [d.id, d.name, d.observationsCount, d.observations?.[0]?.result])).to.deep.equal([
      ['19', 'Temperature measurement', 11179, 4.6],
      ['21', 'Humidity measurement', 19938, 40.5],
    ]);
    expect(thing.datastreams?.[0]?.observationsNextLink).to.equal('http://server.de/FROST-Server/v1.1/Datastreams(19)/Observations?$top=1&$skip=1&$select=result,phenomenonTime&$orderby=phenomenonTime+desc&$count=true');
  },
  'frost-docs-observations-top4-count-nextlink.ELIDED.json': async (body, server) => {
    const page = readCollection(body);
    expect(page.count).to.equal(16);
    const observation = readObservation(page.items[0], 'o');
    expect(observation).to.deep.include({ id: '34', result: 1, resultTime: null, time: Date.parse('2016-06-22T13:21:31.144Z') });
    // The relative nextLink is resolved against the page and followed on the same server; the cap marks the result partial.
    const pageUrl = `${server.url}/fixtures/frost-docs-observations-top4-count-nextlink.ELIDED.json`;
    expect(resolveNextLink(page.nextLink!, pageUrl, `${server.url}/FROST-Server/v1.1`)).to.equal(`${server.url}/FROST-Server/v1.1/Observations?$top=4&$skip=4`);
    const paged = await readAllPages(pageUrl, `${server.url}/FROST-Server/v1.1`, (url) => new HttpClient({ retries: 0 }).getJson(url), { maxPages: 1, read: readCollection });
    expect(paged).to.deep.include({ partial: true, pages: 1, count: 16 });
  },
  'frost-v1.0-real-things-nested-expand-count-nextlink.json': (body, server) => {
    const page = readCollection(body);
    expect(page.count).to.equal(557);
    // Percent-encoded nextLink: followed as sent, never encoded twice; the foreign host is rebased onto the service.
    const next = resolveNextLink(page.nextLink!, 'http://130.89.217.201:8080/frost-server/v1.0/Things', `${server.url}/frost-server/v1.0`);
    expect(next).to.equal(`${server.url}${page.nextLink!.slice(page.nextLink!.indexOf('/frost-server/'))}`);
    expect(next).to.contain('$filter=%28geo.intersects%28Locations%2Flocation');
    const things = page.items.map((item, i) => readThing(item, `things[${i}]`));
    expect(things[0]!.name).to.equal('lightSensor535');
    expect(things[0]!.location).to.deep.equal([-3.80035, 43.46294]);
    const datastream = things[0]!.datastreams![0]!;
    expect(datastream.unit.label.vi).to.equal('lx');
    expect(datastream.observations).to.have.length(1);
    expect(typeof datastream.observations![0]!.time).to.equal('number');
  },
};

describe('SensorThings conformance: public fixtures served by a real server', () => {
  let server: TestServer;
  let files: string[] | undefined;

  before(async () => {
    files = await listShared('fixtures/sta');
    server = await startTestServer(SERVER);
  });
  after(async () => {
    await server.stop();
  });

  it('reads every fixture to the expected values or a clear ValidationError', async function () {
    if (!files) {
      console.log('SensorThings conformance: ../shared/fixtures/sta is absent, skipped.');
      return;
    }
    const client = new HttpClient({ retries: 0 });
    expect(files.length).to.be.greaterThan(0);
    const checked: string[] = [];
    for (const file of files.filter((name) => name.endsWith('.json'))) {
      const body = await client.getJson(`${server.url}/fixtures/${encodeURIComponent(file)}`);
      const expectation = EXPECTATIONS[file];
      if (expectation) {
        await expectation(body, server);
        checked.push(file);
        continue;
      }
      // A fixture added later: it must read as an entity set or an entity, or fail clearly.
      for (const read of [() => readCollection(body), () => readThing(body, 'entity'), () => readObservation(body, 'entity')]) {
        const error = thrown(read);
        if (error !== undefined) expect(error, file).to.be.instanceOf(IocDataError);
      }
    }
    expect(checked.length, `checked ${checked.join(', ')}`).to.equal(Object.keys(EXPECTATIONS).length);
  });

  it('repairs a spec typo only where it is unambiguous', () => {
    const quirks: string[] = [];
    expect(normaliseKeys({ '@iot.id ': 2, name: 'x' }, 'p', quirks)).to.deep.equal({ name: 'x', '@iot.id': 2 });
    expect(normaliseKeys({ '@iot.id': 1, ' @iot.id ': 2 }, 'p', [])['@iot.id'], 'a correct key wins over a repaired one').to.equal(1);
    expect((thrown(() => readCollection({ valeu: [] })) as ValidationError).path).to.equal('(body).value');
  });
});
