import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { codeHash, normaliseCode } from '../../src/domain/fund/fund.ts';

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

/**
 * An example user fund for the whole city, open for voting (ADR 033): two ideas in the vote, one rejected for
 * naming someone, one waiting, and the code «ABCDE-FGHJK» already used, for the refusal.
 */
export async function addExampleFund(db: Kysely<DB>, at = new Date()): Promise<{ round: string; slug: string; usedCode: string }> {
  const round = crypto.randomUUID();
  const slug = 'eksempel-brugerpuljen-2027';
  await db.insertInto('fund_round').values({ id: round, slug, year: 2027, district_id: null, name: 'Eksempel: Brugerpuljen 2027', amount_kr: 50_000, phase: 'voting', is_example: true, created_at: at }).execute();
  const proposal = (title: string, screening: 'accepted' | 'rejected' | 'waiting', index: number) => ({
    id: crypto.randomUUID(),
    round_id: round,
    title,
    description: `${title}: en idé fra brugerne.`,
    amount_kr: 4500,
    council_id: null,
    contact: null,
    contact_delete_after: '2099-01-01',
    screening,
    rejection: screening === 'rejected' ? ('personal_data' as const) : null,
    // One after the other, so the back office lists them in this order.
    created_at: new Date(at.getTime() + index * 1000),
  });
  const ideas = [proposal('Tur til Bakken', 'accepted', 0), proposal('Nyt kaffeanlæg', 'accepted', 1), proposal('Afvist idé', 'rejected', 2), proposal('Ny idé', 'waiting', 3)];
  await db.insertInto('fund_proposal').values(ideas).execute();
  await db
    .updateTable('fund_proposal')
    .set({ granted_kr: 4000, responsible: 'Medarbejderne i caféen', follow_up: 'Turen er bestilt.' })
    .where('id', '=', ideas[0]!.id)
    .execute();
  const usedCode = 'ABCDE-FGHJK';
  const hash = codeHash(round, normaliseCode(usedCode)!);
  await db.insertInto('fund_code').values({ code_hash: hash, round_id: round, offering_id: null, created_at: at, used_at: at }).execute();
  await db.insertInto('fund_vote').values({ id: crypto.randomUUID(), round_id: round, proposal_id: ideas[0]!.id, code_hash: hash, cast_at: at }).execute();
  // A second pool, open for ideas, for the form.
  await db.insertInto('fund_round').values({ id: crypto.randomUUID(), slug: 'eksempel-brugerpuljen-2028', year: 2028, district_id: null, name: 'Eksempel: Brugerpuljen 2028', amount_kr: 60_000, phase: 'proposals', is_example: true, created_at: at }).execute();
  return { round, slug, usedCode };
}

/** An example user job at Nabo with a free place (ADR 033); returns its id. */
export async function addExampleUserJob(db: Kysely<DB>, at = new Date()): Promise<string> {
  const nabo = await db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
  const id = crypto.randomUUID();
  await db
    .insertInto('user_job')
    .values({ id, offering_id: nabo.id, kind: 'cafe', title: 'Eksempel: Caféhjælper', description: 'Kaffe og kage om formiddagen.', hours_per_week: 6, seats: 2, how_to_apply: 'Spørg en medarbejder i caféen, eller ring til os.', is_example: true, created_at: at })
    .execute();
  await db.insertInto('user_job_holder').values({ id: crypto.randomUUID(), job_id: id, display_name: 'Ali', contact: null, since: '2026-10-01', purpose: 'Brugerjob', delete_after: '2099-01-01' }).execute();
  return id;
}

/** An example volunteer at Nabo, screened but not yet insured (ADR 033); returns its id. */
export async function addExampleVolunteer(db: Kysely<DB>, at = new Date()): Promise<string> {
  const nabo = await db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
  const id = crypto.randomUUID();
  await db
    .insertInto('volunteer')
    .values({ id, offering_id: nabo.id, display_name: 'Maja', contact: '22 33 44 55', interests: 'Madlavning', came_through: 'public_form', screening: 'approved', screened_at: at, trained_on: '2026-11-20', purpose: 'Frivillig', delete_after: '2099-01-01', created_at: at })
    .execute();
  return id;
}

/**
 * Network friends at Nabo (ADR 033): an insured volunteer, one request waiting and one friendship matched two months
 * ago, whose first follow-up is due.
 */
export async function addExampleFriends(db: Kysely<DB>, at = new Date()): Promise<void> {
  const nabo = await db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
  const volunteer = crypto.randomUUID();
  await db
    .insertInto('volunteer')
    .values({ id: volunteer, offering_id: nabo.id, display_name: 'Omar', contact: '22 33 44 66', interests: 'Fiskeri og brætspil', area: 'Nørrebro', languages: 'dansk, arabisk', came_through: 'in_person', screening: 'approved', screened_at: at, trained_on: '2026-10-01', insurance_confirmed_on: '2026-10-01', purpose: 'Frivillig', delete_after: '2099-01-01', created_at: at })
    .execute();
  const waiting = crypto.randomUUID();
  const matched = crypto.randomUUID();
  await db
    .insertInto('friend_request')
    .values([
      { id: waiting, offering_id: nabo.id, display_name: 'Ib', contact: null, interests: 'Fiskeri', area: 'Nørrebro', languages: 'dansk', requested_on: '2026-11-01', purpose: 'Netværksven', delete_after: '2099-01-01' },
      { id: matched, offering_id: nabo.id, display_name: 'Lene', contact: null, interests: 'Brætspil', area: null, languages: null, requested_on: '2026-08-01', purpose: 'Netværksven', delete_after: '2099-01-01' },
    ])
    .execute();
  const twoMonthsAgo = new Date(at.getTime() - 61 * 86_400_000).toISOString().slice(0, 10);
  await db.insertInto('friend_match').values({ id: crypto.randomUUID(), request_id: matched, volunteer_id: volunteer, matched_on: twoMonthsAgo, user_consent_on: twoMonthsAgo, volunteer_consent_on: twoMonthsAgo }).execute();
}
