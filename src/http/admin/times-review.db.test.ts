import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { formFields } from '../../../test/support/forms.ts';
import { signedInStaff, testAdminDeps } from '../../../test/support/staff.ts';
import type { Database } from '../../db/database.ts';
import type { Grant } from '../../domain/access/policy.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
/** A self-governing operator's offering under a centre, with opening hours and activities. */
let place: { id: string; slug: string; operatorId: string; centreId: string };
let nabo: { id: string; slug: string };
const deps = () => testAdminDeps(database);
const person = (name: string, grant: Grant) => signedInStaff(app, database, { name, grant });

/** The same text as on the pages, with the word joiners of a time span. */
const span = (from: string, to: string) => `${from}\u2060–\u2060${to}`;
const publicPage = async (slug: string) => (await app.request(`/tilbud/${slug}`)).text();
const opens = async (offeringId: string) =>
  (await database.db.selectFrom('schedule').select('opens_at').where('offering_id', '=', offeringId).execute()).map((row) => row.opens_at.slice(0, 5));
const proposalStatus = async (id: string) => (await database.db.selectFrom('times_proposal').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const actionsSince = async (count: number) => (await deps().audit.search({ limit: 100, offset: 0 })).entries.map((entry) => entry.action).slice(0, count).reverse();

/** The hours form with one new opening period in its first empty row. */
function withNewRule(fields: Record<string, string>, weekday: string, from: string, to: string) {
  const row = Array.from({ length: 100 }, (_, index) => index).find((index) => fields[`rules.${index}.weekday`] === '');
  assert.ok(row !== undefined, 'the form has an empty row');
  return { ...fields, [`rules.${row}.weekday`]: weekday, [`rules.${row}.opens`]: from, [`rules.${row}.closes`]: to, handling: 'gem' };
}

const proposalIn = (html: string) => html.match(/href="\/admin\/tilbud\/[a-z0-9-]+\/tider\/forslag\/([0-9a-f-]{36})"/)?.[1];

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  const row = await database.db
    .selectFrom('offering')
    .innerJoin('organization', 'organization.id', 'offering.operator_id')
    .select(['offering.id', 'offering.slug', 'offering.operator_id', 'offering.centre_id'])
    .where('organization.ownership', '=', 'self_governing')
    .where('offering.centre_id', 'is not', null)
    .where(sql<boolean>`exists (select 1 from schedule where schedule.offering_id = offering.id)`)
    .where(sql<boolean>`exists (select 1 from activity where activity.offering_id = offering.id and activity.occurs_on is null)`)
    .orderBy('offering.slug')
    .executeTakeFirstOrThrow();
  place = { id: row.id, slug: row.slug, operatorId: row.operator_id!, centreId: row.centre_id! };
  nabo = await database.db.selectFrom('offering').select(['id', 'slug']).where('slug', '=', 'nabo').executeTakeFirstOrThrow();
});
after(() => database.close());

describe(`Hours and activities from an editor under review wait for the centre (${databaseKind})`, () => {
  it('turns the editor\'s hours into a proposal that the centre lead sees as a Danish diff, rejects with a reason, then approves; the public page shows only approved hours', async () => {
    const editor = await person('Olga Operatør', { role: 'operator_editor', offeringId: null, organizationId: place.operatorId });
    const lead = await person('Carl Centerleder', { role: 'centre_lead', offeringId: null, organizationId: place.centreId });
    const hours = `/admin/tilbud/${place.slug}/aabningstider`;

    const sent = await editor.post(hours, withNewRule(formFields((await editor.get(hours)).text, hours), '6', '7.15', '8:45'));
    assert.equal(sent.status, 303);
    assert.equal(sent.location, `${hours}?foreslaaet=1`);
    assert.ok(!(await publicPage(place.slug)).includes(span('07:15', '08:45')), 'not public before approval');
    assert.ok(!(await opens(place.id)).includes('07:15'));
    const followed = await editor.get(sent.location!);
    assert.match(followed.text, /Dine åbningstider er sendt til centret/);
    assert.match(followed.text, /Ændring af åbningstiderne, fra Olga Operatør, [^<]*: venter/);

    assert.match((await lead.get('/admin')).text, /1 ændring venter/);
    const id = proposalIn((await lead.get('/admin/godkendelser')).text)!;
    assert.ok(id, 'the proposal is listed for the centre lead');
    const path = `/admin/tilbud/${place.slug}/tider/forslag/${id}`;
    const shown = await lead.get(path);
    assert.equal(shown.status, 200);
    assert.ok(shown.text.includes(`<th scope="row">Ny fast åbningstid</th><td>–</td><td>Hver lørdag ${span('07:15', '08:45')}</td>`), 'the new period as a row of the diff');
    assert.match(shown.text, /Godkend og offentliggør/);

    const noReason = await lead.post(path, { beslutning: 'afvis', reason: '' });
    assert.equal(noReason.status, 400);
    assert.match(noReason.text, /<title>Fejl: /);
    assert.match(noReason.text, /<a href="#reason">Skriv en begrundelse, når du afviser/);
    const rejected = await lead.post(path, { beslutning: 'afvis', reason: 'Vi har ikke personale lørdag morgen' });
    assert.equal(rejected.status, 303);
    assert.equal(await proposalStatus(id), 'rejected');
    // The proposer sees the outcome on the front page and on the proposal, and cannot decide it.
    assert.match((await editor.get('/admin')).text, /afvist<\/a> – «Vi har ikke personale lørdag morgen»/);
    assert.match((await editor.get(path)).text, /Status: afvist af Carl Centerleder/);
    assert.equal((await editor.post(path, { beslutning: 'godkend' })).status, 403);

    const again = await editor.post(hours, withNewRule(formFields((await editor.get(hours)).text, hours), '6', '09:15', '10:45'));
    assert.equal(again.status, 303);
    const second = proposalIn((await lead.get('/admin/godkendelser')).text)!;
    const approved = await lead.post(`/admin/tilbud/${place.slug}/tider/forslag/${second}`, { beslutning: 'godkend', reason: '' });
    assert.equal(approved.status, 303);
    assert.match((await lead.get(approved.location!)).text, /Forslaget er godkendt og står på den offentlige side nu/);
    assert.ok((await publicPage(place.slug)).includes(span('09:15', '10:45')), 'public after approval');
    assert.match((await editor.get('/admin')).text, /godkendt<\/a>/);
    // Deciding twice changes nothing.
    assert.equal((await lead.post(`/admin/tilbud/${place.slug}/tider/forslag/${second}`, { beslutning: 'afvis', reason: 'For sent' })).status, 303);
    assert.equal(await proposalStatus(second), 'approved');

    assert.deepEqual(await actionsSince(5), ['times.propose', 'review.reject', 'times.propose', 'schedule.replace', 'review.approve']);
    const { entries } = await deps().audit.search({ action: 'schedule.replace', limit: 1, offset: 0 });
    assert.match(entries[0]!.summary, /^Offentliggjorde et godkendt forslag fra Olga Operatør: Rettede åbningstiderne for /);
    assert.equal(entries[0]!.actorName, 'Carl Centerleder');
  });

  it('refuses to approve hours whose base changed since, showing both the proposal and the change, and loses nothing', async () => {
    const editor = await person('Olga Operatør', { role: 'operator_editor', offeringId: null, organizationId: place.operatorId });
    const lead = await person('Carl Centerleder', { role: 'centre_lead', offeringId: null, organizationId: place.centreId });
    const hours = `/admin/tilbud/${place.slug}/aabningstider`;
    assert.equal((await editor.post(hours, withNewRule(formFields((await editor.get(hours)).text, hours), '7', '18:00', '21:00'))).status, 303);
    const id = proposalIn((await lead.get('/admin/godkendelser')).text)!;
    // The centre lead changes the hours directly before deciding.
    assert.equal((await lead.post(hours, withNewRule(formFields((await lead.get(hours)).text, hours), '6', '11:11', '12:12'))).status, 303);

    const path = `/admin/tilbud/${place.slug}/tider/forslag/${id}`;
    const shown = await lead.get(path);
    assert.match(shown.text, /Åbningstiderne er ændret, siden forslaget blev skrevet/);
    assert.doesNotMatch(shown.text, /Godkend og offentliggør/);
    const refused = await lead.post(path, { beslutning: 'godkend', reason: '' });
    assert.equal(refused.status, 409);
    assert.match(refused.text, /<a href="#changed-heading">Forslaget kan ikke godkendes, fordi åbningstiderne er ændret, siden det blev skrevet\. Intet er ændret/);
    assert.ok(refused.text.includes(`Hver søndag ${span('18:00', '21:00')}`), 'the proposal');
    assert.ok(refused.text.includes(`Hver lørdag ${span('11:11', '12:12')}`), 'the change made since');
    assert.equal(await proposalStatus(id), 'pending');
    assert.ok(!(await opens(place.id)).includes('18:00'));
    assert.ok((await opens(place.id)).includes('11:11'));
    // Rejecting with a reason still works, so the editor can send it again on the hours as they are.
    assert.equal((await lead.post(path, { beslutning: 'afvis', reason: 'Send igen ud fra lørdagens nye tid' })).status, 303);
  });

  it('turns activity changes into proposals: an edit approved and applied, a removal of an activity changed since refused', async () => {
    const editor = await person('Olga Operatør', { role: 'operator_editor', offeringId: null, organizationId: place.operatorId });
    const lead = await person('Carl Centerleder', { role: 'centre_lead', offeringId: null, organizationId: place.centreId });
    const list = `/admin/tilbud/${place.slug}/aktiviteter`;
    const page = await editor.get(list);
    assert.match(page.text, /bliver offentlige, når centret har godkendt dem/);
    const [, activityId, name] = page.text.match(new RegExp(`href="${list}/([0-9a-f-]{36})">([^<]+)<`))!;
    const path = `${list}/${activityId}`;
    const form = formFields((await editor.get(path)).text, path);
    const sent = await editor.post(path, { ...form, 'activity.startsAt': '06:05', 'activity.endsAt': '06:55' });
    assert.equal(sent.status, 303);
    assert.equal(sent.location, `${list}?foreslaaet=1`);
    assert.ok(!(await publicPage(place.slug)).includes(span('06:05', '06:55')));

    const id = proposalIn((await lead.get('/admin/godkendelser')).text)!;
    const proposal = `/admin/tilbud/${place.slug}/tider/forslag/${id}`;
    const shown = await lead.get(proposal);
    assert.match(shown.text, new RegExp(`Forslag for [^<]+: Ændring af aktiviteten «${name}»`));
    assert.match(shown.text, /<th scope="row">Hvornår<\/th>/);
    assert.ok(shown.text.includes(span('06:05', '06:55')));
    assert.equal((await lead.post(proposal, { beslutning: 'godkend' })).status, 303);
    assert.ok((await publicPage(place.slug)).includes(span('06:05', '06:55')), 'the approved activity is public');

    const removal = await editor.post(`${path}/fjern`, { confirm: 'ja' });
    assert.equal(removal.status, 303);
    const removalId = proposalIn((await lead.get('/admin/godkendelser')).text)!;
    assert.equal((await lead.post(path, { ...formFields((await lead.get(path)).text, path), 'activity.endsAt': '07:00' })).status, 303);
    const refused = await lead.post(`/admin/tilbud/${place.slug}/tider/forslag/${removalId}`, { beslutning: 'godkend' });
    assert.equal(refused.status, 409);
    assert.match(refused.text, /Forslaget kan ikke godkendes, fordi aktiviteten er ændret/);
    assert.ok(refused.text.includes(span('06:05', '07:00')), 'the activity as it is now');
    const still = await database.db.selectFrom('activity').select('id').where('id', '=', activityId!).executeTakeFirst();
    assert.ok(still, 'nothing removed');
  });
});

describe(`Undo and history of hours and activities (${databaseKind})`, () => {
  const hours = '/admin/tilbud/nabo/aabningstider';
  const staffGrant = (): Grant => ({ role: 'offering_staff', offeringId: nabo.id, organizationId: null });

  it('undoes the last change of the hours in one click, audited, and refuses when someone changed them since', async () => {
    const staff = await person('Søren Staff', staffGrant());
    const before = (await opens(nabo.id)).sort();
    const saved = await staff.post(hours, withNewRule(formFields((await staff.get(hours)).text, hours), '6', '07:15', '08:45'));
    const auditId = saved.location!.match(/aendring=(\d+)/)![1]!;
    const after = await staff.get(saved.location!);
    assert.match(after.text, /Fortryd ændringen/);
    const undone = await staff.post('/admin/tilbud/nabo/tider/fortryd', formFields(after.text, '/admin/tilbud/nabo/tider/fortryd'));
    assert.equal(undone.status, 303);
    assert.equal(undone.location, `${hours}?fortrudt=1`);
    assert.match((await staff.get(undone.location!)).text, /Ændringen er fortrudt/);
    assert.deepEqual((await opens(nabo.id)).sort(), before);
    assert.ok(!(await publicPage('nabo')).includes(span('07:15', '08:45')));
    const { entries } = await deps().audit.search({ action: 'schedule.replace', limit: 1, offset: 0 });
    assert.equal(entries[0]!.summary, 'Fortrød en ændring af åbningstiderne for Nabo');
    assert.equal((entries[0]!.detail as { undoes: string }).undoes, auditId);

    // A change someone else made after it: the undo is refused, both shown, nothing changed.
    const other = await person('Bo Anden', staffGrant());
    const first = await staff.post(hours, withNewRule(formFields((await staff.get(hours)).text, hours), '6', '07:30', '08:30'));
    const firstId = first.location!.match(/aendring=(\d+)/)![1]!;
    assert.equal((await other.post(hours, withNewRule(formFields((await other.get(hours)).text, hours), '7', '19:00', '20:00'))).status, 303);
    const refused = await staff.post('/admin/tilbud/nabo/tider/fortryd', { aendring: firstId });
    assert.equal(refused.status, 409);
    assert.match(refused.text, /Ændringen kan ikke fortrydes/);
    assert.match(refused.text, /En anden har ændret åbningstiderne, siden ændringen blev gemt\. Intet er ændret/);
    assert.ok(refused.text.includes(`Hver søndag ${span('19:00', '20:00')}`), 'what is saved now');
    assert.ok((await opens(nabo.id)).includes('07:30') && (await opens(nabo.id)).includes('19:00'));
    assert.equal((await staff.post('/admin/tilbud/nabo/tider/fortryd', { aendring: '999999' })).status, 404);
  });

  it('undoes an activity change, and restores the hours from before an older change in the history', async () => {
    const staff = await person('Søren Staff', staffGrant());
    const list = '/admin/tilbud/nabo/aktiviteter';
    const activityId = (await staff.get(list)).text.match(/href="\/admin\/tilbud\/nabo\/aktiviteter\/([0-9a-f-]{36})">Fællesspisning</)![1]!;
    const path = `${list}/${activityId}`;
    const edited = await staff.post(path, { ...formFields((await staff.get(path)).text, path), 'activity.name': 'Fællesspisning om fredagen' });
    assert.match(edited.location!, /gemt=1&aendring=\d+$/);
    const page = await staff.get(edited.location!);
    const undone = await staff.post('/admin/tilbud/nabo/tider/fortryd', formFields(page.text, '/admin/tilbud/nabo/tider/fortryd'));
    assert.equal(undone.location, `${list}?fortrudt=1`);
    const name = await database.db.selectFrom('activity').select('name').where('id', '=', activityId).executeTakeFirstOrThrow();
    assert.equal(name.name, 'Fællesspisning');

    const history = await staff.get('/admin/tilbud/nabo/tider/historik');
    assert.equal(history.status, 200);
    assert.match(history.text, /Fortrød en ændring af aktiviteten «Fællesspisning» for Nabo/);
    assert.match(history.text, /<th scope="row">Navn<\/th><td>Fællesspisning om fredagen<\/td><td>Fællesspisning<\/td>/);
    // The oldest change of the hours (Saturday 07:15 added) and what it restores: the hours from before it.
    const forms = [...history.text.matchAll(/<input type="hidden" name="post" value="(\d+)"\/><input type="hidden" name="readAt" value="([^"]*)"\/><button[^>]*>Gendan åbningstiderne/g)];
    const [, oldest, readAt] = forms.at(-1)!;
    const before = (await deps().times.savedChange(oldest!))!;
    assert.equal(before.kind, 'schedule');
    const restored = await staff.post('/admin/tilbud/nabo/tider/gendan', { post: oldest!, readAt: readAt! });
    assert.equal(restored.status, 303);
    assert.equal(restored.location, '/admin/tilbud/nabo/tider/historik?gendannet=1');
    assert.deepEqual((await opens(nabo.id)).sort(), before.kind === 'schedule' ? before.before.rules.map((rule) => rule.opens).sort() : []);
    // The history page was read before the restore: restoring from it again is refused.
    const stale = await staff.post('/admin/tilbud/nabo/tider/gendan', { post: forms[0]![1]!, readAt: forms[0]![2]! });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /Ændringen kan ikke gendannes/);
  });
});
