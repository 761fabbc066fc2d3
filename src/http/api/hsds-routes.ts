import { type Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import type { z } from 'zod';
import { NotFoundError } from '../../app/errors.ts';
import type { OfferingFilter, RangeRepository } from '../../app/ports.ts';
import { copenhagenDate } from '../../domain/time.ts';
import {
  presentMinimalService,
  presentOrganization,
  presentPage,
  presentService,
  presentServiceAtLocation,
  presentServiceSummary,
  presentTaxonomy,
  presentTaxonomyTerm,
} from '../presenters/hsds.ts';
import {
  noQuery,
  organizationListQuery,
  parseQuery,
  serviceListQuery,
  taxonomyListQuery,
  taxonomyTermListQuery,
} from './query.ts';

export type HsdsDeps = { range: RangeRepository; now: () => Date; baseUrl: string };

/** Send a page as HSDS JSON, or every item as newline-delimited JSON when format=ndjson. */
function sendList(
  c: Context,
  query: { format: 'json' | 'ndjson'; page: number; per_page: number },
  result: { items: unknown[]; total: number },
) {
  if (query.format === 'ndjson') {
    const body = result.items.map((item) => JSON.stringify(item)).join('\n');
    return c.body(body ? `${body}\n` : '', 200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
  }
  return c.json(presentPage(result.items, result.total, query.page, query.per_page));
}

const pageOf = (query: { format: 'json' | 'ndjson'; page: number; per_page: number }) =>
  query.format === 'ndjson' ? ('all' as const) : { page: query.page, perPage: query.per_page };

/** The vocabularies are short, so they are searched by name in memory and paged afterwards. */
function searchAndPage<T extends { name: string }>(
  items: T[],
  query: { format: 'json' | 'ndjson'; page: number; per_page: number; search?: string | undefined },
  present: (item: T) => unknown,
) {
  const needle = query.search?.toLocaleLowerCase('da');
  const matching = needle ? items.filter((item) => item.name.toLocaleLowerCase('da').includes(needle)) : items;
  const page = pageOf(query);
  const slice = page === 'all' ? matching : matching.slice((page.page - 1) * page.perPage, page.page * page.perPage);
  return { items: slice.map(present), total: matching.length };
}

function offeringFilter(query: z.output<typeof serviceListQuery>): OfferingFilter {
  return {
    search: query.search,
    modifiedAfter: query.modified_after,
    organizationId: query.organization_id,
    taxonomyId: query.taxonomy_id,
    taxonomyTermId: query.taxonomy_term_id,
  };
}

function found<T>(value: T | null, what: string, id: string): T {
  if (value === null) throw new NotFoundError(`Der findes ingen ${what} med id ${id}.`);
  return value;
}

/** The Open Referral HSDS 3.0 API under /api/hsds: open data about the whole range, CORS open to all. */
export function hsdsRoutes({ range, now, baseUrl }: HsdsDeps) {
  const app = new Hono();
  app.use('*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }));
  const today = () => copenhagenDate(now());

  app.get('/', (c) => {
    parseQuery(noQuery, c.req.queries());
    return c.json({
      version: '3.0.0',
      profile: `${baseUrl}/api/hsds/profile`,
      openapi_url: `${baseUrl}/api/openapi.json`,
    });
  });

  app.get('/services', async (c) => {
    const query = parseQuery(serviceListQuery, c.req.queries());
    const result = await range.findOfferings(
      offeringFilter(query),
      pageOf(query),
    );
    const date = today();
    const present = query.minimal ? presentMinimalService : query.full ? presentService : presentServiceSummary;
    return sendList(c, query, { items: result.items.map((item) => present(item, date)), total: result.total });
  });

  app.get('/services/:id', async (c) => {
    parseQuery(noQuery, c.req.queries());
    const id = c.req.param('id');
    return c.json(presentService(found(await range.getOffering(id), 'tjeneste', id), today()));
  });

  app.get('/organizations', async (c) => {
    const query = parseQuery(organizationListQuery, c.req.queries());
    const result = await range.findOrganizations({ search: query.search, modifiedAfter: query.modified_after }, pageOf(query));
    return sendList(c, query, { items: result.items.map(presentOrganization), total: result.total });
  });

  app.get('/organizations/:id', async (c) => {
    parseQuery(noQuery, c.req.queries());
    const id = c.req.param('id');
    const organization = found(await range.getOrganization(id), 'organisation', id);
    const services = await range.findOfferings({ organizationId: id }, 'all');
    const date = today();
    return c.json({
      ...presentOrganization(organization),
      services: services.items.map((offering) => presentServiceSummary(offering, date)),
    });
  });

  app.get('/service_at_locations', async (c) => {
    const query = parseQuery(serviceListQuery, c.req.queries());
    const result = await range.findServiceAtLocations(
      offeringFilter(query),
      pageOf(query),
    );
    const date = today();
    return sendList(c, query, {
      items: result.items.map(({ serviceAtLocation, offering }) =>
        presentServiceAtLocation(serviceAtLocation, offering, date, { withSchedules: false }),
      ),
      total: result.total,
    });
  });

  app.get('/service_at_locations/:id', async (c) => {
    parseQuery(noQuery, c.req.queries());
    const id = c.req.param('id');
    const { serviceAtLocation, offering } = found(await range.getServiceAtLocation(id), 'tjeneste på en adresse', id);
    return c.json(presentServiceAtLocation(serviceAtLocation, offering, today(), { withSchedules: true }));
  });

  app.get('/taxonomies', async (c) => {
    const query = parseQuery(taxonomyListQuery, c.req.queries());
    const all = await range.findTaxonomies('all');
    return sendList(c, query, searchAndPage(all.items, query, presentTaxonomy));
  });

  app.get('/taxonomies/:id', async (c) => {
    parseQuery(noQuery, c.req.queries());
    const id = c.req.param('id');
    return c.json(presentTaxonomy(found(await range.getTaxonomy(id), 'taksonomi', id)));
  });

  app.get('/taxonomy_terms', async (c) => {
    const query = parseQuery(taxonomyTermListQuery, c.req.queries());
    const all = await range.findTaxonomyTerms({ taxonomyId: query.taxonomy_id }, 'all');
    return sendList(c, query, searchAndPage(all.items, query, presentTaxonomyTerm));
  });

  app.get('/taxonomy_terms/:id', async (c) => {
    parseQuery(noQuery, c.req.queries());
    const id = c.req.param('id');
    return c.json(presentTaxonomyTerm(found(await range.getTaxonomyTerm(id), 'taksonomiterm', id)));
  });

  return app;
}
