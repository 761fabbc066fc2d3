import type { GeocodeOutcome, Geocoder } from '../geo/geocoder.ts';
import {
  addressQuery,
  changedPlaceFields,
  needsGeocoding,
  noPoint,
  normalisePlace,
  type PlaceDetails,
  type PlacePoint,
  type PlaceProblem,
  placeFieldLabels,
  placeProblems,
  type RoomDetails,
} from '../domain/place.ts';
import type { AuditEntry } from './audit.ts';

/**
 * Staff keep an offering's places current: name, address or area, district, "address still being
 * sought" and access information (ADR 019). A changed address is looked up on the map before the
 * save; when it cannot be found the edit is saved anyway, without a point, and the person is told.
 * Several offerings may share a place: a change reaches all of them, or, when the person chooses
 * "only this offering" (it moved), the offering gets a place of its own. The form carries the
 * place's version; a save over someone else's newer save is refused with both shown.
 */

export type StoredRoom = RoomDetails & { id: string };

export type PlaceForEdit = {
  locationId: string;
  version: number;
  details: PlaceDetails;
  point: PlacePoint;
  isExample: boolean;
  /** The other offerings at this place. */
  sharedWith: { id: string; slug: string; name: string }[];
  /** This offering's rooms at this place, by name. */
  rooms: StoredRoom[];
};

export type PlaceWrite =
  /** Change the place itself (for every offering there). */
  | { kind: 'update'; details: PlaceDetails; point: PlacePoint; audit: AuditEntry }
  /** Give this offering (and its rooms there) a new place of its own, `to`, leaving the shared one as it is. */
  | { kind: 'move'; to: string; details: PlaceDetails; point: PlacePoint; audit: AuditEntry }
  /** Undo a move: back to `to`, and the place made by the move removed if nothing else uses it. */
  | { kind: 'move_back'; to: string; audit: AuditEntry }
  /** Replace this offering's rooms at the place. */
  | { kind: 'rooms'; rooms: StoredRoom[]; audit: AuditEntry };

export type PlaceEditStore = {
  /** The offering's places, by name; empty when it has none or does not exist. */
  placesOf(offeringId: string): Promise<PlaceForEdit[]>;
  /** The city's districts to choose from, by name. */
  districts(): Promise<{ id: string; name: string }[]>;
  /**
   * In one transaction with the place locked: read it as it is now (null when the offering is no longer
   * there), let `decide` say what to write, and write it with the audit entry (which also counts as
   * verifying the offering, ADR 014).
   */
  update<R>(
    offeringId: string,
    locationId: string,
    decide: (now: PlaceForEdit | null) => { result: R; write: PlaceWrite | null },
  ): Promise<{ result: R; auditId: string | null }>;
  /** A saved change of a place or its rooms, from the audit log (for undo). */
  savedChange(auditId: string): Promise<SavedPlaceChange | null>;
};

export type PlaceState = { details: PlaceDetails; point: PlacePoint };

export type SavedPlaceChange =
  | { action: 'place.edit'; offeringId: string; location: string; version: number; before: PlaceState; after: PlaceState }
  | { action: 'place.move'; offeringId: string; location: string; movedFrom: string; version: number; before: PlaceState; after: PlaceState }
  | { action: 'room.add' | 'room.edit' | 'room.remove' | 'room.undo'; offeringId: string; location: string; before: StoredRoom[]; after: StoredRoom[] };

/** What the map lookup came to, for the words after a save. */
export type GeocodeNote = 'found' | 'kept' | 'imprecise' | 'not_found' | 'unavailable' | null;

export type EditPlaceOutcome =
  | { status: 'invalid'; problems: (PlaceProblem | { field: 'scope'; message: string })[] }
  | { status: 'conflict'; current: PlaceForEdit }
  | { status: 'unchanged'; geocode: GeocodeNote }
  | { status: 'saved'; auditId: string; geocode: GeocodeNote; moved: boolean }
  | { status: 'not_found' };

/** The point a lookup gives a place: at the entrance, at street level, or none (with why). */
export function pointFromGeocode(outcome: GeocodeOutcome): { point: PlacePoint; note: GeocodeNote } {
  if (outcome.status === 'found') {
    const { latitude, longitude, precision } = outcome.best;
    if (precision === 'address') return { point: { latitude, longitude, precision: 'address' }, note: 'found' };
    if (precision === 'street') return { point: { latitude, longitude, precision: 'approximate' }, note: 'found' };
    // A postcode's or an area's centre is not the place: a point there would send people to the wrong door.
    return { point: noPoint, note: 'imprecise' };
  }
  return { point: noPoint, note: outcome.status === 'unavailable' ? 'unavailable' : 'not_found' };
}

/** What the page says after a save whose address could not be placed on the map. */
export const geocodeWarnings: Record<'imprecise' | 'not_found' | 'unavailable', string> = {
  not_found:
    'Vi kunne ikke finde adressen på kortet. Ændringen er gemt, men stedet vises uden kortpunkt og kommer ikke med, når nogen søger efter steder tæt på en adresse. Tjek stavningen af vej, husnummer og postnummer, og gem igen.',
  unavailable:
    'Adressesøgningen svarede ikke. Ændringen er gemt, men stedet har intet kortpunkt lige nu og kommer ikke med, når nogen søger efter steder tæt på en adresse. Gem stedet igen senere, så prøver vi igen.',
  imprecise:
    'Vi kunne kun finde postnummeret, ikke selve adressen. Ændringen er gemt, men stedet har intet kortpunkt, så ingen bliver sendt til den forkerte dør. Tjek vej og husnummer, og gem igen.',
};

const samePoint = (a: PlacePoint, b: PlacePoint) => a.latitude === b.latitude && a.longitude === b.longitude && a.precision === b.precision;

/** The audit summary of a change: which fields, in Danish. */
function summaryOf(before: PlaceDetails, after: PlaceDetails): string {
  const fields = changedPlaceFields(before, after).map((field) => placeFieldLabels[field].toLocaleLowerCase('da'));
  return fields.length > 0 ? fields.join(', ') : 'kortpunktet';
}

/** Save a place from its form; see the module note. */
export async function editPlace(options: {
  store: PlaceEditStore;
  geocoder: Geocoder;
  offering: { id: string; name: string };
  locationId: string;
  readVersion: number;
  details: PlaceDetails;
  /** For a shared place: the change is for every offering there, or only this one (which moves). */
  scope: 'all' | 'this' | null;
  /** The person may change every offering at the place directly. */
  mayChangeForAll: boolean;
  actor: { id: string; name: string };
  at: Date;
  source: string | null;
}): Promise<EditPlaceOutcome> {
  const after = normalisePlace(options.details);
  const districts = new Set((await options.store.districts()).map((district) => district.id));
  const places = await options.store.placesOf(options.offering.id);
  const read = places.find((place) => place.locationId === options.locationId);
  if (!read) return { status: 'not_found' };
  const problems: EditPlaceOutcome & { status: 'invalid' } = { status: 'invalid', problems: placeProblems(after, districts) };
  const shared = read.sharedWith.length > 0;
  if (shared && options.scope === null) {
    problems.problems.unshift({
      field: 'scope',
      message: `Stedet bruges også af ${read.sharedWith.map((item) => item.name).join(' og ')}. Vælg, om ændringen gælder alle tilbud på stedet, eller kun ${options.offering.name}.`,
    });
  }
  if (shared && options.scope === 'all' && !options.mayChangeForAll) {
    problems.problems.unshift({
      field: 'scope',
      message: `Du kan ikke rette stedet for ${read.sharedWith.map((item) => item.name).join(' og ')}, kun for ${options.offering.name}. Vælg «Kun ${options.offering.name}», eller bed centret rette stedet for alle.`,
    });
  }
  if (problems.problems.length > 0) return problems;
  if (read.version !== options.readVersion) return { status: 'conflict', current: read };

  // The lookup may take a moment and reach the network, so it runs before the transaction, against the
  // place as read; the version check inside makes sure that is still the place being changed.
  let point: PlacePoint = after.kind === 'address' ? read.point : noPoint;
  let note: GeocodeNote = null;
  if (needsGeocoding(read.details, after, read.point)) {
    const found = pointFromGeocode(await options.geocoder.search(addressQuery(after)!));
    point = found.point;
    note = found.note;
  } else if (after.kind === 'address' && read.point.precision !== 'none') {
    note = 'kept';
  }
  const moving = shared && options.scope === 'this';

  const { result, auditId } = await options.store.update(options.offering.id, options.locationId, (now) => {
    if (!now) return { result: { status: 'not_found' } as EditPlaceOutcome, write: null };
    if (now.version !== options.readVersion) return { result: { status: 'conflict', current: now } as EditPlaceOutcome, write: null };
    if (changedPlaceFields(now.details, after).length === 0 && samePoint(now.point, point)) {
      return { result: { status: 'unchanged', geocode: note } as EditPlaceOutcome, write: null };
    }
    const before = { details: now.details, point: now.point };
    const audit: AuditEntry = {
      at: options.at,
      actorId: options.actor.id,
      actorName: options.actor.name,
      action: moving ? 'place.move' : 'place.edit',
      resourceType: 'offering',
      resourceId: options.offering.id,
      summary: moving
        ? `Gav ${options.offering.name} sit eget sted (${summaryOf(now.details, after)}); ${now.sharedWith.map((item) => item.name).join(' og ')} beholder det fælles`
        : `Rettede stedets ${summaryOf(now.details, after)} for ${[options.offering.name, ...now.sharedWith.map((item) => item.name)].join(' og ')}`,
      detail: {
        location: options.locationId,
        before,
        after: { details: after, point },
        sharedWith: now.sharedWith.map((item) => item.id),
      },
      source: options.source,
    };
    if (moving) {
      const to = crypto.randomUUID();
      audit.detail = { ...audit.detail, location: to, movedFrom: options.locationId, version: 1 };
      return { result: { status: 'saved', auditId: '', geocode: note, moved: true } as EditPlaceOutcome, write: { kind: 'move', to, details: after, point, audit } };
    }
    audit.detail = { ...audit.detail, version: now.version + 1 };
    return { result: { status: 'saved', auditId: '', geocode: note, moved: false } as EditPlaceOutcome, write: { kind: 'update', details: after, point, audit } };
  });
  return result.status === 'saved' ? { ...result, auditId: auditId ?? '' } : result;
}

export type UndoPlaceOutcome =
  | { status: 'undone' }
  /** Someone changed the place after this change: nothing is undone; `current` is the place now. */
  | { status: 'conflict'; current: PlaceForEdit; wanted: PlaceState }
  | { status: 'not_found' };

/**
 * Undo a saved change of a place: its values before are put back as a new, audited change, if the
 * place is still as that change left it; a move is undone by moving back to the shared place.
 */
export async function undoPlaceChange(options: {
  store: PlaceEditStore;
  offering: { id: string; name: string };
  auditId: string;
  actor: { id: string; name: string };
  at: Date;
  source: string | null;
}): Promise<UndoPlaceOutcome> {
  const change = await options.store.savedChange(options.auditId);
  if (!change || change.offeringId !== options.offering.id || (change.action !== 'place.edit' && change.action !== 'place.move')) {
    return { status: 'not_found' };
  }
  const audit = (summary: string): AuditEntry => ({
    at: options.at,
    actorId: options.actor.id,
    actorName: options.actor.name,
    action: 'place.undo',
    resourceType: 'offering',
    resourceId: options.offering.id,
    summary,
    detail: { location: change.location, undoes: options.auditId, before: change.after, after: change.before },
    source: options.source,
  });
  const { result } = await options.store.update(options.offering.id, change.location, (now) => {
    if (!now) return { result: { status: 'not_found' } as UndoPlaceOutcome, write: null };
    if (now.version !== change.version) return { result: { status: 'conflict', current: now, wanted: change.before } as UndoPlaceOutcome, write: null };
    if (change.action === 'place.move') {
      return {
        result: { status: 'undone' } as UndoPlaceOutcome,
        write: { kind: 'move_back', to: change.movedFrom, audit: audit(`Fortrød, at ${options.offering.name} fik sit eget sted; tilbuddet er igen på det fælles sted`) },
      };
    }
    return {
      result: { status: 'undone' } as UndoPlaceOutcome,
      write: { kind: 'update', details: change.before.details, point: change.before.point, audit: audit(`Fortrød en ændring af stedet for ${options.offering.name}`) },
    };
  });
  return result;
}
