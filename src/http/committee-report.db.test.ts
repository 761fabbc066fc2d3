import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { formFields } from '../../test/support/forms.ts';
import { signedInStaff } from '../../test/support/staff.ts';
import type { Database } from '../db/database.ts';
import { seedIds } from '../db/seed/seed-range.ts';
import { modelScenarioId } from '../db/seed/seed-scenarios.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
});
after(() => database.close());

const plainText = (html: string) => html.replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
const planner = () => signedInStaff(app, database, { name: 'Planlægger Pia', grant: { role: 'planner', offeringId: null, organizationId: null } });

describe(`the committee report (${databaseKind})`, () => {
  it("prints the 2016 model for the committee: title page with the citable address as a QR code, then every section", async () => {
    const scenarioPage = await (await app.request(`/planlaegning/${modelScenarioId}`)).text();
    assert.match(scenarioPage, new RegExp(`href="/planlaegning/${modelScenarioId}/rapport"`), 'the scenario links its report');

    const response = await app.request(`/planlaegning/${modelScenarioId}/rapport`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<title>Rapport til udvalget: Modellen for 2016 – /);
    assert.match(html, /<svg[^>]*aria-label="QR-kode med scenariets adresse"/);
    assert.match(html, /report\.[0-9a-f]+\.css/, 'the print stylesheet is linked');
    const text = plainText(html);
    assert.match(text, /Fast adresse til at citere http:\/\/127\.0\.0\.1:3000\/planlaegning\//);
    assert.match(text, /Rapporten er dannet 23\. november 2026/);
    assert.match(text, /vælg «Udskriv» i browserens menu/);
    for (const heading of ['Ændringerne og deres begrundelser', 'Steder pr. bydel og profil', 'Budgetvirkning pr. år', 'Afstand til nærmeste sted', 'Overgangsplaner for de steder, der lukker', 'Høringssvar']) {
      assert.ok(text.includes(heading), `the report has «${heading}»`);
    }
    assert.match(text, /Begrundelse/);
    assert.match(text, /Amadeus , Pegasus , Café Rose lægges sammen i Nyt aktivitets- og samværstilbud i Sydhavnen/);
    assert.match(html, /aria-label="Kort, viften 4\. februar 2016: \d+ steder/, 'the map before');
    assert.match(html, /aria-label="Kort, modellen for 2016: \d+ steder/, 'the map after');
    assert.match(text, /Modellen for 2016, i ord/);
    assert.match(text, /omtrentlige/);
    assert.match(text, /Scenariet har ikke været sendt i høring\./);
    // The letters the committee had in June 2015, from the seeds, without their senders' names.
    assert.match(text, /Breve og henvendelser \(5\)/);
    assert.match(text, /22\. juni 2015 Driftsherre Henvendelse fra lederen af Mamma Mia Ikke endnu/);
    assert.doesNotMatch(text, /Heike|Gunnerup/);

    const english = await app.request(`/en/planlaegning/${modelScenarioId}/rapport`);
    assert.equal(english.status, 200);
    assert.match(plainText(await english.text()), /Report to the committee.*The changes and their rationales/);
  });

  it('shows a draft only in the back office, marked as a draft, and not to the public', async () => {
    const person = await planner();
    const created = await person.post('/admin/planlaegning', { title: 'Rapportkladde 2027', summary: 'Udkast til udvalget.', startsOn: '2026-12-01' });
    const base = created.location!;
    assert.equal((await person.post(`${base}/aendring?art=luk`, { offeringId: seedIds.offering('nabo'), on: '2027-03-01', rationale: 'Lejemålet udløber.', appropriation: '1613', amountPerYear: '-1.200', fromYear: '2027' })).status, 303);
    assert.match((await person.get(base)).text, new RegExp(`href="${base}/rapport"`), 'the scenario links its report');

    const report = await person.get(`${base}/rapport`);
    assert.equal(report.status, 200);
    const text = plainText(report.text);
    assert.match(text, /Kladde, ikke offentliggjort/);
    assert.match(text, /Adresse i administrationen \(kladden er ikke offentlig\) http:\/\/127\.0\.0\.1:3000\/admin\/planlaegning\//);
    assert.match(text, /Lejemålet udløber\./);
    assert.match(text, /-1\.200/);
    assert.match(text, /Nabo/);
    assert.equal((await app.request(`${base.replace('/admin', '')}/rapport`)).status, 404, 'a draft has no public report');
    const anonymous = await app.request(`${base}/rapport`);
    assert.equal(anonymous.status, 303);
  });

  it('sums up the hearing: counts per kind of sender and the summaries, without names or contacts', async () => {
    const person = await planner();
    const base = (await person.post('/admin/planlaegning', { title: 'Høringsrapport 2027', summary: '', startsOn: '2026-12-01' })).location!;
    const page = (await person.get(base)).text;
    assert.equal((await person.post(`${base}/offentliggoer`, formFields(page, `${base}/offentliggoer`))).status, 303);
    assert.equal((await person.post(`${base}/hoering`, { deadline: '2027-01-15' })).status, 303);
    const responses = [
      { receivedOn: '2026-11-20', senderKind: 'citizen', organisation: '', summary: 'Jeg er bange for at miste mit værested.', senderName: 'Karen Borger', senderContact: 'karen@example.dk', caseNumber: '' },
      { receivedOn: '2026-11-21', senderKind: 'user_council', organisation: 'Brugerrådet i Sydhavnen', summary: 'Vi ønsker et værested tæt på.', senderName: 'Jens Formand', senderContact: '12345678', caseNumber: '' },
      { receivedOn: '2026-11-22', senderKind: 'citizen', organisation: '', summary: 'Hold åbent om aftenen.', senderName: 'Ole Olsen', senderContact: 'ole@example.dk', caseNumber: '' },
    ];
    for (const response of responses) assert.equal((await person.post(`${base}/hoering/svar`, response)).status, 303);

    const html = await (await app.request(`${base.replace('/admin', '')}/rapport`)).text();
    const text = plainText(html);
    assert.match(text, /Høringsfristen er 15\. januar 2027\./);
    assert.match(text, /Brugerråd 1 Driftsherre 0 Borger 2 Andre 0 I alt 3/);
    assert.match(text, /Brugerråd: Brugerrådet i Sydhavnen , modtaget 21\. november 2026\. Vi ønsker et værested tæt på\./);
    assert.match(text, /Hold åbent om aftenen\./);
    assert.doesNotMatch(html, /Karen|karen@|Ole Olsen|ole@|Jens Formand|12345678/);
    const backOffice = await person.get(`${base}/rapport`);
    assert.doesNotMatch(backOffice.text, /Karen|karen@|Ole Olsen|ole@|Jens Formand|12345678/, 'the report names nobody in the back office either');
  });
});
