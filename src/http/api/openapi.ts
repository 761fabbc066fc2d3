import type { z } from 'zod';
import {
  noQuery,
  organizationListQuery,
  serviceListQuery,
  taxonomyListQuery,
  taxonomyTermListQuery,
} from './query.ts';

/**
 * The OpenAPI 3.1 document for /api. Parameters come from the same zod schemas the routes validate
 * with, so the document cannot promise a parameter the server rejects, or hide one it accepts.
 */

const hsds = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema';

const parameterDocs: Record<string, { description: string; schema: Record<string, unknown> }> = {
  page: { description: 'Sidenummer, fra 1.', schema: { type: 'integer', minimum: 1, default: 1 } },
  per_page: { description: 'Antal pr. side, 1-1000.', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 50 } },
  format: { description: 'json (sider) eller ndjson (alle, én pr. linje).', schema: { type: 'string', enum: ['json', 'ndjson'] } },
  search: { description: 'Fritekst; dansk orddeling (værestederne finder værested).', schema: { type: 'string', maxLength: 200 } },
  modified_after: {
    description: 'Kun poster ændret på eller efter dette tidspunkt (ISO 8601; uden tidszone læses det som dansk tid).',
    schema: { type: 'string' },
  },
  organization_id: { description: 'Kun tilbud, som denne organisation driver, leverer eller er center for.', schema: { type: 'string', format: 'uuid' } },
  taxonomy_id: { description: 'Kun tilbud med mindst én term fra denne taksonomi.', schema: { type: 'string', format: 'uuid' } },
  taxonomy_term_id: { description: 'Kun tilbud med denne term.', schema: { type: 'string', format: 'uuid' } },
  minimal: { description: 'true: kun id, navn, status og last_modified.', schema: { type: 'boolean' } },
  full: { description: 'true: fuldt indlejrede tjenester i listen.', schema: { type: 'boolean' } },
  full_service: { description: 'Accepteres for HSDS-kompatibilitet; organisationens tjenester står altid på /organizations/{id}.', schema: { type: 'boolean' } },
};

function queryParameters(schema: z.ZodObject) {
  return Object.keys(schema.shape).map((name) => {
    const doc = parameterDocs[name];
    if (!doc) throw new Error(`Parameteren ${name} mangler en beskrivelse i openapi.ts.`);
    return { name, in: 'query', required: false, ...doc };
  });
}

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

const problem = {
  description: 'Fejl som application/problem+json.',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

function list(itemRef: string, schema: z.ZodObject, summary: string) {
  return {
    get: {
      summary,
      parameters: queryParameters(schema),
      responses: {
        '200': {
          description: summary,
          content: {
            'application/json': {
              schema: {
                allOf: [{ $ref: '#/components/schemas/Page' }],
                properties: { contents: { type: 'array', items: { $ref: itemRef } } },
              },
            },
            'application/x-ndjson': { schema: { $ref: itemRef } },
          },
        },
        '400': problem,
      },
    },
  };
}

function one(itemRef: string, summary: string) {
  return {
    get: {
      summary,
      parameters: [idParameter, ...queryParameters(noQuery)],
      responses: {
        '200': { description: summary, content: { 'application/json': { schema: { $ref: itemRef } } } },
        '400': problem,
        '404': problem,
      },
    },
  };
}

export function buildOpenApiDocument(baseUrl: string) {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Tilbudsvifte – åbne data om Københavns aktivitets- og samværstilbud',
      version: '1.0.0',
      description:
        'Open Referral HSDS 3.0 med en dansk profil (felter med præfikset dk_, se /api/hsds/profile). Koordinater er omtrentlige, indtil adresserne er geokodet (dk_coordinate_precision). Poster med dk_is_example = true er eksempeldata.',
      license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    },
    servers: [{ url: baseUrl }],
    paths: {
      '/api/hsds/': {
        get: {
          summary: 'Om API’et og dets HSDS-profil',
          parameters: queryParameters(noQuery),
          responses: {
            '200': {
              description: 'HSDS-version, profil og OpenAPI-adresse',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['version', 'profile', 'openapi_url'],
                    properties: {
                      version: { type: 'string' },
                      profile: { type: 'string', format: 'uri' },
                      openapi_url: { type: 'string', format: 'uri' },
                    },
                  },
                },
              },
            },
            '400': problem,
          },
        },
      },
      '/api/hsds/profile': {
        get: {
          summary: 'Den danske HSDS-profil (Markdown)',
          responses: { '200': { description: 'Profilens beskrivelse', content: { 'text/markdown': { schema: { type: 'string' } } } } },
        },
      },
      '/api/hsds/services': list(`${hsds}/compiled/service_list.json`, serviceListQuery, 'Tilbud (tjenester), sideinddelt'),
      '/api/hsds/services/{id}': one(`${hsds}/compiled/service.json`, 'Ét tilbud, fuldt indlejret'),
      '/api/hsds/organizations': list(`${hsds}/compiled/organization_list.json`, organizationListQuery, 'Organisationer: forvaltning, centre og driftsherrer'),
      '/api/hsds/organizations/{id}': one(`${hsds}/compiled/organization.json`, 'Én organisation med dens tilbud'),
      '/api/hsds/service_at_locations': list(
        `${hsds}/compiled/service_at_location_list.json`,
        serviceListQuery,
        'Tilbud på adresser (og områder uden fast adresse)',
      ),
      '/api/hsds/service_at_locations/{id}': one(`${hsds}/compiled/service_at_location.json`, 'Ét tilbud på én adresse'),
      '/api/hsds/taxonomies': list(`${hsds}/taxonomy.json`, taxonomyListQuery, 'Taksonomier: profil, målgruppe, interesse'),
      '/api/hsds/taxonomies/{id}': one(`${hsds}/taxonomy.json`, 'Én taksonomi'),
      '/api/hsds/taxonomy_terms': list(`${hsds}/taxonomy_term.json`, taxonomyTermListQuery, 'Termer i taksonomierne'),
      '/api/hsds/taxonomy_terms/{id}': one(`${hsds}/taxonomy_term.json`, 'Én term'),
      '/api/locations.geojson': {
        get: {
          summary: 'Alle tilbud med koordinater som GeoJSON (omtrentlige koordinater er markeret)',
          parameters: queryParameters(noQuery),
          responses: {
            '200': {
              description: 'FeatureCollection (RFC 7946)',
              content: { 'application/geo+json': { schema: { $ref: '#/components/schemas/FeatureCollection' } } },
            },
            '400': problem,
          },
        },
      },
      '/api/openapi.json': {
        get: {
          summary: 'Dette dokument',
          responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
    },
    components: {
      schemas: {
        Page: {
          type: 'object',
          required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
          properties: {
            total_items: { type: 'integer' },
            total_pages: { type: 'integer' },
            page_number: { type: 'integer' },
            size: { type: 'integer' },
            first_page: { type: 'boolean' },
            last_page: { type: 'boolean' },
            empty: { type: 'boolean' },
            contents: { type: 'array' },
          },
        },
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            parameter: { type: 'string' },
          },
        },
        FeatureCollection: {
          type: 'object',
          required: ['type', 'features'],
          properties: {
            type: { const: 'FeatureCollection' },
            features: {
              type: 'array',
              items: {
                type: 'object',
                required: ['type', 'geometry', 'properties'],
                properties: {
                  type: { const: 'Feature' },
                  geometry: {
                    type: 'object',
                    required: ['type', 'coordinates'],
                    properties: {
                      type: { const: 'Point' },
                      coordinates: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
                    },
                  },
                  properties: { type: 'object' },
                },
              },
            },
          },
        },
      },
    },
  };
}
