import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { signedInStaff } from '../../../test/support/staff.ts';
import type { Database } from '../../db/database.ts';
import { seedIds } from '../../db/seed/seed-range.ts';
import { stableId } from '../../domain/stable-id.ts';
import { createGloriaStore } from '../../db/gloria-store.ts';
import { gloriaRetentionJob } from '../../jobs/gloria-retention.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
type Person = Awaited<ReturnType<typeof signedInStaff>> & { name: string };
let admin: Person;
let writer: Person;
let editor: Person;
let otherEditor: Person;
const norrebro = stableId('gloria_team:norrebro');

const plainText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');
const staff = async (name: string, role: 'offering_staff' | 'editor' | 'system_admin' | 'planner'): Promise<Person> => ({
  ...(await signedInStaff(app, database, { name, grant: { role, offeringId: role === 'offering_staff' ? seedIds.offering('nabo') : null, organizationId: null } })),
  name,
});

/** The article form as the browser sends it: multipart, with the session's token, a file if given. */
async function postArticle(person: Person, path: string, fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type: string }) {
  const form = new FormData();
  form.set('_csrf', person.csrf);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file) form.set('image', new Blob([file.bytes as BlobPart], { type: file.type }), file.name);
  const response = await app.request(path, { method: 'POST', headers: { cookie: person.cookie }, body: form });
  return { status: response.status, text: await response.text(), location: response.headers.get('location') };
}

// A whole 1×1 PNG: an image is saved only when its structure can be followed (its metadata is removed).
const png = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
const draft = { teamId: norrebro, kind: 'news', title: 'Brætspil om torsdagen', lead: 'Kom og spil med.', body: 'Vi spiller hver torsdag.\r\n\r\n•\tKaffe\r\n•\tKage', themeId: '', themePosition: '', imageAlt: '' };

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  admin = await staff('Admin Anne', 'system_admin');
  writer = await staff('Skribent Sofie', 'offering_staff');
  editor = await staff('Redaktør Rasmus', 'editor');
  otherEditor = await staff('Redaktør Rikke', 'planner');
  await database.db
    .insertInto('user_job')
    .values({ id: stableId('user_job:gloria-test'), offering_id: seedIds.offering('nabo'), kind: 'editorial', title: 'Skribent på Gloria', description: 'Skriver til bladet.', hours_per_week: 4, how_to_apply: 'Spørg i caféen.', created_at: new Date('2026-11-01T00:00:00Z') })
    .execute();
});
after(() => database.close());

describe(`Gloria in the back office (${databaseKind})`, () => {
  it('lets a system administrator put people on a team as writer or editor, one of them as a user job; others are refused the teams page', async () => {
    const before = await writer.get('/admin/gloria');
    assert.equal(before.status, 200);
    assert.match(plainText(before.text), /Du er ikke med i nogen af Glorias redaktioner endnu/);
    assert.equal((await writer.get('/admin/gloria/redaktioner')).status, 403);

    const page = await admin.get('/admin/gloria/redaktioner');
    assert.equal(page.status, 200);
    assert.match(plainText(page.text), /Gloria – hele byen .* Gloria Nørrebro/);
    const add = (person: Person, role: string, userJobId = '') => admin.post(`/admin/gloria/redaktioner/${norrebro}/medlemmer`, { accountId: person.accountId, role, userJobId });
    assert.equal((await add(writer, 'writer', stableId('user_job:gloria-test'))).status, 303);
    assert.equal((await add(editor, 'editor')).status, 303);
    assert.equal((await add(otherEditor, 'editor')).status, 303);
    const twice = await add(writer, 'editor');
    assert.equal(twice.status, 400);
    assert.match(plainText(twice.text), /Skribent Sofie er allerede med i Gloria Nørrebro/);
    assert.match(plainText((await admin.get('/admin/gloria/redaktioner')).text), /Skribent Sofie: skribent \(brugerjob: Skribent på Gloria, Nabo/);
    const audit = await database.db.selectFrom('audit_entry').select('summary').where('action', '=', 'gloria.member.add').execute();
    assert.equal(audit.length, 3);
  });

  it('takes a draft pasted from Word, cleans it, shows its LIX, and refuses a save over a newer version with both versions shown', async () => {
    const created = await postArticle(writer, '/admin/gloria/ny', draft);
    assert.equal(created.status, 303, created.text.slice(0, 300));
    const url = created.location!.replace(/\?.*$/, '');
    const page = await writer.get(url);
    assert.match(page.text, /<textarea[^>]*name="body"[^>]*>Vi spiller hver torsdag\.\n\n- Kaffe\n- Kage<\/textarea>/);
    assert.match(plainText(page.text), /LIX \d+ : teksten er .*Tekster til borgere skal helst have LIX 35 eller mindre/);
    assert.match(page.text, /<ul><li>Kaffe<\/li><li>Kage<\/li><\/ul>/, 'the preview shows the list');

    const version = /name="version" value="(\d+)"/.exec(page.text)![1]!;
    assert.equal((await postArticle(editor, url, { ...draft, version, body: 'Redaktørens udgave.' })).status, 303);
    const stale = await postArticle(writer, url, { ...draft, version, body: 'Skribentens nye udgave.' });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /Skribentens nye udgave\./, 'what the writer typed is kept');
    assert.match(plainText(stale.text), /Den gemte udgave \(kladde\) .*Redaktørens udgave\./, 'and the saved version is shown');
  });

  it('refuses an image without alt text with the rest of the form kept, and a file that is not an image', async () => {
    const noAlt = await postArticle(writer, '/admin/gloria/ny', { ...draft, title: 'Med billede' }, { bytes: png, name: 'foto.png', type: 'image/png' });
    assert.equal(noAlt.status, 400);
    assert.match(noAlt.text, /<title>Fejl: /);
    assert.match(plainText(noAlt.text), /Skriv, hvad billedet viser, så de, der ikke kan se det, får det med\./);
    assert.match(noAlt.text, /value="Med billede"/, 'the headline typed is kept');
    const svg = await postArticle(writer, '/admin/gloria/ny', { ...draft, title: 'Med billede', imageAlt: 'Et spillebræt' }, { bytes: new TextEncoder().encode('<svg/>'), name: 'foto.png', type: 'image/png' });
    assert.equal(svg.status, 400);
    assert.match(plainText(svg.text), /Filen er ikke et billede, vi kan bruge/);
    const ok = await postArticle(writer, '/admin/gloria/ny', { ...draft, title: 'Med billede', imageAlt: 'Et spillebræt på et bord' }, { bytes: png, name: 'foto.png', type: 'image/png' });
    assert.equal(ok.status, 303);
  });

  it('sends a text to review; only an editor who did not write it publishes; a comment sends it back; audited at each step; public with its image', async () => {
    const created = await postArticle(writer, '/admin/gloria/ny', { ...draft, title: 'Fællesspisning på Nørrebro', imageAlt: 'Et langt bord med mad' }, { bytes: png, name: 'mad.png', type: 'image/png' });
    const url = created.location!.replace(/\?.*$/, '');
    assert.equal((await writer.post(`${url}/udgiv`, {})).status, 403, 'a writer never publishes');
    assert.equal((await writer.post(`${url}/send`, {})).status, 303);
    const back = await editor.post(`${url}/tilbage`, { comment: '' });
    assert.equal(back.status, 400);
    assert.match(plainText(back.text), /Skriv en kommentar til skribenten/);
    assert.equal((await editor.post(`${url}/tilbage`, { comment: 'Skriv hvornår vi spiser.' })).status, 303);
    assert.match(plainText((await writer.get(url)).text), /Redaktørens kommentar: Skriv hvornår vi spiser\./);
    assert.equal((await writer.post(`${url}/send`, {})).status, 303);
    assert.equal((await editor.post(`${url}/udgiv`, {})).status, 303);
    const published = await app.request('/gloria/faellesspisning-paa-noerrebro');
    assert.equal(published.status, 200);
    const html = await published.text();
    const src = /<img src="(\/gloria\/billeder\/[0-9a-f-]{36}\.png)" alt="Et langt bord med mad"/.exec(html)?.[1];
    assert.ok(src, 'the image with its alt text');
    const image = await app.request(src!);
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.equal(image.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.deepEqual(new Uint8Array(await image.arrayBuffer()), png);
    assert.equal((await editor.post(`${url}/skjul`, {})).status, 303);
    assert.equal((await app.request('/gloria/faellesspisning-paa-noerrebro')).status, 404, 'unpublished, it is gone');
    assert.equal((await app.request(src!)).status, 404, 'and so is its image');
    const id = url.split('/').pop()!;
    const steps = await database.db.selectFrom('audit_entry').select('action').where('resource_id', '=', id).orderBy('at').orderBy('id').execute();
    assert.deepEqual(steps.map((step) => step.action).sort(), ['gloria.create', 'gloria.publish', 'gloria.return', 'gloria.submit', 'gloria.submit', 'gloria.unpublish'].sort());

    // An editor's own text waits for another editor.
    const own = await postArticle(editor, '/admin/gloria/ny', { ...draft, title: 'Redaktørens egen' });
    const ownUrl = own.location!.replace(/\?.*$/, '');
    await editor.post(`${ownUrl}/send`, {});
    const refused = await editor.post(`${ownUrl}/udgiv`, {});
    assert.equal(refused.status, 400);
    assert.match(plainText(refused.text), /Du kan ikke udgive din egen tekst/);
    assert.equal((await otherEditor.post(`${ownUrl}/udgiv`, {})).status, 303);
    // Someone outside the team is refused the text.
    const outsider = await staff('Udenfor Ulla', 'offering_staff');
    assert.equal((await outsider.get(ownUrl)).status, 403);
  });

  it('needs the storyteller\'s consent before review, names no anonymous storyteller, and takes a story off at once when consent is withdrawn', async () => {
    const created = await postArticle(writer, '/admin/gloria/ny', { ...draft, kind: 'life_story', title: 'Mit første år', body: 'Jeg kom for at drikke kaffe. Nu kommer jeg hver dag.', anonymous: 'ja' });
    const url = created.location!.replace(/\?.*$/, '');
    const early = await writer.post(`${url}/send`, {});
    assert.equal(early.status, 400);
    assert.match(plainText(early.text), /En livshistorie kan først sendes til gennemsyn, når fortællerens samtykke er skrevet ind/);
    const wrong = await writer.post(`${url}/samtykke`, { consentOn: '2026-12-24', consentHow: '', storytellerName: 'Bodil', anonymous: 'ja' });
    assert.equal(wrong.status, 400);
    assert.match(plainText(wrong.text), /Samtykket kan ikke være givet i fremtiden/);
    assert.equal((await writer.post(`${url}/samtykke`, { consentOn: '2026-11-20', consentHow: 'in_person', storytellerName: 'Bodil', anonymous: 'ja' })).status, 303);
    assert.match(plainText((await writer.get(url)).text), /Bodil sagde ja 20\. november 2026 \(mundtligt ved et møde\); skrevet ind af Skribent Sofie\. Historien er anonym\. Navnet slettes 19\. november 2028/);
    await writer.post(`${url}/send`, {});
    assert.equal((await editor.post(`${url}/udgiv`, {})).status, 303);
    const story = await (await app.request('/gloria/mit-foerste-aar')).text();
    assert.match(plainText(story), /Livshistorie · Fortalt anonymt/);
    assert.doesNotMatch(story, /Bodil/);

    assert.equal((await writer.post(`${url}/samtykke/traek-tilbage`, {})).status, 303);
    const gone = await app.request('/gloria/mit-foerste-aar');
    assert.equal(gone.status, 410);
    const goneText = plainText(await gone.text());
    assert.match(goneText, /Historien er trukket tilbage Fortælleren har trukket sit samtykke tilbage/);
    assert.doesNotMatch(goneText, /Mit første år|kaffe/);
    const row = await database.db.selectFrom('gloria_article').select(['body', 'storyteller_name', 'state']).where('slug', '=', 'mit-foerste-aar').executeTakeFirstOrThrow();
    assert.deepEqual(row, { body: '', storyteller_name: null, state: 'withdrawn' });
    assert.equal((await writer.post(`${url}/send`, {})).status, 400, 'a withdrawn story never comes back');
    assert.doesNotMatch(await (await app.request('/gloria/feed.atom')).text(), /Mit første år/);

    // A life story made into an article loses the storyteller's name and consent: they were given for the story.
    const other = (await postArticle(writer, '/admin/gloria/ny', { ...draft, kind: 'life_story', title: 'Skiftede slags' })).location!.replace(/\?.*$/, '');
    await writer.post(`${other}/samtykke`, { consentOn: '2026-11-20', consentHow: 'phone', storytellerName: 'Karl' });
    const version = /name="version" value="(\d+)"/.exec((await writer.get(other)).text)![1]!;
    assert.equal((await postArticle(writer, other, { ...draft, kind: 'article', title: 'Skiftede slags', version })).status, 303);
    const changed = await database.db.selectFrom('gloria_article').select(['kind', 'storyteller_name', 'consent_on']).where('slug', '=', 'skiftede-slags').executeTakeFirstOrThrow();
    assert.deepEqual(changed, { kind: 'article', storyteller_name: null, consent_on: null });
  });

  it('publishes a theme issue and its texts as one, only when every text is ready', async () => {
    const created = await editor.post('/admin/gloria/temaer', { teamId: norrebro, title: 'Fællesskab', intro: 'Om at høre til.' });
    assert.equal(created.status, 303);
    const themeUrl = created.location!.replace(/\?.*$/, '');
    const themeId = themeUrl.split('/').pop()!;
    const one = await postArticle(writer, '/admin/gloria/ny', { ...draft, title: 'Første tekst i temaet', themeId, themePosition: '1' });
    const two = await postArticle(writer, '/admin/gloria/ny', { ...draft, title: 'Anden tekst i temaet', themeId, themePosition: '2' });
    const oneUrl = one.location!.replace(/\?.*$/, '');
    await writer.post(`${oneUrl}/send`, {});
    const alone = await editor.post(`${oneUrl}/udgiv`, {});
    assert.match(plainText(alone.text), /udgives sammen med det/);
    const early = await editor.post(`${themeUrl}/udgiv`, {});
    assert.equal(early.status, 400);
    assert.match(plainText(early.text), /Ikke klar: «Anden tekst i temaet»/);
    await writer.post(`${two.location!.replace(/\?.*$/, '')}/send`, {});
    assert.equal((await editor.post(`${themeUrl}/udgiv`, {})).status, 303);
    const page = plainText(await (await app.request('/gloria/tema/faellesskab')).text());
    assert.match(page, /Fællesskab Om at høre til\. Tekster i temanummeret Første tekst i temaet .* Anden tekst i temaet/);
    assert.equal((await app.request('/gloria/anden-tekst-i-temaet')).status, 200);
  });

  it('deletes a storyteller\'s name on its date and leaves the story anonymous', async () => {
    const job = gloriaRetentionJob({ gloria: createGloriaStore(database.db) });
    const on = (iso: string) => ({ now: new Date(iso), clock: () => new Date(iso), signal: new AbortController().signal });
    assert.deepEqual(await job.run(on('2028-11-07T12:00:00Z')), { storytellers: 0 }, 'kept until two years after the consent');
    assert.ok(((await job.run(on('2030-01-01T02:00:00Z')))?.storytellers ?? 0) >= 1);
    assert.deepEqual(await job.run(on('2030-01-01T02:00:00Z')), { storytellers: 0 }, 'running it again changes nothing');
    const left = await database.db.selectFrom('gloria_article').select('id').where('storyteller_name', 'is not', null).execute();
    assert.equal(left.length, 0);
    assert.match(plainText(await (await app.request('/gloria/kaffen-var-min-vej-ind')).text()), /Fortalt anonymt/);
  });

  it("fills a text's live listings from the live data, in the preview and in public, and refuses a listing line it cannot read", async () => {
    const wrong = await postArticle(writer, '/admin/gloria/ny', { ...draft, title: 'Ugens steder', body: 'Se her.\n\n[[liste: aktivitter bydel=norrebro]]' });
    assert.equal(wrong.status, 400);
    assert.match(plainText(wrong.text), /Listen «\[\[liste: aktivitter bydel=norrebro\]\]» kan ikke vises: .*aktivitter/);
    assert.match(wrong.text, /Se her\./, 'the typing is kept');

    const created = await postArticle(writer, '/admin/gloria/ny', { ...draft, title: 'Steder der lukker i byen', body: 'Her er de steder, der lukker.\n\n[[liste: lukker]]\n\nSpørg personalet.' });
    assert.equal(created.status, 303);
    const url = created.location!.replace(/\?.*$/, '');
    const preview = plainText((await writer.get(url)).text);
    assert.match(preview, /Steder der lukker .*Amadeus.*Hentet fra Tilbudsviften/, 'the preview shows the listing as the page will');
    assert.equal((await writer.post(`${url}/send`, {})).status, 303);
    assert.equal((await editor.post(`${url}/udgiv`, {})).status, 303);
    const page = plainText(await (await app.request('/gloria/steder-der-lukker-i-byen')).text());
    assert.match(page, /Her er de steder, der lukker\. .*Amadeus.*Hentet fra Tilbudsviften .* Spørg personalet\./);
    assert.doesNotMatch(page, /\[\[liste/, 'the line itself is never shown');
  });
});
