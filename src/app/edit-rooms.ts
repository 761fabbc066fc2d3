import { createHash } from 'node:crypto';
import { type RoomDetails, type RoomProblem, roomProblems } from '../domain/place.ts';
import type { AuditEntry } from './audit.ts';
import type { PlaceEditStore, PlaceWrite, StoredRoom } from './edit-place.ts';

/**
 * Staff add, rename, describe, mark as quiet and remove an offering's rooms at one of its places. Each
 * change is applied to the rooms as they are at that moment and the offering's rooms there are written
 * back whole with the audit entry (the rooms before and after), which is also what undo puts back.
 * Activities name a place, never a room, so removing a room leaves every activity as it is.
 */

export type RoomChange =
  | { kind: 'add'; room: RoomDetails }
  | { kind: 'edit'; id: string; room: RoomDetails; readAt: string }
  | { kind: 'remove'; id: string };

export type EditRoomsOutcome =
  | { status: 'invalid'; problems: RoomProblem[] }
  /** Someone else changed the room since the form was read. */
  | { status: 'conflict'; current: StoredRoom }
  /** The room is no longer there (removed by someone else). */
  | { status: 'gone' }
  | { status: 'unchanged' }
  | { status: 'saved'; auditId: string }
  | { status: 'not_found' };

/** A short fingerprint of one room: the edit form carries the one it was read at. */
export function roomFingerprint(room: StoredRoom): string {
  return createHash('sha256').update(JSON.stringify([room.id, room.name, room.description, room.isQuiet])).digest('base64url').slice(0, 22);
}

const listFingerprint = (rooms: readonly StoredRoom[]) => rooms.map(roomFingerprint).sort().join('.');

/** Apply one change to an offering's rooms at a place; see the module note. */
export async function editRooms(options: {
  store: PlaceEditStore;
  offering: { id: string; name: string };
  locationId: string;
  change: RoomChange;
  actor: { id: string; name: string };
  at: Date;
  source: string | null;
}): Promise<EditRoomsOutcome> {
  const { change, offering } = options;
  type Decision = { result: EditRoomsOutcome; write: PlaceWrite | null };
  const refuse = (result: EditRoomsOutcome): Decision => ({ result, write: null });
  const write = (action: string, summary: string, before: StoredRoom[], after: StoredRoom[]): Decision => ({
    result: { status: 'saved', auditId: '' },
    write: {
      kind: 'rooms',
      rooms: after,
      audit: {
        at: options.at,
        actorId: options.actor.id,
        actorName: options.actor.name,
        action,
        resourceType: 'offering',
        resourceId: offering.id,
        summary,
        detail: { location: options.locationId, before, after },
        source: options.source,
      } satisfies AuditEntry,
    },
  });
  const { result, auditId } = await options.store.update(offering.id, options.locationId, (now): Decision => {
    if (!now) return refuse({ status: 'not_found' });
    const rooms = now.rooms;
    if (change.kind === 'add') {
      const problems = roomProblems(change.room, rooms.map((room) => room.name));
      if (problems.length > 0) return refuse({ status: 'invalid', problems });
      const added = { ...change.room, id: crypto.randomUUID() };
      return write('room.add', `Tilføjede rummet «${added.name}» for ${offering.name}`, rooms, [...rooms, added]);
    }
    const before = rooms.find((room) => room.id === change.id);
    if (!before) return refuse({ status: 'gone' });
    if (change.kind === 'remove') {
      return write('room.remove', `Fjernede rummet «${before.name}» fra ${offering.name}`, rooms, rooms.filter((room) => room.id !== change.id));
    }
    if (roomFingerprint(before) !== change.readAt) return refuse({ status: 'conflict', current: before });
    const problems = roomProblems(change.room, rooms.filter((room) => room.id !== change.id).map((room) => room.name));
    if (problems.length > 0) return refuse({ status: 'invalid', problems });
    const after = { ...change.room, id: change.id };
    if (roomFingerprint(after) === roomFingerprint(before)) return refuse({ status: 'unchanged' });
    const summary = before.name === after.name ? `Rettede rummet «${after.name}» for ${offering.name}` : `Omdøbte rummet «${before.name}» til «${after.name}» for ${offering.name}`;
    return write('room.edit', summary, rooms, rooms.map((room) => (room.id === change.id ? after : room)));
  });
  return result.status === 'saved' ? { status: 'saved', auditId: auditId ?? '' } : result;
}

export type UndoRoomsOutcome = { status: 'undone' } | { status: 'conflict' } | { status: 'not_found' };

/** Undo a saved change of the rooms: the rooms before are put back, if nobody has changed them since. */
export async function undoRoomChange(options: {
  store: PlaceEditStore;
  offering: { id: string; name: string };
  auditId: string;
  actor: { id: string; name: string };
  at: Date;
  source: string | null;
}): Promise<UndoRoomsOutcome> {
  const change = await options.store.savedChange(options.auditId);
  if (!change || change.offeringId !== options.offering.id || !change.action.startsWith('room.')) return { status: 'not_found' };
  if (change.action === 'place.edit' || change.action === 'place.move') return { status: 'not_found' };
  const { before, after, location } = change;
  const { result } = await options.store.update(options.offering.id, location, (now) => {
    if (!now) return { result: { status: 'not_found' } as UndoRoomsOutcome, write: null };
    if (listFingerprint(now.rooms) !== listFingerprint(after)) return { result: { status: 'conflict' } as UndoRoomsOutcome, write: null };
    return {
      result: { status: 'undone' } as UndoRoomsOutcome,
      write: {
        kind: 'rooms',
        rooms: before,
        audit: {
          at: options.at,
          actorId: options.actor.id,
          actorName: options.actor.name,
          action: 'room.undo',
          resourceType: 'offering',
          resourceId: options.offering.id,
          summary: `Fortrød en ændring af rummene for ${options.offering.name}`,
          detail: { location, undoes: options.auditId, before: after, after: before },
          source: options.source,
        },
      },
    };
  });
  return result;
}
