import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { randomTokens } from '../../src/security/tokens.ts';

/**
 * An example annual user meeting (ADR 036) after the test clock's day, full with one on the waiting list, a
 * council's proposal with its tally and published minutes. Returns the meeting's id and a registration's key.
 */
export async function addExampleUserMeeting(db: Kysely<DB>, at = new Date()): Promise<{ meeting: string; key: string }> {
  const meeting = crypto.randomUUID();
  await db
    .insertInto('user_meeting')
    .values({
      id: meeting,
      slug: 'eksempel-brugermoedet-2027',
      title: 'Eksempel: Brugermødet 2027',
      held_on: '2027-03-18',
      starts_at: '13:00',
      place: 'Rådhushallen, Rådhuspladsen 1',
      seats: 2,
      agenda: 'Velkomst\nForslag fra rådene\nEventuelt',
      minutes: 'Forslaget om længere åbent blev vedtaget.',
      minutes_published_at: at,
      is_example: true,
      created_at: at,
    })
    .execute();
  const { token, hash } = randomTokens.create();
  const registration = (position: number, name: string, state: 'registered' | 'waiting', tokenHash: string = crypto.randomUUID()) => ({
    id: crypto.randomUUID(),
    meeting_id: meeting,
    token_hash: tokenHash,
    position,
    state,
    display_name: name,
    phone: position === 1 ? '22334455' : null,
    meets_at_offering: position !== 1,
    access_needs: position === 2 ? 'Kørestol' : null,
    interpreter_language: position === 1 ? 'arabisk' : null,
    came_through: 'public_form' as const,
    purpose: 'Tilmelding til brugermødet',
    delete_after: '2027-04-17',
    created_at: at,
  });
  await db.insertInto('user_meeting_registration').values([registration(1, 'Maja', 'registered', hash), registration(2, 'Ali', 'registered'), registration(3, 'Bo', 'waiting')]).execute();
  const council = await db.selectFrom('council').select('id').orderBy('created_at').executeTakeFirst();
  await db
    .insertInto('user_meeting_proposal')
    .values({ id: crypto.randomUUID(), meeting_id: meeting, council_id: council?.id ?? null, position: 1, title: 'Længere åbent om fredagen', text: 'Værestederne har åbent til kl. 22 om fredagen.', votes_for: 2, votes_against: 0, votes_blank: 0, tallied_at: at, created_at: at })
    .execute();
  return { meeting, key: token };
}

/** An example peer cohort (ADR 036) with two modules and two counsellors, one certified and assigned at Nabo. */
export async function addExamplePeerCohort(db: Kysely<DB>, at = new Date()): Promise<string> {
  const cohort = crypto.randomUUID();
  const nabo = await db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
  await db.insertInto('peer_cohort').values({ id: cohort, name: 'Eksempel: Peerhold 2026', year: 2026, target_min: 10, target_max: 12, course_id: null, created_at: at }).execute();
  const modules = [crypto.randomUUID(), crypto.randomUUID()];
  await db
    .insertInto('peer_module')
    .values([
      { id: modules[0]!, cohort_id: cohort, position: 1, title: 'Recovery og egen historie', hours: 6, course_session_id: null },
      { id: modules[1]!, cohort_id: cohort, position: 2, title: 'Samtalen', hours: 4, course_session_id: null },
    ])
    .execute();
  const person = (name: string, certified: string | null) => ({ id: crypto.randomUUID(), cohort_id: cohort, display_name: name, phone: null, course_participant_id: null, certified_on: certified, purpose: 'Peermedarbejder', delete_after: '2099-01-01', created_at: at });
  const [lone, kim] = [person('Lone', '2026-11-20'), person('Kim', null)];
  await db.insertInto('peer_counsellor').values([lone, kim]).execute();
  await db
    .insertInto('peer_attendance')
    .values([...modules.map((module) => ({ module_id: module, counsellor_id: lone.id, recorded_at: at })), { module_id: modules[0]!, counsellor_id: kim.id, recorded_at: at }])
    .execute();
  await db
    .insertInto('peer_session')
    .values([
      { id: crypto.randomUUID(), cohort_id: cohort, kind: 'peer_meeting', offering_id: nabo.id, on_date: '2026-12-03', starts_at: '14:00', ends_at: '15:30', created_at: at },
      { id: crypto.randomUUID(), cohort_id: cohort, kind: 'supervision', offering_id: null, on_date: '2026-12-10', starts_at: '09:00', ends_at: '11:00', created_at: at },
    ])
    .execute();
  await db.insertInto('peer_assignment').values({ id: crypto.randomUUID(), counsellor_id: lone.id, offering_id: nabo.id, course_id: null, since: '2026-11-21', created_at: at }).execute();
  return cohort;
}
