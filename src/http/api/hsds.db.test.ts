import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Database } from '../../db/database.ts';
import { createTestApp } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { validateResponse } from '../../../test/support/hsds-schemas.ts';
import { organizationListQuery, serviceListQuery, taxonomyListQuery, taxonomyTermListQuery } from './query.ts';

type Json = Record<string, unknown>;
type Page = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Json[];
};

const lists = ['services', 'organizations', 'service_at_locations', 'taxonomies', 'taxonomy_terms'] as const;
const unknownId = '3f2b8c1e-0d4a-5b6c-8d7e-9f0a1b2c3d4e';

describe(`HSDS API on ${databaseKind}`, () => {
  let database: Database;
  let app: ReturnType<typeof createTestApp>;

  before(async () => {
    database = await createTestDatabase();
    app = createTestApp(database);
  });
  after(async () => {
    await database.close();
  });

  const request = (path: string) => app.request(`/api/hsds${path}`);

  async function getJson<T = Json>(path: string): Promise<T> {
    const response = await request(path);
    const body = await response.text();
    assert.equal(response.status, 200, `${path} gave ${response.status}: ${body}`);
    return JSON.parse(body) as T;
  }

  async function getValid<T = Json>(path: string): Promise<T> {
    const body = await getJson<T>(path);
    assert.deepEqual(validateResponse(path, body), [], `${path} is not valid HSDS 3.0`);
    return body;
  }

  const getAll = (list: string, query = '') => getValid<Page>(`/${list}?per_page=1000${query}`);
  const names = (page: Page) => page.contents.map((item) => item.name as string).sort();

  async function expectProblem(path: string, status: number) {
    const response = await request(path);
    const text = await response.text();
    assert.equal(response.status, status, `${path} gave ${response.status}: ${text}`);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, path);
    const body = JSON.parse(text) as Json;
    assert.equal(body.status, status, path);
    assert.equal(typeof body.title, 'string', path);
    assert.equal(typeof body.detail, 'string', path);
    return { response, body };
  }

  describe('every endpoint answers with valid HSDS 3.0', () => {
    it('/ names the version, the profile and the OpenAPI document', async () => {
      const body = await getValid('/');
      assert.equal(body.version, '3.0.0');
    });

    for (const list of lists) {
      it(`/${list} and /${list}/{id} for every item`, async () => {
        const page = await getAll(list);
        assert.ok(page.total_items > 0, `${list} is empty`);
        assert.equal(page.total_pages, 1);
        assert.equal(page.contents.length, page.total_items);
        for (const item of page.contents) {
          const detail = await getValid(`/${list}/${item.id}`);
          assert.equal(detail.id, item.id);
        }
      });
    }

    it('/services with minimal=true and full=true', async () => {
      const minimal = await getAll('services', '&minimal=true');
      const full = await getAll('services', '&full=true');
      assert.equal(minimal.total_items, 30);
      assert.equal(full.total_items, 30);
      assert.ok(full.contents.every((item) => Array.isArray(item.service_at_locations)));
    });
  });

  describe('paging', () => {
    for (const list of lists) {
      it(`/${list} in pages of 7 covers the list exactly once`, async () => {
        const all = await getAll(list);
        const pages = Math.ceil(all.total_items / 7);
        const seen: string[] = [];
        for (let number = 1; number <= pages; number++) {
          const page = await getValid<Page>(`/${list}?per_page=7&page=${number}`);
          assert.equal(page.total_items, all.total_items);
          assert.equal(page.total_pages, pages);
          assert.equal(page.page_number, number);
          assert.equal(page.size, page.contents.length);
          assert.equal(page.first_page, number === 1);
          assert.equal(page.last_page, number === pages);
          assert.equal(page.empty, false);
          seen.push(...page.contents.map((item) => item.id as string));
        }
        assert.equal(new Set(seen).size, seen.length, 'an id repeats across pages');
        assert.deepEqual([...seen].sort(), all.contents.map((item) => item.id as string).sort());

        const beyond = await getValid<Page>(`/${list}?per_page=7&page=${pages + 1}`);
        assert.equal(beyond.empty, true);
        assert.equal(beyond.size, 0);
        assert.deepEqual(beyond.contents, []);
        assert.equal(beyond.total_items, all.total_items);
      });
    }
  });

  describe('format=ndjson', () => {
    for (const list of lists) {
      it(`/${list} gives every item, one JSON object per line`, async () => {
        const all = await getAll(list);
        const response = await request(`/${list}?format=ndjson&per_page=3`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^application\/x-ndjson/);
        const text = await response.text();
        assert.ok(text.endsWith('\n'));
        const items = text
          .slice(0, -1)
          .split('\n')
          .map((line) => JSON.parse(line) as Json);
        assert.ok(items.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item)));
        assert.equal(items.length, all.total_items);
        const asPage = { ...all, size: items.length, contents: items };
        assert.deepEqual(validateResponse(`/${list}`, asPage), []);
      });
    }
  });

  describe('search', () => {
    it('finds a værested by a Danish inflection of the word', async () => {
      assert.ok(names(await getAll('services', '&search=v%C3%A6restederne')).includes('Værestedet Lyrskovgade'));
    });

    it('finds offerings by words in their description', async () => {
      const found = await getAll('services', '&search=f%C3%A6llesspisning');
      assert.ok(names(found).includes('Ungehus og brugerdrevet café'));
      for (const item of found.contents) {
        const detail = await getJson(`/services/${item.id}`);
        assert.match(`${detail.name} ${detail.description}`.toLowerCase(), /fællesspis/);
      }
    });

    it('finds Nabo and Nabo Satellit by name', async () => {
      const found = names(await getAll('services', '&search=Nabo'));
      assert.ok(found.includes('Nabo') && found.includes('Nabo Satellit'), found.join(', '));
    });

    it('also searches service_at_locations', async () => {
      const found = await getAll('service_at_locations', '&search=Nabo');
      const services = new Set(found.contents.map((item) => (item.service as Json).name));
      assert.ok(services.has('Nabo') && services.has('Nabo Satellit'));
    });
  });

  describe('modified_after', () => {
    for (const list of ['services', 'organizations', 'service_at_locations']) {
      it(`/${list}: far in the future gives nothing, far in the past everything`, async () => {
        const all = await getAll(list);
        assert.equal((await getAll(list, '&modified_after=2999-01-01')).total_items, 0);
        assert.equal((await getAll(list, '&modified_after=2999-01-01T00:00:00Z')).total_items, 0);
        assert.equal((await getAll(list, '&modified_after=1990-01-01')).total_items, all.total_items);
        assert.equal((await getAll(list, '&modified_after=1990-01-01T00:00:00%2B01:00')).total_items, all.total_items);
        // A + typed straight into the URL arrives as a space.
        assert.equal((await getAll(list, '&modified_after=1990-01-01T00:00:00+01:00')).total_items, all.total_items);
        assert.equal((await getAll(list, '&modified_after=2999-01-01T00:00:00+01:00')).total_items, 0);
      });
    }
  });

  describe('filters', () => {
    async function termId(taxonomy: string, code: string) {
      const terms = await getAll('taxonomy_terms');
      const term = terms.contents.find((item) => item.taxonomy === taxonomy && item.code === code);
      assert.ok(term, `no term ${taxonomy}/${code}`);
      return term.id as string;
    }

    const carries = (service: Json, id: string) =>
      (service.attributes as Json[]).some((attribute) => attribute.taxonomy_term_id === id);

    it('taxonomy_term_id returns exactly the offerings carrying the term', async () => {
      const young = await termId('maalgruppe', 'young');
      const all = await getAll('services', '&full=true');
      const filtered = await getAll('services', `&full=true&taxonomy_term_id=${young}`);
      assert.ok(filtered.total_items > 0);
      assert.ok(filtered.contents.every((service) => carries(service, young)));
      assert.deepEqual(names(filtered), names({ ...all, contents: all.contents.filter((service) => carries(service, young)) }));
      const atLocations = await getAll('service_at_locations', `&taxonomy_term_id=${young}`);
      const serviceIds = new Set(filtered.contents.map((service) => service.id));
      assert.ok(atLocations.contents.every((item) => serviceIds.has(item.service_id)));
    });

    it('taxonomy_term_id of a profile term returns offerings with that profile', async () => {
      const social = await termId('tilbudsprofil', 'social');
      const filtered = await getAll('services', `&taxonomy_term_id=${social}`);
      assert.ok(filtered.total_items > 0);
      assert.ok(filtered.contents.every((service) => service.dk_profile === 'social'));
    });

    it('taxonomy_id returns offerings with a term from that taxonomy', async () => {
      const taxonomies = await getAll('taxonomies');
      const targetGroup = taxonomies.contents.find((item) => item.dk_slug === 'maalgruppe')!;
      const filtered = await getAll('services', `&taxonomy_id=${targetGroup.id}`);
      assert.ok(filtered.total_items > 0);
      assert.ok(filtered.contents.every((service) => (service.dk_target_groups as string[]).length > 0));
      const terms = await getAll('taxonomy_terms', `&taxonomy_id=${targetGroup.id}`);
      assert.ok(terms.contents.every((term) => term.taxonomy_id === targetGroup.id));
    });

    it('organization_id for We Shelter returns the offerings it runs', async () => {
      const organizations = await getAll('organizations', '&search=We%20Shelter');
      assert.equal(organizations.total_items, 1);
      const weShelter = organizations.contents[0]!;
      const expected = ['Gartneriet i Vadsby', 'Nabo', 'Nabo Satellit'];
      assert.deepEqual(names(await getAll('services', `&organization_id=${weShelter.id}`)), expected);
      const detail = await getJson<{ services: Json[] }>(`/organizations/${weShelter.id}`);
      assert.deepEqual(detail.services.map((service) => service.name).sort(), expected);
    });

    it('an unknown organization_id gives an empty list, not an error', async () => {
      const page = await getValid<Page>(`/services?organization_id=${unknownId}`);
      assert.equal(page.empty, true);
    });
  });

  describe('CORS is open to every origin', () => {
    const cases: [string, number][] = [
      ['/services', 200],
      [`/services/${unknownId}`, 404],
      ['/services?page=abc', 400],
      ['/nowhere', 404],
    ];
    for (const [path, status] of cases) {
      it(`${path} (${status})`, async () => {
        const response = await request(path);
        assert.equal(response.status, status);
        assert.equal(response.headers.get('access-control-allow-origin'), '*');
      });
    }
  });

  describe('the portfolio', () => {
    it('serves all 30 offerings', async () => {
      assert.equal((await getAll('services')).total_items, 30);
    });

    it('marks every coordinate as approximate', async () => {
      const services = await getAll('services', '&full=true');
      const locations = [
        ...services.contents.flatMap((service) => (service.service_at_locations as Json[]).map((item) => item.location as Json)),
        ...(await getAll('service_at_locations')).contents.map((item) => item.location as Json),
      ];
      const withPoint = locations.filter((location) => location.latitude !== undefined);
      assert.ok(withPoint.length > 0);
      for (const location of locations) {
        assert.equal(location.latitude === undefined, location.longitude === undefined, String(location.name));
      }
      for (const location of withPoint) assert.equal(location.dk_coordinate_precision, 'approximate', String(location.name));
    });

    it('an offering without a fixed address has no coordinates', async () => {
      const [satellite] = (await getAll('services', '&search=Nabo%20Satellit')).contents.filter((item) => item.name === 'Nabo Satellit');
      assert.ok(satellite);
      const service = await getValid(`/services/${satellite.id}`);
      const item = (service.service_at_locations as Json[]).find((candidate) => (candidate.location as Json).dk_no_fixed_address === true);
      assert.ok(item, 'Nabo Satellit has no location without a fixed address');
      const atLocation = await getValid(`/service_at_locations/${item.id}`);
      for (const area of [item.location as Json, atLocation.location as Json]) {
        assert.equal(area.dk_no_fixed_address, true);
        assert.equal(area.latitude, undefined);
        assert.equal(area.longitude, undefined);
        assert.deepEqual(area.addresses ?? [], []);
      }
    });

    it('labels example schedules as example data', async () => {
      const services = await getAll('services', '&full=true');
      const schedules = services.contents.flatMap((service) => service.schedules as Json[]);
      const examples = schedules.filter((schedule) => schedule.dk_is_example === true);
      assert.ok(examples.length > 0, 'no example schedules');
      for (const schedule of examples) assert.match(String(schedule.notes), /eksempeldata/);
      for (const schedule of schedules.filter((item) => item.dk_is_example !== true)) assert.doesNotMatch(String(schedule.notes ?? ''), /eksempeldata/);
      const withExamples = services.contents.find((service) => (service.schedules as Json[]).some((schedule) => schedule.dk_is_example === true))!;
      const [atLocation] = withExamples.service_at_locations as Json[];
      const detail = await getValid(`/service_at_locations/${atLocation!.id}`);
      const shown = (detail.schedules as Json[]).filter((schedule) => schedule.dk_is_example === true);
      assert.ok(shown.length > 0);
      for (const schedule of shown) assert.match(String(schedule.notes), /eksempeldata/);
    });

    it('publishes every other week, the n-th weekday, exceptions and the holiday choices from the schedule model', async () => {
      const services = await getAll('services', '&full=true');
      const byName = (name: string) => services.contents.find((service) => service.name === name)!;
      const pinta = byName('Pinta').schedules as Json[];
      assert.ok(pinta.some((item) => item.freq === 'WEEKLY' && item.interval === 2 && item.byday === 'SA' && item.dtstart === '2026-11-28'));
      const kontakten = byName('Kontakten').schedules as Json[];
      assert.ok(kontakten.some((item) => item.valid_from === '2026-05-01' && item.valid_to === '2026-09-30'));
      const fountainHouse = byName('Fountain House').schedules as Json[];
      assert.ok(
        fountainHouse.some((item) => item.dk_exception === 'hours' && item.valid_from === '2026-12-28' && item.opens_at === '10:00'),
      );
      const nabo = byName('Nabo');
      assert.deepEqual((nabo.dk_holiday_policy as Json).standard, 'closed');
      assert.ok(((nabo.dk_holiday_policy as Json).rules as Json[]).some((rule) => rule.holiday === 'juleaftensdag' && rule.kind === 'hours'));
      const activities = nabo.dk_activities as Json[];
      assert.ok(activities.some((item) => item.name === 'Læsekreds på biblioteket' && (item.place as Json).name === 'Sundby Bibliotek'));
    });
  });

  describe('bad input', () => {
    const cases: [string, string][] = [
      ['page=-1', 'page'],
      ['page=abc', 'page'],
      ['page=0', 'page'],
      ['page=1.5', 'page'],
      ['per_page=1000000000', 'per_page'],
      ['per_page=0', 'per_page'],
      ['modified_after=yesterday', 'modified_after'],
      ['modified_after=2026-02-30', 'modified_after'],
      ['modified_after=2026-01-01T25:00:00Z', 'modified_after'],
      ['organization_id=not-a-uuid', 'organization_id'],
      ['taxonomy_term_id=42', 'taxonomy_term_id'],
      ['taxonomy_id=x', 'taxonomy_id'],
      ['minimal=yes', 'minimal'],
      ['format=xml', 'format'],
      ['colour=red', 'colour'],
      [`search=${'a'.repeat(201)}`, 'search'],
      ['page=1&page=2', 'page'],
    ];
    for (const [query, parameter] of cases) {
      it(`/services?${query} is a 400 naming ${parameter}`, async () => {
        const { body } = await expectProblem(`/services?${query}`, 400);
        assert.equal(body.parameter, parameter);
        assert.ok((body.detail as string).includes(parameter), String(body.detail));
      });
    }

    for (const list of lists) {
      for (const [query, parameter] of [['page=-1', 'page'], ['per_page=0', 'per_page'], ['format=xml', 'format'], ['colour=red', 'colour']]) {
        it(`/${list}?${query} is a 400 naming ${parameter}`, async () => {
          assert.equal((await expectProblem(`/${list}?${query}`, 400)).body.parameter, parameter);
        });
      }
      it(`/${list}/{unknown uuid} is a 404`, async () => {
        const { body } = await expectProblem(`/${list}/${unknownId}`, 404);
        assert.ok((body.detail as string).includes(unknownId));
      });
      it(`/${list}/abc is a 404, not a 500`, async () => {
        await expectProblem(`/${list}/abc`, 404);
      });
      it(`/${list}/{id}?colour=red is a 400`, async () => {
        const [first] = (await getAll(list)).contents;
        assert.equal((await expectProblem(`/${list}/${first!.id}?colour=red`, 400)).body.parameter, 'colour');
      });
    }

    for (const list of lists) {
      it(`/${list}?search= with a NUL character is answered, not a 500`, async () => {
        await getValid(`/${list}?search=Nabo%00`);
      });
    }

    it('/?colour=red is a 400', async () => {
      assert.equal((await expectProblem('/?colour=red', 400)).body.parameter, 'colour');
    });

    it('no query string makes a list endpoint answer with a server error', async () => {
      const awkward = ['\u0000', '%', '+', '"', "'", '\\', ' ', '\t', '\n', '&', '=', '#', '?', 'æ', 'Å', '\u200b', '\u{1F600}', ':', '*', '|', '!', '(', '-', '1'];
      const text = fc.oneof(
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'binary' }),
        { arbitrary: fc.string({ unit: fc.constantFrom(...awkward), maxLength: 30 }), weight: 3 },
        fc.constantFrom('%E0%A4%A', '%FF', '%%', '%00', 'værestederne', 'Nabo', 'café', 'a'.repeat(10_000), 'æøå'.repeat(70)),
        fc.integer().map(String),
      );
      // Mostly well-formed values, so that the awkward ones often get past the other parameters to the database.
      const flag = fc.constantFrom('true', 'false');
      const id = fc.oneof(fc.uuid(), fc.constant(unknownId));
      const plausible: Record<string, fc.Arbitrary<string>> = {
        page: fc.integer({ min: -2, max: 100_002 }).map(String),
        per_page: fc.integer({ min: -2, max: 1002 }).map(String),
        format: fc.constantFrom('json', 'ndjson'),
        search: text,
        modified_after: fc.oneof(
          fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((date) => date.toISOString()),
          fc.constantFrom('2026-03-29T02:30:00', '2026-10-25 02:30', '0000-01-01', '99999-01-01', '2026-13-01', '2026-02-29'),
        ),
        organization_id: id,
        taxonomy_id: id,
        taxonomy_term_id: id,
        minimal: flag,
        full: flag,
        full_service: flag,
      };
      const queries = { services: serviceListQuery, organizations: organizationListQuery, service_at_locations: serviceListQuery, taxonomies: taxonomyListQuery, taxonomy_terms: taxonomyTermListQuery };
      const junk = fc.record({ key: fc.oneof(fc.constantFrom('_', '_ts', 'colour', '', '%', 'page[]', 'søg', 'Page'), fc.string({ unit: 'grapheme' })), value: text });
      const call = fc.constantFrom(...lists).chain((list) =>
        fc.record({
          list: fc.constant(list),
          known: fc.subarray(Object.keys(queries[list].shape), { maxLength: 4 }).chain((names) =>
            fc.tuple(...names.map((name) => fc.tuple(fc.constant(name), fc.oneof({ arbitrary: plausible[name]!, weight: 6 }, text)))),
          ),
          junk: fc.oneof({ arbitrary: fc.constant([]), weight: 4 }, fc.array(junk, { minLength: 1, maxLength: 2 })),
          raw: fc.boolean(),
        }),
      );
      // Raw text goes into the URL as it is (stray % and all); only the characters that split a query are escaped.
      const encode = (part: string, raw: boolean) => (raw ? part.replace(/[#&=?]/g, encodeURIComponent) : encodeURIComponent(part.toWellFormed()));
      await fc.assert(
        fc.asyncProperty(call, async ({ list, known, junk: extra, raw }) => {
          const pairs = [...known.map(([key, value]) => ({ key, value })), ...extra];
          const query = pairs.map(({ key, value }) => `${encode(key, raw)}=${encode(value, raw)}`).join('&');
          const response = await request(`/${list}?${query}`);
          await response.arrayBuffer();
          assert.ok(response.status < 500, `/${list}?${query.slice(0, 500)} gave ${response.status}`);
        }),
        { numRuns: 150 },
      );
    });
  });
});
