import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

/**
 * An example user council at Nabo (ADR 033): two members (one named in public, one not), a meeting held with
 * minutes and decisions, and one to come with only its agenda. Returns the ids the pages' addresses need.
 */
export async function addExampleCouncil(db: Kysely<DB>, at = new Date()): Promise<{ council: string; meeting: string; slug: string }> {
  const nabo = await db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
  const council = crypto.randomUUID();
  const slug = 'eksempel-brugerraadet-paa-nabo';
  await db
    .insertInto('council')
    .values({ id: council, slug, offering_id: nabo.id, kind: 'user', name: 'Eksempel: Brugerrådet på Nabo', purpose: 'Rådet taler om hverdagen på Nabo.', how_to_join: 'Kom til næste møde, eller spørg en medarbejder.', is_example: true, created_at: at })
    .execute();
  const member = (name: string, named: boolean, role: 'chair' | 'member') => ({
    id: crypto.randomUUID(),
    council_id: council,
    display_name: name,
    contact: null,
    role,
    named_publicly: named,
    consent_at: at,
    consent_how: 'in_person' as const,
    consent_recorded_by_name: 'Søren Staff',
    purpose: 'Medlemskab af rådet',
    delete_after: '2099-01-01',
  });
  const members = [member('Hanne', true, 'chair'), member('Bjarke', false, 'member')];
  await db.insertInto('council_member').values(members).execute();
  const meeting = crypto.randomUUID();
  await db
    .insertInto('council_meeting')
    .values([
      { id: meeting, council_id: council, held_on: '2026-11-02', starts_at: '14:00', agenda: 'Julefrokost\nNye aktiviteter', minutes: 'Et medlem foreslog en strikkecafé. Alle var enige.', created_at: at, updated_at: at },
      { id: crypto.randomUUID(), council_id: council, held_on: '2027-01-11', starts_at: null, agenda: 'Årets første møde', minutes: null, created_at: at, updated_at: at },
    ])
    .execute();
  await db.insertInto('council_meeting_present').values(members.map((item) => ({ meeting_id: meeting, member_id: item.id }))).execute();
  await db
    .insertInto('council_decision')
    .values([
      { id: crypto.randomUUID(), meeting_id: meeting, position: 1, text: 'Julefrokost den 18. december', becomes: null },
      { id: crypto.randomUUID(), meeting_id: meeting, position: 2, text: 'Strikkecafé om torsdagen', becomes: 'activity' },
    ])
    .execute();
  return { council, meeting, slug };
}
