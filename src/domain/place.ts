/**
 * An offering's place as staff edit it (issue 5): its name, its address or the area it works in, its
 * district, and what a person with a disability needs to know before coming. The rules here are what
 * the back-office forms check; each problem names its field and says in plain Danish what to write.
 */

/** What a person with a disability needs to know about a place. Null: nobody has said yet. */
export type PlaceAccess = {
  stepFreeEntrance: boolean | null;
  lift: boolean | null;
  accessibleToilet: boolean | null;
  hearingLoop: boolean | null;
  /** Anything else: the doorway's width, a ramp on request, where to ring. */
  description: string | null;
  /** A page with more, such as the place's own page on access. */
  url: string | null;
};

export const accessFacts = ['stepFreeEntrance', 'lift', 'accessibleToilet', 'hearingLoop'] as const;
export type AccessFact = (typeof accessFacts)[number];

export const noAccessInformation: PlaceAccess = {
  stepFreeEntrance: null,
  lift: null,
  accessibleToilet: null,
  hearingLoop: null,
  description: null,
  url: null,
};

/** Whether anything at all is known about access. */
export function hasAccessInformation(access: PlaceAccess): boolean {
  return accessFacts.some((fact) => access[fact] !== null) || Boolean(access.description) || Boolean(access.url);
}

/** The editable part of a place; empty texts are '' (stored as null). */
export type PlaceDetails = {
  kind: 'address' | 'area';
  name: string;
  address1: string;
  postalCode: string;
  city: string;
  areaDescription: string;
  /** '' when the place lies in no district of the city (or none is chosen). */
  districtId: string;
  /** An area standing in for an address that is still being sought. */
  isAddressPending: boolean;
  access: PlaceAccess;
};

/** Where a place is drawn: 'approximate' at street level, 'address' at the entrance, 'none' not at all. */
export type PlacePoint = { latitude: number | null; longitude: number | null; precision: 'approximate' | 'address' | 'none' };

export const noPoint: PlacePoint = { latitude: null, longitude: null, precision: 'none' };

export type PlaceField =
  | 'kind'
  | 'name'
  | 'address1'
  | 'postalCode'
  | 'city'
  | 'areaDescription'
  | 'districtId'
  | 'isAddressPending'
  | AccessFact
  | 'accessDescription'
  | 'accessUrl';

export type PlaceProblem = { field: PlaceField; message: string };

export const placeLimits = { name: 200, address1: 200, city: 100, areaDescription: 1000, accessDescription: 2000, accessUrl: 500 } as const;

export const placeFieldLabels: Record<PlaceField, string> = {
  kind: 'Adresse eller område',
  name: 'Stedets navn',
  address1: 'Vej og husnummer',
  postalCode: 'Postnummer',
  city: 'By',
  areaDescription: 'Området',
  districtId: 'Bydel',
  isAddressPending: 'Adressen søges stadig',
  stepFreeEntrance: 'Indgang uden trin',
  lift: 'Elevator',
  accessibleToilet: 'Handicaptoilet',
  hearingLoop: 'Teleslynge',
  accessDescription: 'Mere om adgang',
  accessUrl: 'Side om adgang',
};

const isPostcode = (text: string) => /^\d{4}$/.test(text) && Number(text) >= 1000 && Number(text) <= 9990;
const isWebAddress = (text: string) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(text);

/**
 * The problems with a place as typed (already trimmed), or none. An address needs street, postcode and
 * city; an area needs a description; the district must be one of the city's.
 */
export function placeProblems(details: PlaceDetails, districtIds: ReadonlySet<string>): PlaceProblem[] {
  const problems: PlaceProblem[] = [];
  const tooLong = (field: PlaceField, text: string, max: number, what: string) => {
    if (text.length > max) problems.push({ field, message: `${what} må højst have ${max} tegn. Nu er der ${text.length}.` });
  };
  if (!details.name) problems.push({ field: 'name', message: 'Skriv stedets navn, fx «Nordstjernen» eller adressen.' });
  tooLong('name', details.name, placeLimits.name, 'Navnet');
  if (details.kind === 'address') {
    if (!details.address1) problems.push({ field: 'address1', message: 'Skriv vejnavn og husnummer, fx Svendborggade 3.' });
    tooLong('address1', details.address1, placeLimits.address1, 'Vej og husnummer');
    if (!details.postalCode) problems.push({ field: 'postalCode', message: 'Skriv postnummeret, fx 2100.' });
    else if (!isPostcode(details.postalCode)) {
      problems.push({ field: 'postalCode', message: `«${details.postalCode}» er ikke et dansk postnummer. Et postnummer har fire cifre, fx 2100.` });
    }
    if (!details.city) problems.push({ field: 'city', message: 'Skriv byen, fx København Ø.' });
    tooLong('city', details.city, placeLimits.city, 'Byen');
  } else {
    if (!details.areaDescription) {
      problems.push({
        field: 'areaDescription',
        message: 'Beskriv, hvor man finder tilbuddet, fx «Lånte lokaler rundt i Tingbjerg; ring og hør hvor».',
      });
    }
    tooLong('areaDescription', details.areaDescription, placeLimits.areaDescription, 'Beskrivelsen af området');
  }
  if (details.districtId && !districtIds.has(details.districtId)) problems.push({ field: 'districtId', message: 'Vælg en bydel fra listen.' });
  tooLong('accessDescription', details.access.description ?? '', placeLimits.accessDescription, 'Teksten om adgang');
  const url = details.access.url ?? '';
  if (url.length > placeLimits.accessUrl) problems.push({ field: 'accessUrl', message: 'Adressen er for lang.' });
  else if (url && !isWebAddress(url)) {
    problems.push({ field: 'accessUrl', message: 'Skriv en hel adresse, der begynder med https://, eller lad feltet stå tomt.' });
  }
  return problems;
}

/** The place as it will be stored: an address has no area text, an area has no address, only an area can be pending. */
export function normalisePlace(details: PlaceDetails): PlaceDetails {
  return details.kind === 'address'
    ? { ...details, areaDescription: '', isAddressPending: false }
    : { ...details, address1: '', postalCode: '', city: '' };
}

const folded = (text: string) => text.toLocaleLowerCase('da').replace(/\s+/g, ' ').trim();

/** What to look the place up by on a map, or null for an area. */
export function addressQuery(details: PlaceDetails): string | null {
  if (details.kind !== 'address') return null;
  return `${details.address1}, ${details.postalCode} ${details.city}`;
}

/**
 * Whether a save must look the address up again: it is new or changed (not merely re-cased), or the
 * place has no point yet. An unchanged address keeps its point, whoever placed it.
 */
export function needsGeocoding(before: PlaceDetails, after: PlaceDetails, point: PlacePoint): boolean {
  const query = addressQuery(after);
  if (query === null) return false;
  const previous = addressQuery(before);
  return previous === null || folded(previous) !== folded(query) || point.precision === 'none';
}

/** The fields that differ between two versions of a place. */
export function changedPlaceFields(before: PlaceDetails, after: PlaceDetails): PlaceField[] {
  const fields: PlaceField[] = [];
  const plain = ['kind', 'name', 'address1', 'postalCode', 'city', 'areaDescription', 'districtId', 'isAddressPending'] as const;
  for (const field of plain) if (before[field] !== after[field]) fields.push(field);
  for (const fact of accessFacts) if (before.access[fact] !== after.access[fact]) fields.push(fact);
  if ((before.access.description ?? '') !== (after.access.description ?? '')) fields.push('accessDescription');
  if ((before.access.url ?? '') !== (after.access.url ?? '')) fields.push('accessUrl');
  return fields;
}

/** A room of an offering at one of its places. */
export type RoomDetails = { name: string; description: string; isQuiet: boolean };
export type RoomField = 'name' | 'description';
export type RoomProblem = { field: RoomField; message: string };

export const roomLimits = { name: 100, description: 1000 } as const;

/** The problems with a room as typed (trimmed); `others` are the names of the offering's other rooms there. */
export function roomProblems(room: RoomDetails, others: readonly string[]): RoomProblem[] {
  const problems: RoomProblem[] = [];
  if (!room.name) problems.push({ field: 'name', message: 'Skriv rummets navn, fx «Stillerummet» eller «Første sal».' });
  else if (room.name.length > roomLimits.name) problems.push({ field: 'name', message: `Navnet må højst have ${roomLimits.name} tegn.` });
  else if (others.some((name) => folded(name) === folded(room.name))) {
    problems.push({ field: 'name', message: `Der er allerede et rum, der hedder «${room.name}». Giv rummet et andet navn.` });
  }
  if (room.description.length > roomLimits.description) {
    problems.push({ field: 'description', message: `Beskrivelsen må højst have ${roomLimits.description} tegn. Nu er der ${room.description.length}.` });
  }
  return problems;
}
