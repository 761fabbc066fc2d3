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
