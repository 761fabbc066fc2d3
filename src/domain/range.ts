import type { PlaceAccess } from './place.ts';
import type { Activity, Schedule } from './schedule/model.ts';
import type { StatusEvent } from './status.ts';
import type { Profile } from './vocabulary.ts';

/** The range of offerings as the rest of the platform reads it: plain data, no database rows. */

export type Ownership = 'municipal' | 'self_governing';

export type Organization = {
  id: string;
  slug: string;
  name: string;
  description: string;
  kind: 'administration' | 'centre' | 'operator';
  ownership: Ownership | null;
  parentId: string | null;
  website: string | null;
  email: string | null;
  note: string | null;
  seedRefs: string[];
  isExample: boolean;
  updatedAt: Date;
  /** Only for centres: the city-wide professional track the centre owns. */
  track: { name: string; nameEn: string } | null;
};

export type Location = {
  id: string;
  slug: string;
  kind: 'address' | 'area';
  name: string;
  address1: string | null;
  postalCode: string | null;
  city: string | null;
  municipality: string;
  district: { id: string; slug: string; name: string } | null;
  neighbourhood: string | null;
  areaDescription: string | null;
  /** An area standing in for an address that is still being sought (not a place without a fixed address). */
  isAddressPending: boolean;
  latitude: number | null;
  longitude: number | null;
  /** 'approximate': placed by hand at street level, not geocoded; may be several hundred metres off. */
  coordinatePrecision: 'approximate' | 'address' | 'none';
  /** What a person with a disability needs to know before coming. */
  access: PlaceAccess;
  seedRefs: string[];
  isExample: boolean;
  updatedAt: Date;
};

export type ServiceAtLocation = {
  id: string;
  offeringId: string;
  description: string | null;
  location: Location;
  updatedAt: Date;
};

export type Term = { id: string; taxonomyId: string; taxonomySlug: string; code: string; name: string; basis: string | null };

export type Room = { id: string; name: string; description: string | null; isQuiet: boolean };

export type GrantExpiry = { expiresYear: number; expiresOn: string | null; wasRenewed: boolean | null; note: string | null };

export type Offering = {
  id: string;
  slug: string;
  name: string;
  alternateName: string | null;
  description: string;
  firstVisit: string | null;
  whoMeetsYou: string | null;
  hasQuietRoom: boolean | null;
  staffing: 'staff' | 'user_run' | 'staff_and_user_run' | null;
  profile: Profile | null;
  profileBasis: string | null;
  provider: Organization;
  operator: Organization | null;
  operatorNote: string | null;
  ownership: Ownership | null;
  centre: Organization | null;
  alsoServes: Organization[];
  parent: { id: string; slug: string; name: string; relation: 'satellite' | 'part' } | null;
  email: string | null;
  phone: string | null;
  url: string | null;
  sourceNote: string | null;
  seedRefs: string[];
  isExample: boolean;
  updatedAt: Date;
  locations: ServiceAtLocation[];
  terms: Term[];
  events: (StatusEvent & { id: string; relatedOfferingName: string | null; seedRefs: string[] })[];
  /** Opening hours, exceptions and holiday choices (domain/schedule). */
  schedule: Schedule;
  activities: Activity[];
  rooms: Room[];
  grantExpiries: GrantExpiry[];
};

export type Taxonomy = { id: string; slug: string; name: string; description: string; version: string | null };

export type TaxonomyTerm = {
  id: string;
  taxonomyId: string;
  code: string;
  name: string;
  description: string;
  parentId: string | null;
  taxonomy: Taxonomy;
};

export type Page<T> = { items: T[]; total: number };

export type PageRequest = { page: number; perPage: number };
