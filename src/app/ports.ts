import type {
  Offering,
  Organization,
  Page,
  PageRequest,
  ServiceAtLocation,
  Taxonomy,
  TaxonomyTerm,
} from '../domain/range.ts';

/** What the use cases need from storage. src/db implements it; tests may replace it. */

export type OfferingFilter = {
  search?: string | undefined;
  modifiedAfter?: Date | undefined;
  organizationId?: string | undefined;
  taxonomyId?: string | undefined;
  taxonomyTermId?: string | undefined;
};

export type OrganizationFilter = { search?: string | undefined; modifiedAfter?: Date | undefined };

/** 'all' is for streaming exports (ndjson, GeoJSON); lists shown to people are always paged. */
export type PageOrAll = PageRequest | 'all';

/** How one offering matched a free-text search. */
export type TextHit = {
  id: string;
  /** The query, letters folded (æ -> ae), occurs in the name. */
  inName: boolean;
  /** Danish full-text match (stemmed: "værestederne" finds "værested"). */
  inText: boolean;
  /** Trigram similarity 0-1 of the folded query to the folded name and description (typos). */
  similarity: number;
  /** An activity at the offering whose name or description matches (Danish full text). */
  activity: { name: string; isExample: boolean } | null;
};

export type RangeRepository = {
  /** Offerings whose name or description matches, best first; typo-tolerant. */
  searchText(query: string): Promise<TextHit[]>;
  findOfferings(filter: OfferingFilter, page: PageOrAll): Promise<Page<Offering>>;
  getOffering(id: string): Promise<Offering | null>;
  findOrganizations(filter: OrganizationFilter, page: PageOrAll): Promise<Page<Organization>>;
  getOrganization(id: string): Promise<Organization | null>;
  findServiceAtLocations(
    filter: OfferingFilter,
    page: PageOrAll,
  ): Promise<Page<{ serviceAtLocation: ServiceAtLocation; offering: Offering }>>;
  getServiceAtLocation(id: string): Promise<{ serviceAtLocation: ServiceAtLocation; offering: Offering } | null>;
  findTaxonomies(page: PageOrAll): Promise<Page<Taxonomy>>;
  getTaxonomy(id: string): Promise<Taxonomy | null>;
  findTaxonomyTerms(filter: { taxonomyId?: string | undefined }, page: PageOrAll): Promise<Page<TaxonomyTerm>>;
  getTaxonomyTerm(id: string): Promise<TaxonomyTerm | null>;
};
