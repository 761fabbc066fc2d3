import type { Kysely, Selectable, Transaction } from 'kysely';
import type { PlaceEditStore, PlaceForEdit, PlaceWrite, SavedPlaceChange } from '../app/edit-place.ts';
import type { PlaceDetails, PlacePoint } from '../domain/place.ts';
import { auditRow } from './access-store.ts';
import type { DB, LocationTable } from './schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** The prefix of the places made when an offering leaves a shared place; like the seed's, they stay until unused. */
const ownPlaceSlug = 'sted-';

function detailsOf(row: Selectable<LocationTable>): PlaceDetails {
  return {
    kind: row.kind,
    name: row.name,
    address1: row.address_1 ?? '',
    postalCode: row.postal_code ?? '',
    city: row.city ?? '',
    areaDescription: row.area_description ?? '',
    districtId: row.district_id ?? '',
    isAddressPending: row.is_address_pending,
    access: {
      stepFreeEntrance: row.has_step_free_entrance,
      lift: row.has_lift,
      accessibleToilet: row.has_accessible_toilet,
      hearingLoop: row.has_hearing_loop,
      description: row.accessibility_description,
      url: row.accessibility_url,
    },
  };
}

function columnsOf(details: PlaceDetails, point: PlacePoint) {
  const isAddress = details.kind === 'address';
  return {
    kind: details.kind,
    name: details.name,
    address_1: isAddress ? details.address1 : null,
    postal_code: isAddress ? details.postalCode || null : null,
    city: isAddress ? details.city || null : null,
    area_description: isAddress ? null : details.areaDescription,
    district_id: details.districtId || null,
    is_address_pending: !isAddress && details.isAddressPending,
    latitude: point.precision === 'none' ? null : point.latitude,
    longitude: point.precision === 'none' ? null : point.longitude,
    coordinate_precision: point.latitude === null || point.longitude === null ? ('none' as const) : point.precision,
    has_step_free_entrance: details.access.stepFreeEntrance,
    has_lift: details.access.lift,
    has_accessible_toilet: details.access.accessibleToilet,
    has_hearing_loop: details.access.hearingLoop,
    accessibility_description: details.access.description || null,
    accessibility_url: details.access.url || null,
  };
}

async function placesOf(executor: Executor, offeringId: string, onlyLocation?: string): Promise<PlaceForEdit[]> {
  if (!/^[0-9a-f-]{36}$/.test(offeringId)) return [];
  let query = executor
    .selectFrom('service_at_location')
    .innerJoin('location', 'location.id', 'service_at_location.location_id')
    .selectAll('location')
    .where('service_at_location.offering_id', '=', offeringId);
  if (onlyLocation) query = query.where('location.id', '=', onlyLocation);
  const rows = await query.orderBy('location.name').orderBy('location.id').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [others, rooms] = await Promise.all([
    executor
      .selectFrom('service_at_location')
      .innerJoin('offering', 'offering.id', 'service_at_location.offering_id')
      .select(['service_at_location.location_id', 'offering.id', 'offering.slug', 'offering.name'])
      .where('service_at_location.location_id', 'in', ids)
      .where('service_at_location.offering_id', '<>', offeringId)
      .orderBy('offering.name')
      .execute(),
    executor
      .selectFrom('room')
      .select(['id', 'location_id', 'name', 'description', 'is_quiet'])
      .where('offering_id', '=', offeringId)
      .where('location_id', 'in', ids)
      .orderBy('name')
      .orderBy('id')
      .execute(),
  ]);
  return rows.map((row) => ({
    locationId: row.id,
    version: row.version,
    details: detailsOf(row),
    point: { latitude: row.latitude, longitude: row.longitude, precision: row.coordinate_precision },
    isExample: row.is_example,
    sharedWith: others.filter((other) => other.location_id === row.id).map((other) => ({ id: other.id, slug: other.slug, name: other.name })),
    rooms: rooms
      .filter((room) => room.location_id === row.id)
      .map((room) => ({ id: room.id, name: room.name, description: room.description ?? '', isQuiet: room.is_quiet })),
  }));
}

/** Move the offering's link and its rooms from one place to another. */
async function moveOffering(trx: Transaction<DB>, offeringId: string, from: string, to: string) {
  await trx.updateTable('service_at_location').set({ location_id: to, updated_at: new Date() }).where('offering_id', '=', offeringId).where('location_id', '=', from).execute();
  await trx.updateTable('room').set({ location_id: to }).where('offering_id', '=', offeringId).where('location_id', '=', from).execute();
}

async function write(trx: Transaction<DB>, offeringId: string, place: PlaceForEdit, change: PlaceWrite) {
  const at = change.audit.at;
  switch (change.kind) {
    case 'update':
      await trx
        .updateTable('location')
        .set({ ...columnsOf(change.details, change.point), version: place.version + 1, updated_at: at, is_example: false })
        .where('id', '=', place.locationId)
        .execute();
      // The other offerings' published place changed too.
      if (place.sharedWith.length > 0) {
        await trx.updateTable('offering').set({ updated_at: at }).where('id', 'in', place.sharedWith.map((item) => item.id)).execute();
      }
      return;
    case 'move':
      await trx
        .insertInto('location')
        .values({ id: change.to, slug: `${ownPlaceSlug}${change.to}`, ...columnsOf(change.details, change.point), seed_refs: [], updated_at: at })
        .execute();
      await moveOffering(trx, offeringId, place.locationId, change.to);
      return;
    case 'move_back':
      await moveOffering(trx, offeringId, place.locationId, change.to);
      await trx
        .deleteFrom('location')
        .where('id', '=', place.locationId)
        .where('slug', 'like', `${ownPlaceSlug}%`)
        .where((eb) =>
          eb.and([
            eb.not(eb.exists(eb.selectFrom('service_at_location').select('id').whereRef('service_at_location.location_id', '=', 'location.id'))),
            eb.not(eb.exists(eb.selectFrom('activity').select('id').whereRef('activity.location_id', '=', 'location.id'))),
            eb.not(eb.exists(eb.selectFrom('room').select('id').whereRef('room.location_id', '=', 'location.id'))),
          ]),
        )
        .execute();
      return;
    case 'rooms': {
      await trx.deleteFrom('room').where('offering_id', '=', offeringId).where('location_id', '=', place.locationId).execute();
      if (change.rooms.length > 0) {
        await trx
          .insertInto('room')
          .values(
            change.rooms.map((room) => ({
              id: room.id,
              location_id: place.locationId,
              offering_id: offeringId,
              name: room.name,
              description: room.description || null,
              is_quiet: room.isQuiet,
              seed_refs: [],
            })),
          )
          .execute();
      }
      // "Has a quiet room" follows the rooms once staff keep them: yes with a quiet room; no when the last
      // one goes; still "not told" when nobody has said and no room is quiet.
      const quiet = await trx.selectFrom('room').select('id').where('offering_id', '=', offeringId).where('is_quiet', '=', true).executeTakeFirst();
      const offering = await trx.selectFrom('offering').select('has_quiet_room').where('id', '=', offeringId).executeTakeFirstOrThrow();
      const hasQuietRoom = quiet ? true : offering.has_quiet_room === null ? null : false;
      await trx.updateTable('offering').set({ has_quiet_room: hasQuietRoom }).where('id', '=', offeringId).execute();
      return;
    }
  }
}

const placeActions = ['place.edit', 'place.move', 'room.add', 'room.edit', 'room.remove', 'room.undo'] as const;

/** PlaceEditStore on Kysely: each change in one transaction, the place's row locked while it is read and written. */
export function createPlaceEditStore(db: Kysely<DB>): PlaceEditStore {
  return {
    placesOf: (offeringId) => placesOf(db, offeringId),
    districts: () => db.selectFrom('district').select(['id', 'name']).orderBy('name').execute(),
    async update(offeringId, locationId, decide) {
      if (!/^[0-9a-f-]{36}$/.test(locationId)) return { result: decide(null).result, auditId: null };
      // PGlite has one connection: everything inside uses `trx`, never `db`.
      return db.transaction().execute(async (trx) => {
        await trx.selectFrom('location').select('id').where('id', '=', locationId).forUpdate().executeTakeFirst();
        const place = (await placesOf(trx, offeringId, locationId))[0] ?? null;
        const { result, write: change } = decide(place);
        if (!change || !place) return { result, auditId: null };
        await write(trx, offeringId, place, change);
        // Saving an edit counts as verifying the record (ADR 014), in the same transaction.
        await trx.updateTable('offering').set({ updated_at: change.audit.at, verified_at: change.audit.at, verified_by: change.audit.actorId }).where('id', '=', offeringId).execute();
        const inserted = await trx.insertInto('audit_entry').values(auditRow(change.audit)).returning('id').executeTakeFirstOrThrow();
        return { result, auditId: String(inserted.id) };
      });
    },
    async savedChange(auditId) {
      if (!/^\d{1,18}$/.test(auditId)) return null;
      const row = await db.selectFrom('audit_entry').select(['resource_id', 'detail', 'action']).where('id', '=', auditId).executeTakeFirst();
      if (!row?.resource_id || !(placeActions as readonly string[]).includes(row.action)) return null;
      const detail = (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as Record<string, unknown>;
      return { ...detail, action: row.action, offeringId: row.resource_id } as SavedPlaceChange;
    },
  };
}
