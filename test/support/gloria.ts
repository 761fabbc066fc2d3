import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { stableId } from '../../src/domain/stable-id.ts';
import { testNow } from './clock.ts';

/**
 * Gloria for the back-office pages (ADR 037): an editor and a writer on the city-wide team, and the writer's life
 * story waiting in review with its consent and a live listing line. The seed has the team and the theme issue.
 */
export async function addExampleGloria(db: Kysely<DB>, people: { editor: string; writer: string }) {
  const team = stableId('gloria_team:city');
  await db
    .insertInto('gloria_member')
    .values([
      { id: crypto.randomUUID(), team_id: team, account_id: people.editor, role: 'editor', user_job_id: null, added_at: testNow },
      { id: crypto.randomUUID(), team_id: team, account_id: people.writer, role: 'writer', user_job_id: null, added_at: testNow },
    ])
    .execute();
  const article = crypto.randomUUID();
  await db
    .insertInto('gloria_article')
    .values({
      id: article,
      slug: 'en-ny-hverdag',
      team_id: team,
      kind: 'life_story',
      title: 'En ny hverdag',
      lead: 'Om at finde et sted at høre til.',
      body: 'Jeg var alene i mange år.\n\n## Det der hjalp\n\n- Kaffen om morgenen\n- Holdet om torsdagen\n\n[[liste: aktiviteter bydel=norrebro]]\n\nNu har jeg en hverdag.',
      state: 'review',
      author_account_id: people.writer,
      author_name: 'Søren Staff',
      storyteller_name: 'Eksempel',
      storyteller_anonymous: true,
      consent_on: '2026-11-20',
      consent_how: 'in_person',
      consent_recorded_by_name: 'Søren Staff',
      storyteller_delete_after: '2028-11-19',
      is_example: true,
      created_at: testNow,
      updated_at: testNow,
    })
    .execute();
  return { article, theme: stableId('gloria_theme:ensomhed') };
}

/** A life story whose storyteller withdrew consent: its address answers 410 with nothing of it. */
export async function addWithdrawnStory(db: Kysely<DB>) {
  await db
    .insertInto('gloria_article')
    .values({
      id: crypto.randomUUID(),
      slug: 'en-trukket-historie',
      team_id: stableId('gloria_team:city'),
      kind: 'life_story',
      title: 'En trukket historie',
      body: '',
      state: 'withdrawn',
      author_name: 'Eksempeldata',
      storyteller_anonymous: true,
      consent_withdrawn_at: testNow,
      is_example: true,
      created_at: testNow,
      updated_at: testNow,
    })
    .execute();
}
