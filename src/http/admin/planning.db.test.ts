import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { formFields } from '../../../test/support/forms.ts';
import { signedInStaff } from '../../../test/support/staff.ts';
import type { Database } from '../../db/database.ts';
import { seedIds } from '../../db/seed/seed-range.ts';
import { modelScenarioId } from '../../db/seed/seed-scenarios.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
});
after(() => database.close());

const planner = (name = 'Planlægger Pia') => signedInStaff(app, database, { name, grant: { role: 'planner', offeringId: null, organizationId: null } });
const plainText = (html: string) => html.replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

async function newScenario(person: Awaited<ReturnType<typeof planner>>, title: string) {
  const created = await person.post('/admin/planlaegning', { title, summary: '', startsOn: '2026-12-01' });
  assert.equal(created.status, 303);
  return created.location!;
}

describe(`planning scenarios in the back office and in public (${databaseKind})`, () => {
  it('shows the 2016 model to everyone, citable, with before and after and the approximate placements labelled', async () => {
    const page = await app.request(`/planlaegning/${modelScenarioId}`);
    assert.equal(page.status, 200);
    const text = plainText(await page.text());
    assert.match(text, /Modellen for 2016/);
    assert.match(text, /Fast adresse til at citere: http:\/\/127\.0\.0\.1:3000\/planlaegning\//);
    assert.match(text, /Amadeus , Pegasus , Café Rose lægges sammen i Nyt aktivitets- og samværstilbud i Sydhavnen/);
    assert.match(text, /Kilde: bilag 000, bilag 002/);
    assert.match(text, /omtrentlig/);
    assert.match(text, /Ikke på kortet: ingen adresse endnu/);
    // Coverage before and after on the (approximate) population grid: the whole municipality's row is there, and the
    // places the model closes and opens move at least one district's share beyond 1 km or its median distance.
    assert.match(text, /Afstand til nærmeste sted/);
    assert.match(text, /Et socialt sted for alle\s*\.\s*Andel af beboerne/);
    assert.match(text, /Ikke regnet med, fordi de ingen adresse har endnu: .*Nyt aktivitets- og samværstilbud i Sydhavnen/);
    assert.match(text, /afrundede skøn/);
    assert.match(text, /Hele kommunen/);
    assert.match(text, /\d+ % → \d+ %|\d+ m → [\d.]+ m/);
    const list = plainText(await (await app.request('/planlaegning')).text());
    assert.match(list, /Modellen for 2016/);
    const english = await app.request(`/en/planlaegning/${modelScenarioId}?sammenlign=idag`);
    assert.equal(english.status, 200);
    assert.match(plainText(await english.text()), /The range today/);
  });

  it('drafts a scenario with changes, refuses bad ones in plain Danish and keeps what was typed', async () => {
    const person = await planner();
    const base = await newScenario(person, 'Sydhavnen 2027');
    assert.equal((await app.request(base.replace('/admin', ''))).status, 404, 'a draft is not public');

    const close = await person.post(`${base}/aendring?art=luk`, { offeringId: seedIds.offering('nabo'), on: '2027-03-01', rationale: 'Lejemålet udløber.', appropriation: '1613', amountPerYear: '-1.200', fromYear: '2027' });
    assert.equal(close.status, 303);
    const again = await person.post(`${base}/aendring?art=luk`, { offeringId: seedIds.offering('nabo'), on: '2027-05-01', rationale: 'Igen.' });
    assert.equal(again.status, 400);
    assert.match(again.text, /<title>Fejl: /);
    assert.match(plainText(again.text), /Nabo er allerede lukket i scenariet fra 1\. marts 2027 og kan ikke lukkes igen\./);
    assert.match(again.text, /Igen\./, 'the rationale typed is kept');

    const early = await person.post(`${base}/aendring?art=profil`, { offeringId: seedIds.offering('kompasset'), profile: 'both', on: '2026-06-01', rationale: 'Mere samvær.' });
    assert.match(plainText(early.text), /før scenariets startdato, 1\. december 2026/);

    // Merging a place into itself: the same place twice.
    const form = new URLSearchParams({ _csrf: person.csrf, name: 'Multihuset', profile: 'both', on: '2027-06-01', rationale: 'Samles i ét hus.' });
    form.append('offeringIds', seedIds.offering('kompasset'));
    form.append('offeringIds', seedIds.offering('kompasset'));
    const itself = await app.request(`${base}/aendring?art=saml`, { method: 'POST', headers: { cookie: person.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    assert.equal(itself.status, 400);
    assert.match(plainText(await itself.text()), /kan ikke lægges sammen med sig selv/);

    const budgetWrong = await person.post(`${base}/aendring?art=aabn`, { name: 'Nyt hus', profile: 'social', on: '2027-02-01', rationale: 'Behov i området.', appropriation: '16', amountPerYear: '500', fromYear: '2027' });
    assert.match(plainText(budgetWrong.text), /Bevillingen er et nummer på fire cifre/);

    const opened = await person.post(`${base}/aendring?art=aabn`, { name: 'Nyt hus i Sydhavnen', address: 'Enghavevej 80', profile: 'social', on: '2027-02-01', rationale: 'Behov i området.', appropriation: '1613', amountPerYear: '800', fromYear: '2028' });
    assert.equal(opened.status, 303, plainText(opened.text).slice(0, 400));

    const page = plainText((await person.get(base)).text);
    assert.match(page, /Lukning 1\. marts 2027: Nabo/);
    assert.match(page, /Nyt sted 1\. februar 2027: Nyt hus i Sydhavnen/);
    assert.match(page, /Budgetvirkning pr\. år/);
    assert.match(page, /1613 \(2027-priser\) -1\.200 -1\.200/);
    // Compared with the 2016 model instead of its own start: the model's new houses are "before".
    const against = plainText((await person.get(`${base}?sammenlign=${modelScenarioId}`)).text);
    assert.match(against, /Modellen for 2016, i ord/);
    assert.match(against, /Sydhavnen 2027, i ord/);
  });

  it('autosaves a draft and never overwrites a save made since the form was read: both are shown, the typing kept', async () => {
    const pia = await planner();
    const ole = await planner('Planlægger Ole');
    const base = await newScenario(pia, 'Nørrebro 2028');
    const piaForm = formFields((await pia.get(base)).text, base);
    const oleForm = formFields((await ole.get(base)).text, base);

    const autosave = await app.request(base, {
      method: 'POST',
      headers: { cookie: pia.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ ...piaForm, _csrf: pia.csrf, summary: 'Pias udkast' }),
    });
    assert.deepEqual(await autosave.json(), { outcome: 'saved', version: 2 });

    const stale = await ole.post(base, { ...oleForm, summary: 'Oles udkast' });
    assert.equal(stale.status, 409);
    const text = plainText(stale.text);
    assert.match(text, /Planlægger Pia gemte scenariet/);
    assert.match(text, /beskrivelse »Pias udkast«/);
    assert.match(stale.text, />Oles udkast</, "Ole's typing is still in the field");
    // Saving again from the page with both on it is Ole's choice, and it is kept.
    const resend = await ole.post(base, formFields(stale.text, base));
    assert.equal(resend.status, 303);
    const stored = await database.db.selectFrom('planning_scenario').select(['summary', 'version']).where('id', '=', base.split('/').at(-1)!).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { summary: 'Oles udkast', version: 3 });
  });

  it('publishes a draft as it was seen: read-only in the back office and public at its own address', async () => {
    const person = await planner();
    const base = await newScenario(person, 'Amager 2027');
    const page = (await person.get(base)).text;
    const publish = await person.post(`${base}/offentliggoer`, formFields(page, `${base}/offentliggoer`));
    assert.equal(publish.status, 303);
    const after = (await person.get(base)).text;
    assert.match(plainText(after), /er offentliggjort .* og kan ikke ændres/);
    assert.doesNotMatch(after, /action="[^"]*\/aendring/);
    assert.equal((await app.request(base.replace('/admin', ''))).status, 200);
    const change = await person.post(`${base}/aendring?art=luk`, { offeringId: seedIds.offering('nabo'), on: '2027-03-01', rationale: 'For sent.' });
    assert.equal(change.status, 409);
  });

  it('shows location, premises and use side by side; premises rated in the scenario; a score only with weights', async () => {
    const person = await planner();
    const base = await newScenario(person, 'Kriterier 2027');
    const nabo = seedIds.offering('nabo');
    await database.db
      .insertInto('visit_tally')
      .values({ id: crypto.randomUUID(), client_id: 'kriterier-test-1', offering_id: nabo, on_date: '2026-10-06', visits: 23, registered_by_name: 'Mette Dør', registered_at: new Date('2026-10-06T15:00:00Z') })
      .execute();
    await database.db
      .insertInto('visit_month_review')
      .values({ id: crypto.randomUUID(), offering_id: nabo, month: '2026-10', verdict: 'disputed', visits_seen: 23, comment: 'To dage mangler.', reviewed_by_name: 'Ole Operatør', reviewed_at: new Date('2026-11-02T09:00:00Z') })
      .execute();
    const page = await person.get(`${base}/kriterier`);
    assert.equal(page.status, 200);
    const text = plainText(page.text);
    assert.match(text, /23 besøg i oktober 2026, talt 1 af \d+ dage med åbent, registreret af Mette Dør\. Bestridt af Ole Operatør: »To dage mangler\.«/);
    assert.match(text, /Intet tal for oktober 2026/);
    assert.match(text, /Nærmest: [^;]+ \d+,\d km/);
    assert.doesNotMatch(text, /Samlet \(0–100\)/, 'no score without weights');

    const wrong = await person.post(`${base}/kriterier`, { ...formFields(page.text, `${base}/kriterier`), [`rating-${nabo}`]: '', [`note-${nabo}`]: 'Trapper uden elevator' });
    assert.equal(wrong.status, 400);
    assert.match(plainText(wrong.text), /Giv lokalerne på Nabo en karakter fra 1 \(dårlige\) til 5 \(gode\)/);
    assert.match(wrong.text, /value="Trapper uden elevator"/);
    const saved = await person.post(`${base}/kriterier`, { ...formFields(page.text, `${base}/kriterier`), [`rating-${nabo}`]: '2', [`note-${nabo}`]: 'Trapper uden elevator' });
    assert.equal(saved.status, 303);
    const weighted = plainText((await person.get(`${base}/kriterier?vaegt-location=1&vaegt-premises=2&vaegt-use=1`)).text);
    assert.match(weighted, /Samlet \(0–100\)/);
    assert.match(weighted, /2 af 5: Trapper uden elevator/);
  });

  it('plans the transition of every closing place, and shows it on the place\'s public page once published', async () => {
    const person = await planner();
    const base = await newScenario(person, 'Overgange 2027');
    const kompasset = seedIds.offering('kompasset');
    assert.equal((await person.post(`${base}/aendring?art=luk`, { offeringId: kompasset, successorId: seedIds.offering('nabo'), on: '2027-06-30', rationale: 'Lejemålet udløber.' })).status, 303);
    const page = await person.get(`${base}/overgange`);
    assert.equal(page.status, 200);
    const text = plainText(page.text);
    assert.match(text, /Kompasset Lukker 30\. juni 2027\./);
    assert.match(text, /Nabo \(brugerne henvises hertil\): \d+,\d km væk[^;]*; åbent [^.]+eksempeldata/);

    const fields = formFields(page.text, `${base}/overgange`);
    const late = await person.post(`${base}/overgange`, { ...fields, [`reducedFrom-${kompasset}`]: '2027-07-15', [`reducedHours-${kompasset}`]: 'Tirsdag og torsdag 10–15', [`helpers-${kompasset}`]: 'Personalet følger brugerne på besøg.' });
    assert.equal(late.status, 400);
    assert.match(plainText(late.text), /Perioden med færre timer på Kompasset skal begynde fra 1\. december 2026 og før lukningen 30\. juni 2027\./);
    assert.match(late.text, /Personalet følger brugerne på besøg\./, 'the typing is kept');
    const saved = await person.post(`${base}/overgange`, { ...fields, [`reducedFrom-${kompasset}`]: '2027-05-01', [`reducedHours-${kompasset}`]: 'Tirsdag og torsdag 10–15', [`helpers-${kompasset}`]: 'Personalet følger brugerne på besøg.' });
    assert.equal(saved.status, 303);
    const outdated = await person.post(`${base}/overgange`, { ...fields, [`helpers-${kompasset}`]: 'Skrevet på en gammel udgave.' });
    assert.equal(outdated.status, 409);
    assert.match(outdated.text, /Skrevet på en gammel udgave\./, 'the typing is kept beside the version saved since');

    const before = plainText(await (await app.request('/tilbud/kompasset')).text());
    assert.doesNotMatch(before, /Overgange 2027/, 'a draft plan is not public');
    const current = (await person.get(base)).text;
    assert.equal((await person.post(`${base}/offentliggoer`, formFields(current, `${base}/offentliggoer`))).status, 303);
    const publicPage = plainText(await (await app.request('/tilbud/kompasset')).text());
    assert.match(publicPage, /Plan for overgangen/);
    assert.match(publicPage, /Fra scenariet Overgange 2027 Lukker 30\. juni 2027\. Fra 1\. maj 2027 har stedet færre timer: Tirsdag og torsdag 10–15 ?\./);
    assert.match(publicPage, /Personalet følger brugerne på besøg\./);
    const afterPublishing = await person.post(`${base}/overgange`, fields);
    assert.equal(afterPublishing.status, 409);
    assert.match(plainText(afterPublishing.text), /Scenariet er offentliggjort og kan ikke ændres\. Planerne er ikke gemt\./);
  });

  it('sends a published scenario for consultation, registers responses and shows them in public without their senders', async () => {
    const person = await planner();
    const base = await newScenario(person, 'Høring 2027');
    assert.match(plainText((await person.get(`${base}/hoering`)).text), /Offentliggør det først/);
    const page = (await person.get(base)).text;
    assert.equal((await person.post(`${base}/offentliggoer`, formFields(page, `${base}/offentliggoer`))).status, 303);
    const past = await person.post(`${base}/hoering`, { deadline: '2026-11-01' });
    assert.equal(past.status, 400);
    assert.match(plainText(past.text), /Fristen skal ligge efter i dag, 23\. november 2026\./);
    assert.equal((await person.post(`${base}/hoering`, { deadline: '2027-01-15' })).status, 303);
    assert.match(plainText((await person.post(`${base}/hoering`, { deadline: '2027-02-15' })).text), /allerede sendt i høring/);

    const citizen = { receivedOn: '2026-11-20', senderKind: 'citizen', organisation: '', summary: 'Jeg er bange for at miste mit værested.', senderName: 'Karen Borger', senderContact: 'karen@example.dk', caseNumber: '2026-0001' };
    const named = await person.post(`${base}/hoering/svar`, { ...citizen, organisation: 'Karen Borger' });
    assert.equal(named.status, 400);
    assert.match(plainText(named.text), /En borger vises ikke med navn/);
    assert.equal((await person.post(`${base}/hoering/svar`, citizen)).status, 303);
    assert.equal((await person.post(`${base}/hoering/svar`, { receivedOn: '2026-11-21', senderKind: 'user_council', organisation: 'Brugerrådet i Sydhavnen', summary: 'Vi ønsker et værested tæt på.', senderName: '', senderContact: '', caseNumber: '' })).status, 303);

    const backOffice = plainText((await person.get(`${base}/hoering`)).text);
    assert.match(backOffice, /Afsender \(vises ikke offentligt\): Karen Borger, karen@example\.dk/);
    const publicPage = plainText(await (await app.request(base.replace('/admin', ''))).text());
    assert.match(publicPage, /Scenariet er i høring\. Fristen er 15\. januar 2027\./);
    assert.match(publicPage, /Høringssvar \(2\)/);
    assert.match(publicPage, /Borger , modtaget 20\. november 2026\. Jeg er bange for at miste mit værested\./);
    assert.match(publicPage, /Brugerråd: Brugerrådet i Sydhavnen , modtaget 21\. november 2026/);
    assert.doesNotMatch(publicPage, /Karen|karen@/);
    const staff = await signedInStaff(app, database, { name: 'Mette', grant: { role: 'offering_staff', offeringId: seedIds.offering('nabo'), organizationId: null } });
    assert.equal((await staff.get(`${base}/hoering`)).status, 403, 'the senders are not for every range role');
  });

  it('lets an offering\'s staff read the scenarios but not draft them', async () => {
    const staff = await signedInStaff(app, database, { name: 'Mette', grant: { role: 'offering_staff', offeringId: seedIds.offering('nabo'), organizationId: null } });
    const list = await staff.get('/admin/planlaegning');
    assert.equal(list.status, 200);
    assert.doesNotMatch(list.text, /Opret kladden/);
    assert.equal((await staff.post('/admin/planlaegning', { title: 'Mit', startsOn: '2027-01-01' })).status, 403);
  });
});
