import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../db/database.ts';
import { createTestApp } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { addDocument, schemaValidator } from '../../../test/support/hsds-schemas.ts';

type Json = Record<string, unknown>;
type Parameter = { name: string; in: string; schema: Json };
type Operation = { parameters?: Parameter[]; responses: Record<string, { content?: Record<string, { schema: Json }> }> };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

const documentId = 'urn:tilbudsvifte:openapi';
const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/** Where a path's {id} comes from: the list endpoint beside it. */
const listOf = (template: string) => template.replace(/\/\{id\}$/, '');

describe(`OpenAPI document on ${databaseKind}`, () => {
  let database: Database;
  let app: ReturnType<typeof createTestApp>;
  let document: Document;
  const firstIds = new Map<string, string>();

  before(async () => {
    database = await createTestDatabase();
    app = createTestApp(database);
    const response = await app.request('/api/openapi.json');
    assert.equal(response.status, 200);
    document = (await response.json()) as Document;
    addDocument(documentId, document);
    for (const list of ['/api/hsds/services', '/api/hsds/organizations', '/api/hsds/service_at_locations', '/api/hsds/taxonomies', '/api/hsds/taxonomy_terms']) {
      const page = (await (await app.request(`${list}?per_page=1`)).json()) as { contents: Json[] };
      firstIds.set(list, page.contents[0]!.id as string);
    }
  });
  after(async () => {
    await database.close();
  });

  const realPath = (template: string) =>
    template.replace('{id}', () => {
      const id = firstIds.get(listOf(template));
      assert.ok(id, `no id to put into ${template}`);
      return id;
    });

  const operations = () =>
    Object.entries(document.paths).flatMap(([template, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ template, method, operation })),
    );

  /** A value the server should accept for each parameter the document lists. */
  function sampleValue(template: string, parameter: Parameter): string {
    const byName: Record<string, string | undefined> = {
      page: '1',
      per_page: '5',
      search: 'a',
      format: 'json',
      modified_after: '2020-01-01',
      organization_id: firstIds.get('/api/hsds/organizations'),
      taxonomy_id: firstIds.get('/api/hsds/taxonomies'),
      taxonomy_term_id: firstIds.get('/api/hsds/taxonomy_terms'),
    };
    const value = byName[parameter.name] ?? (parameter.schema.type === 'boolean' ? 'true' : undefined);
    assert.ok(value, `no sample value for ${parameter.name} on ${template}; add one to this test`);
    return value;
  }

  it('is OpenAPI 3.1 in shape', () => {
    assert.match(document.openapi, /^3\.1\./);
    assert.equal(typeof document.paths, 'object');
    assert.ok(Object.keys(document.paths).length > 0);
    for (const { template, method, operation } of operations()) {
      assert.equal(method, 'get', `${template} has ${method}`);
      assert.ok(operation.responses['200'], `${template} has no 200 response`);
      for (const parameter of operation.parameters ?? []) {
        assert.ok(['query', 'path'].includes(parameter.in), `${template}: ${parameter.name}`);
        if (parameter.in === 'path') assert.ok(template.includes(`{${parameter.name}}`), `${template}: ${parameter.name}`);
      }
    }
  });

  it('documents every route the server has under /api', () => {
    const routes = app.routes.filter((route) => route.path.startsWith('/api') && route.method !== 'ALL');
    assert.ok(routes.length > 0);
    for (const route of routes) {
      const template = route.path.replace(/:(\w+)/g, '{$1}');
      assert.ok(document.paths[template]?.[route.method.toLowerCase()], `${route.method} ${route.path} is not in openapi.json`);
    }
  });

  it('every documented path answers 200 with the documented content', async () => {
    for (const { template, operation } of operations()) {
      const path = realPath(template);
      const response = await app.request(path);
      const text = await response.text();
      assert.equal(response.status, 200, `${path} gave ${response.status}: ${text.slice(0, 300)}`);
      const documented = Object.keys(operation.responses['200']!.content ?? {});
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!;
      assert.ok(documented.includes(contentType), `${path} sends ${contentType}, documented: ${documented.join(', ')}`);
      if (!contentType.endsWith('json')) continue;
      const validate = schemaValidator(`${documentId}#/${pointer('paths', template, 'get', 'responses', '200', 'content', contentType, 'schema')}`);
      assert.ok(validate(JSON.parse(text)), `${path} does not match its documented schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  });

  it('paths with an {id} answer an unknown id with the documented 404', async () => {
    for (const { template, operation } of operations().filter(({ template }) => template.includes('{id}'))) {
      const path = template.replace('{id}', '3f2b8c1e-0d4a-5b6c-8d7e-9f0a1b2c3d4e');
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
      assert.ok(operation.responses['404']?.content?.['application/problem+json'], `${template} does not document its 404`);
      const validate = schemaValidator(`${documentId}#/${pointer('paths', template, 'get', 'responses', '404', 'content', 'application/problem+json', 'schema')}`);
      assert.ok(validate(await response.json()), `${path}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('accepts every query parameter it lists, and rejects one it does not', async () => {
    const everyName = new Set(operations().flatMap(({ operation }) => (operation.parameters ?? []).map((parameter) => parameter.name)));
    for (const { template, operation } of operations()) {
      if (!operation.parameters) continue;
      const path = realPath(template);
      const listed = operation.parameters.filter((parameter) => parameter.in === 'query');
      for (const parameter of listed) {
        const query = `${parameter.name}=${encodeURIComponent(sampleValue(template, parameter))}`;
        const response = await app.request(`${path}?${query}`);
        assert.equal(response.status, 200, `${path}?${query} gave ${response.status}: ${await response.text()}`);
      }
      if (listed.length > 0) {
        const all = listed.map((parameter) => `${parameter.name}=${encodeURIComponent(sampleValue(template, parameter))}`).join('&');
        const response = await app.request(`${path}?${all}`);
        assert.equal(response.status, 200, `${path}?${all} gave ${response.status}: ${await response.text()}`);
      }
      const unlisted = ['colour', ...[...everyName].filter((name) => name !== 'id' && !listed.some((parameter) => parameter.name === name))];
      assert.ok(operation.responses['400'], `${template} can answer 400 but does not say so`);
      const validateProblem = schemaValidator(`${documentId}#/${pointer('paths', template, 'get', 'responses', '400', 'content', 'application/problem+json', 'schema')}`);
      for (const name of unlisted) {
        const response = await app.request(`${path}?${name}=1`);
        assert.equal(response.status, 400, `${path}?${name}=1 gave ${response.status}`);
        const body = (await response.json()) as Json;
        assert.equal(body.parameter, name);
        assert.ok(validateProblem(body), `${path}?${name}=1: ${JSON.stringify(validateProblem.errors)}`);
      }
    }
  });

  describe('GET /api/locations.geojson', () => {
    it('is a FeatureCollection of approximate points in the Copenhagen region', async () => {
      const response = await app.request('/api/locations.geojson');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^application\/geo\+json/);
      const body = (await response.json()) as { type: string; features: { type: string; geometry: { type: string; coordinates: number[] }; properties: Json }[] };
      assert.equal(body.type, 'FeatureCollection');
      assert.ok(body.features.length > 0);
      for (const feature of body.features) {
        const name = String(feature.properties.name);
        assert.equal(feature.type, 'Feature');
        assert.equal(feature.geometry.type, 'Point', name);
        const [lon, lat] = feature.geometry.coordinates as [number, number];
        assert.equal(feature.geometry.coordinates.length, 2, name);
        assert.ok(lon >= 12.0 && lon <= 12.8, `${name}: longitude ${lon}`);
        assert.ok(lat >= 55.5 && lat <= 55.9, `${name}: latitude ${lat}`);
        assert.equal(feature.properties.coordinate_precision, 'approximate', name);
        assert.equal(typeof feature.properties.coordinate_note, 'string', name);
        assert.ok((feature.properties.coordinate_note as string).length > 0, name);
      }
    });

    it('has a feature for every service_at_location with coordinates, at the same point', async () => {
      const geojson = (await (await app.request('/api/locations.geojson')).json()) as { features: { id: string; geometry: { coordinates: number[] } }[] };
      const hsds = (await (await app.request('/api/hsds/service_at_locations?per_page=1000')).json()) as { contents: { id: string; location: Json }[] };
      const withPoint = hsds.contents.filter((item) => item.location.latitude !== undefined);
      assert.deepEqual(geojson.features.map((feature) => feature.id).sort(), withPoint.map((item) => item.id).sort());
      for (const item of withPoint) {
        const feature = geojson.features.find((candidate) => candidate.id === item.id)!;
        assert.deepEqual(feature.geometry.coordinates, [item.location.longitude, item.location.latitude]);
      }
    });
  });
});
