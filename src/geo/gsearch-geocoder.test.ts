import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { createGeocoder } from './create-geocoder.ts';
import { type GeocodeOutcome, unavailableMessage } from './geocoder.ts';
import { createGsearchGeocoder, type GsearchGeocoderOptions } from './gsearch-geocoder.ts';

/*
 * Answers in the shape GSearch v2.0 documents (SDFIdk/gsearch doc/README.md and the api.* types in its
 * db/seed SQL): a JSON array; husnummer with visningstekst, kommunekode, postnummer and GeoJSON MultiPoint
 * `geometri` (the entrance) and `vejpunkt_geometri`; navngivenvej with a line `geometri` and a `bbox`;
 * postnummer with a MultiPolygon `geometri` and a `bbox`. Written by hand; ids and coordinates are made up,
 * in WGS84 [longitude, latitude] as asked for with srid=4326. No test here reaches the network.
 */
const portugalsgade10 = {
  id: '0a3f5094-0000-32b8-e044-0003ba298018',
  kommunekode: '0101',
  kommunenavn: 'København',
  vejkode: '5508',
  vejnavn: 'Portugalsgade',
  husnummertekst: '10',
  postnummer: '2300',
  postnummernavn: 'København S',
  visningstekst: 'Portugalsgade 10, 2300 København S',
  geometri: { type: 'MultiPoint', coordinates: [[12.60912, 55.66431]] },
  vejpunkt_geometri: { type: 'MultiPoint', coordinates: [[12.60905, 55.66425]] },
  rang1: 0.61,
  rang2: 0.3,
};
const kapelvejRoskilde = {
  ...portugalsgade10,
  id: '0a3f5094-0000-32b8-e044-000000000002',
  kommunekode: '0265',
  kommunenavn: 'Roskilde',
  vejnavn: 'Kapelvej',
  husnummertekst: '55',
  postnummer: '4000',
  postnummernavn: 'Roskilde',
  visningstekst: 'Kapelvej 55, 4000 Roskilde',
  geometri: { type: 'MultiPoint', coordinates: [[12.0803, 55.6415]] },
};
const kapelvejCopenhagen = {
  ...kapelvejRoskilde,
  id: '0a3f5094-0000-32b8-e044-000000000003',
  kommunekode: '0101',
  kommunenavn: 'København',
  postnummer: '2200',
  postnummernavn: 'København N',
  visningstekst: 'Kapelvej 55, 2200 København N',
  geometri: { type: 'MultiPoint', coordinates: [[12.5497, 55.6893]] },
};
const griffenfeldsgade = {
  id: 'a1b2c3d4-0000-0000-0000-000000000004',
  vejnavn: 'Griffenfeldsgade',
  visningstekst: 'Griffenfeldsgade',
  postnummer: '2200',
  postnummernavne: 'København N',
  geometri: {
    type: 'MultiLineString',
    coordinates: [
      [
        [12.5521, 55.6868],
        [12.5553, 55.6899],
        [12.5589, 55.6931],
      ],
    ],
  },
  bbox: {
    type: 'Polygon',
    coordinates: [
      [
        [12.5521, 55.6868],
        [12.5589, 55.6868],
        [12.5589, 55.6931],
        [12.5521, 55.6931],
        [12.5521, 55.6868],
      ],
    ],
  },
};
const postcode2200 = {
  postnummer: '2200',
  postnummernavn: 'København N',
  visningstekst: '2200 København N',
  gadepostnummer: false,
  geometri: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [12.53, 55.68],
          [12.57, 55.68],
          [12.57, 55.71],
          [12.53, 55.71],
          [12.53, 55.68],
        ],
      ],
      [
        [
          [12.6, 55.6],
          [12.601, 55.6],
          [12.601, 55.601],
          [12.6, 55.6],
        ],
      ],
    ],
  },
  bbox: {
    type: 'Polygon',
    coordinates: [
      [
        [12.53, 55.6],
        [12.601, 55.6],
        [12.601, 55.71],
        [12.53, 55.71],
        [12.53, 55.6],
      ],
    ],
  },
};

const token = 'hemmelig-token-1234567890';

// Any use of the real fetch fails the file: every request here must go to a fake.
const realFetch = globalThis.fetch;
let networkAttempts = 0;
before(() => {
  globalThis.fetch = () => {
    networkAttempts++;
    return Promise.reject(new Error('A test tried to reach the network.'));
  };
});
afterEach(() => {
  assert.equal(networkAttempts, 0, 'this test tried to reach the network');
});
after(() => {
  globalThis.fetch = realFetch;
});

type Call = { url: URL; headers: Headers };
type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A fetch that answers from `handler` by resource name and remembers every request. */
function fakeGsearch(handler: Record<string, unknown[]> | Handler) {
  const calls: Call[] = [];
  const fetch = (async (input: Parameters<typeof globalThis.fetch>[0], init: RequestInit = {}) => {
    const url = new URL(String(input));
    calls.push({ url, headers: new Headers(init.headers) });
    if (typeof handler === 'function') return handler(url, init);
    return json(handler[url.pathname.split('/').pop()!] ?? []);
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

function recordingLogger() {
  const lines: { details: Record<string, unknown>; message: string }[] = [];
  return { lines, warn: (details: Record<string, unknown>, message: string) => lines.push({ details, message }) };
}

function geocoderWith(fake: { fetch: typeof globalThis.fetch }, extra: Partial<GsearchGeocoderOptions> = {}) {
  const logger = recordingLogger();
  const geocoder = createGsearchGeocoder({ token, fetch: fake.fetch, logger, ...extra });
  return { geocoder, logger };
}

function assertFound(outcome: GeocodeOutcome): Extract<GeocodeOutcome, { status: 'found' }> {
  assert.equal(outcome.status, 'found', JSON.stringify(outcome));
  return outcome as Extract<GeocodeOutcome, { status: 'found' }>;
}

describe('the GSearch geocoder (fake fetch, no network)', () => {
  it('an address asks husnummer for WGS84, sends the token as a header, and maps the entrance point', async () => {
    const fake = fakeGsearch({ husnummer: [portugalsgade10] });
    const { geocoder } = geocoderWith(fake);
    const outcome = assertFound(await geocoder.search('Portugalsgade 10'));
    assert.deepEqual(outcome.best, {
      label: 'Portugalsgade 10, 2300 København S',
      latitude: 55.66431,
      longitude: 12.60912,
      precision: 'address',
      postcode: '2300',
    });
    assert.deepEqual(outcome.alternatives, []);
    assert.equal(fake.calls.length, 1);
    const { url, headers } = fake.calls[0]!;
    assert.equal(url.origin + url.pathname, 'https://api.dataforsyningen.dk/rest/gsearch/v2.0/husnummer');
    assert.equal(url.searchParams.get('q'), 'Portugalsgade 10');
    assert.equal(url.searchParams.get('srid'), '4326');
    assert.equal(url.searchParams.get('limit'), '10');
    assert.equal(headers.get('token'), token);
    assert.ok(!url.href.includes(token));
  });

  it('floor and door are left out of the query; postcode and town are kept', async () => {
    const fake = fakeGsearch({ husnummer: [portugalsgade10] });
    await geocoderWith(fake).geocoder.search('Portugalsgade 10, 2. th., 2300 København S');
    assert.equal(fake.calls[0]!.url.searchParams.get('q'), 'Portugalsgade 10, 2300 København S');
  });

  it('the Copenhagen address comes first when the same address exists in another town', async () => {
    const fake = fakeGsearch({ husnummer: [kapelvejRoskilde, kapelvejCopenhagen] });
    const outcome = assertFound(await geocoderWith(fake).geocoder.search('Kapelvej 55'));
    assert.equal(outcome.best.label, 'Kapelvej 55, 2200 København N');
    assert.deepEqual(
      outcome.alternatives.map((a) => a.label),
      ['Kapelvej 55, 4000 Roskilde'],
    );
  });

  it('a postcode asks postnummer and answers the centroid of the largest part', async () => {
    const fake = fakeGsearch({ postnummer: [postcode2200] });
    const outcome = assertFound(await geocoderWith(fake).geocoder.search('2200'));
    assert.equal(fake.calls[0]!.url.pathname.endsWith('/postnummer'), true);
    assert.equal(outcome.best.label, '2200 København N');
    assert.equal(outcome.best.precision, 'postcode');
    assert.equal(outcome.best.postcode, '2200');
    assert.ok(Math.abs(outcome.best.latitude - 55.695) < 1e-9);
    assert.ok(Math.abs(outcome.best.longitude - 12.55) < 1e-9);
  });

  it('a street without a number is placed on the street itself, at street precision', async () => {
    const fake = fakeGsearch({ navngivenvej: [griffenfeldsgade], postnummer: [] });
    const outcome = assertFound(await geocoderWith(fake).geocoder.search('Griffenfeldsgade'));
    assert.deepEqual(outcome.best, {
      label: 'Griffenfeldsgade, 2200 København N',
      latitude: 55.6899,
      longitude: 12.5553,
      precision: 'street',
      postcode: '2200',
    });
    assert.deepEqual(fake.calls.map((c) => c.url.pathname.split('/').pop()).sort(), ['navngivenvej', 'postnummer']);
  });

  it('a town typed in full is the postcode area, before streets that merely contain the name', async () => {
    const fake = fakeGsearch({
      navngivenvej: [{ ...griffenfeldsgade, vejnavn: 'Københavnsvej', visningstekst: 'Københavnsvej' }],
      postnummer: [postcode2200],
    });
    const outcome = assertFound(await geocoderWith(fake).geocoder.search('kobenhavn n'));
    assert.equal(outcome.best.label, '2200 København N');
    assert.equal(outcome.alternatives[0]!.label, 'Københavnsvej, 2200 København N');
  });

  it('a house number the street does not have falls back to the street', async () => {
    const fake = fakeGsearch({ husnummer: [], navngivenvej: [griffenfeldsgade] });
    const outcome = assertFound(await geocoderWith(fake).geocoder.search('Griffenfeldsgade 999'));
    assert.equal(outcome.best.precision, 'street');
    assert.equal(fake.calls[1]!.url.searchParams.get('q'), 'Griffenfeldsgade');
  });

  it('an empty answer is not_found, in Danish, with a suggestion', async () => {
    const fake = fakeGsearch({});
    const outcome = await geocoderWith(fake).geocoder.search('Blåbærvej 3');
    assert.deepEqual(outcome, {
      status: 'not_found',
      query: 'Blåbærvej 3',
      message: 'Vi kunne ikke finde «Blåbærvej 3».',
      suggestion: 'Tjek stavningen, eller prøv kun vejnavnet eller et postnummer, fx 2200.',
    });
  });

  it('HTTP 500 is unavailable, and the status is logged', async () => {
    const fake = fakeGsearch(() => json({ message: 'Internal Server Error' }, 500));
    const { geocoder, logger } = geocoderWith(fake);
    const outcome = await geocoder.search('Portugalsgade 10');
    assert.deepEqual(outcome, { status: 'unavailable', query: 'Portugalsgade 10', message: unavailableMessage });
    assert.equal(outcome.status === 'unavailable' && outcome.message, 'Adressesøgningen svarer ikke lige nu. Du kan stadig søge efter bydel.');
    assert.equal(logger.lines.length, 1);
    assert.equal(logger.lines[0]!.details.status, 500);
  });

  it('a refused token is unavailable too, and logged as such', async () => {
    const fake = fakeGsearch(() => new Response('Forbidden', { status: 403 }));
    const { geocoder, logger } = geocoderWith(fake);
    assert.equal((await geocoder.search('2200')).status, 'unavailable');
    assert.match(logger.lines[0]!.message, /refused the token/);
  });

  it('a timeout is unavailable, and comes within the time limit', async () => {
    const fake = fakeGsearch(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal!.addEventListener('abort', () => reject(init.signal!.reason));
        }),
    );
    const { geocoder, logger } = geocoderWith(fake, { timeoutMs: 50 });
    const started = performance.now();
    const outcome = await geocoder.search('Portugalsgade 10');
    assert.equal(outcome.status, 'unavailable');
    assert.ok(performance.now() - started < 1000);
    assert.match(logger.lines[0]!.message, /timed out/);
  });

  it('an answer that is not a list, or coordinates in UTM metres, count as unavailable', async () => {
    const notAList = fakeGsearch(() => json({ error: 'unexpected' }));
    assert.equal((await geocoderWith(notAList).geocoder.search('2200')).status, 'unavailable');
    const brokenJson = fakeGsearch(() => new Response('<html>', { status: 200 }));
    assert.equal((await geocoderWith(brokenJson).geocoder.search('2200')).status, 'unavailable');
    const utm = fakeGsearch({
      husnummer: [{ ...portugalsgade10, geometri: { type: 'MultiPoint', coordinates: [[727_300.1, 6_173_100.2]] } }],
    });
    const { geocoder, logger } = geocoderWith(utm);
    assert.equal((await geocoder.search('Portugalsgade 10')).status, 'unavailable');
    assert.match(logger.lines[0]!.message, /not WGS84/);
  });

  it('invalid text never reaches GSearch', async () => {
    const fake = fakeGsearch({});
    const { geocoder } = geocoderWith(fake);
    for (const text of ['', '...', '0800', 'x'.repeat(201)]) {
      assert.equal((await geocoder.search(text)).status, 'invalid');
    }
    assert.equal(fake.calls.length, 0);
  });

  it('the token is never in a URL, a log line or an outcome, whatever goes wrong', async () => {
    const failures: Handler[] = [
      () => {
        throw new TypeError(`fetch failed: connect ECONNREFUSED (token ${token})`);
      },
      () => json({ message: `invalid token ${token}` }, 401),
      () => json({ message: 'boom' }, 500),
      () => json([{ visningstekst: token, geometri: { type: 'Point', coordinates: [1e6, 6e6] } }]),
    ];
    for (const failure of failures) {
      const fake = fakeGsearch(failure);
      const { geocoder, logger } = geocoderWith(fake);
      const outcome = await geocoder.search('Portugalsgade 10');
      assert.equal(outcome.status, 'unavailable');
      assert.ok(!JSON.stringify(outcome).includes(token));
      assert.ok(logger.lines.length > 0);
      assert.ok(!JSON.stringify(logger.lines).includes(token), JSON.stringify(logger.lines));
      assert.ok(fake.calls.every((call) => !call.url.href.includes(token)));
    }
  });

  it('refuses to start without a token', () => {
    assert.throws(() => createGsearchGeocoder({ token: ' ' }));
  });
});

describe('choosing the geocoder from the settings', () => {
  it('fixture by default, offline', async () => {
    const geocoder = createGeocoder({ geocoder: 'fixture', gsearchToken: undefined });
    assert.equal((await geocoder.search('2200')).status, 'found');
  });

  it('gsearch with a token, using the fetch it is given', async () => {
    const fake = fakeGsearch({ postnummer: [postcode2200] });
    const geocoder = createGeocoder({ geocoder: 'gsearch', gsearchToken: token }, { fetch: fake.fetch });
    assert.equal((await geocoder.search('2200')).status, 'found');
    assert.equal(fake.calls[0]!.headers.get('token'), token);
  });

  it('gsearch without a token is a programming error (loadConfig stops it first)', () => {
    assert.throws(() => createGeocoder({ geocoder: 'gsearch', gsearchToken: undefined }));
  });
});
