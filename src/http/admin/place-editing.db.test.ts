import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, testNow } from '../../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../../test/support/database.ts';
import { formFields } from '../../../test/support/forms.ts';
import { validateResponse } from '../../../test/support/hsds-schemas.ts';
import { signedInStaff, testAdminDeps } from '../../../test/support/staff.ts';
import { editPlace } from '../../app/edit-place.ts';
import type { Database } from '../../db/database.ts';
import { createPlaceEditStore } from '../../db/place-store.ts';
import { loadSeedFiles } from '../../db/seed/seed-files.ts';
import { seedRange } from '../../db/seed/seed-range.ts';
import { unavailable } from '../../geo/geocoder.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
type Place = { id: string; slug: string; centreId: string | null; operatorId: string | null };
let videnscenter: Place;
let nordstjernen: Place;
let kontaktcenteret: Place;

const offering = (slug: string) =>
  database.db.selectFrom('offering').select(['id', 'slug', 'centre_id as centreId', 'operator_id as operatorId']).where('slug', '=', slug).executeTakeFirstOrThrow();
const locationOf = async (offeringId: string) =>
  database.db
    .selectFrom('service_at_location')
    .innerJoin('location', 'location.id', 'service_at_location.location_id')
    .selectAll('location')
    .where('service_at_location.offering_id', '=', offeringId)
    .executeTakeFirstOrThrow();
const roomsOf = (offeringId: string) => database.db.selectFrom('room').select(['name', 'is_quiet']).where('offering_id', '=', offeringId).orderBy('name').execute();
const publicPage = async (slug: string) => (await app.request(`/tilbud/${slug}`)).text();
const placesPath = (place: Place) => `/admin/tilbud/${place.slug}/steder`;
const staffOf = (place: Place, name = 'Sara Staff') => signedInStaff(app, database, { name, grant: { role: 'offering_staff', offeringId: place.id, organizationId: null } });

/** The place form of an offering's (first) place, as the browser would send it. */
async function placeForm(person: Awaited<ReturnType<typeof staffOf>>, place: Place) {
  const location = await locationOf(place.id);
  const path = `${placesPath(place)}/${location.id}`;
  const page = await person.get(path);
  assert.equal(page.status, 200, page.text.slice(0, 300));
  return { path, fields: formFields(page.text, path), page: page.text, locationId: location.id };
}

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  videnscenter = await offering('videnscenter');
  nordstjernen = await offering('nordstjernen');
  kontaktcenteret = await offering('kontaktcenteret');
});
after(() => database.close());

describe(`Staff edit places, access information and rooms (${databaseKind})`, () => {
  it('lets a centre lead change a shared place for every offering there; both public pages and the open data show the access information', async () => {
    const lead = await signedInStaff(app, database, { name: 'Clara Center', grant: { role: 'centre_lead', offeringId: null, organizationId: videnscenter.centreId } });
    const { path, fields, page } = await placeForm(lead, videnscenter);
    assert.match(page, /Stedet bruges også af Nordstjernen/);
    assert.match(page, /Alle tilbud på stedet/);
    const sent = await lead.post(path, { ...fields, scope: 'all', stepFreeEntrance: 'ja', lift: 'nej', hearingLoop: 'ja', accessDescription: 'Ring på klokken ved gavlen; døren er tung.' });
    assert.equal(sent.status, 303, sent.text.slice(0, 500));
    assert.match(sent.location ?? '', /\/steder\?gemt=\d+&sted=/);
    assert.match((await lead.get(sent.location!)).text, /Gemt\. Ændringen er synlig/);
    for (const slug of ['videnscenter', 'nordstjernen']) {
      const html = await publicPage(slug);
      assert.match(html, /Adgang for dig med handicap/);
      assert.match(html, /Indgang uden trin<\/th>\s*<td>Ja/);
      assert.match(html, /Elevator<\/th>\s*<td>Nej/);
      assert.match(html, /Ring på klokken ved gavlen/);
    }
    const english = await (await app.request('/en/tilbud/nordstjernen')).text();
    assert.match(english, /Access for disabled people/);
    assert.match(english, /Step-free entrance<\/th>\s*<td>Yes/);
    const hsds = (await (await app.request(`/api/hsds/services/${nordstjernen.id}`)).json()) as { service_at_locations: { location: { accessibility: Record<string, unknown>[] } }[] };
    assert.deepEqual(validateResponse(`/services/${nordstjernen.id}`, hsds), [], 'valid HSDS 3.0 with its accessibility');
    const [access] = hsds.service_at_locations[0]!.location.accessibility;
    assert.equal(access!.description, 'Ring på klokken ved gavlen; døren er tung.');
    assert.equal(access!.details, 'Indgang uden trin: ja. Elevator: nej. Teleslynge: ja.');
    assert.equal(access!.dk_lift, false);
    const { entries } = await testAdminDeps(database).audit.search({ action: 'place.edit', limit: 5, offset: 0 });
    assert.match(entries[0]!.summary, /for Videns- og kompetencecenter og Nordstjernen$/);
    assert.equal((await locationOf(videnscenter.id)).version, 2);
  });

  it('lets staff of one offering change a shared place only for their own, which then gets a place of its own; undo moves it back', async () => {
    const staff = await staffOf(videnscenter);
    const shared = await locationOf(videnscenter.id);
    const { path, fields, page } = await placeForm(staff, videnscenter);
    assert.doesNotMatch(page, /Alle tilbud på stedet/);
    const forAll = await staff.post(path, { ...fields, scope: 'all', address1: 'Rådhuspladsen 1', postalCode: '1599', city: 'København V' });
    assert.equal(forAll.status, 400);
    assert.match(forAll.text, /<title>Fejl: /);
    assert.match(forAll.text, /Du kan ikke rette stedet for Nordstjernen, kun for /);
    assert.match(forAll.text, /value="Rådhuspladsen 1"/);
    assert.equal((await locationOf(videnscenter.id)).address_1, 'Tomsgårdsvej 35');

    const moved = await staff.post(path, { ...fields, scope: 'this', name: 'Rådhuset', address1: 'Rådhuspladsen 1', postalCode: '1599', city: 'København V' });
    assert.equal(moved.status, 303, moved.text.slice(0, 500));
    const own = await locationOf(videnscenter.id);
    assert.notEqual(own.id, shared.id);
    assert.equal(own.address_1, 'Rådhuspladsen 1');
    assert.equal(own.coordinate_precision, 'approximate', 'found by the fixture geocoder at street level');
    assert.ok(own.latitude !== null);
    assert.equal((await locationOf(nordstjernen.id)).address_1, 'Tomsgårdsvej 35');
    assert.match(await publicPage('videnscenter'), /Rådhuspladsen 1/);

    const auditId = new URL(moved.location!, 'http://x').searchParams.get('gemt')!;
    const undone = await staff.post(`${placesPath(videnscenter)}/${own.id}/fortryd`, { aendring: auditId });
    assert.equal(undone.status, 303);
    assert.equal((await locationOf(videnscenter.id)).id, shared.id);
    assert.equal(await database.db.selectFrom('location').select('id').where('id', '=', own.id).executeTakeFirst(), undefined, 'the place made by the move is gone');
  });

  it('saves an address the map cannot find without a point, and says so; the public page says the place is not on the map', async () => {
    const staff = await staffOf(kontaktcenteret);
    const { path, fields } = await placeForm(staff, kontaktcenteret);
    const sent = await staff.post(path, { ...fields, address1: 'Opdigtetvej 99' });
    assert.equal(sent.status, 303);
    assert.match(sent.location!, /kort=ikke-fundet/);
    assert.match((await staff.get(sent.location!)).text, /Vi kunne ikke finde adressen på kortet\. Ændringen er gemt/);
    const location = await locationOf(kontaktcenteret.id);
    assert.equal(location.address_1, 'Opdigtetvej 99');
    assert.equal(location.coordinate_precision, 'none');
    assert.equal(location.latitude, null);
    assert.match(await publicPage('kontaktcenteret'), /Stedet er ikke sat på kortet endnu/);

    // Undo puts the address and its point back as they were.
    const auditId = new URL(sent.location!, 'http://x').searchParams.get('gemt')!;
    assert.equal((await staff.post(`${placesPath(kontaktcenteret)}/${location.id}/fortryd`, { aendring: auditId })).status, 303);
    const restored = await locationOf(kontaktcenteret.id);
    assert.equal(restored.address_1, 'Valdemarsgade 21');
    assert.equal(restored.coordinate_precision, 'approximate');
  });

  it('keeps the edit when the address search does not answer, without a point', async () => {
    const store = createPlaceEditStore(database.db);
    const actor = await testAdminDeps(database).access.store.createAccount({ email: 'kort@kk.dk', name: 'Test' });
    const [place] = await store.placesOf(kontaktcenteret.id);
    const outcome = await editPlace({
      store,
      geocoder: { search: async (text) => unavailable(text) },
      offering: { id: kontaktcenteret.id, name: 'Kontaktcenteret' },
      locationId: place!.locationId,
      readVersion: place!.version,
      details: { ...place!.details, address1: 'Valdemarsgade 23' },
      scope: null,
      mayChangeForAll: true,
      actor: { id: actor, name: 'Test' },
      at: testNow,
      source: null,
    });
    assert.equal(outcome.status, 'saved');
    assert.equal(outcome.status === 'saved' && outcome.geocode, 'unavailable');
    const location = await locationOf(kontaktcenteret.id);
    assert.equal(location.address_1, 'Valdemarsgade 23');
    assert.equal(location.coordinate_precision, 'none');
  });

  it('refuses a place without a name or with a wrong postcode, each at its field, keeping what was typed and saving nothing', async () => {
    const staff = await staffOf(kontaktcenteret);
    const { path, fields } = await placeForm(staff, kontaktcenteret);
    const before = await locationOf(kontaktcenteret.id);
    const sent = await staff.post(path, { ...fields, name: '', postalCode: '21', accessUrl: 'min side' });
    assert.equal(sent.status, 400);
    assert.match(sent.text, /<title>Fejl: /);
    assert.match(sent.text, /href="#name">Skriv stedets navn/);
    assert.match(sent.text, /href="#postalCode">«21» er ikke et dansk postnummer/);
    assert.match(sent.text, /href="#accessUrl">Skriv en hel adresse, der begynder med https:\/\//);
    assert.match(sent.text, /id="postalCode" name="postalCode" value="21"/);
    assert.equal((await locationOf(kontaktcenteret.id)).version, before.version);
  });

  it('shows a preview saving nothing, and refuses a form read before someone else saved, showing both', async () => {
    const staff = await staffOf(kontaktcenteret);
    const other = await staffOf(kontaktcenteret, 'Otto Anden');
    const { path, fields } = await placeForm(staff, kontaktcenteret);
    const version = (await locationOf(kontaktcenteret.id)).version;
    const preview = await staff.post(path, { ...fields, accessibleToilet: 'ja', handling: 'forhaandsvis' });
    assert.equal(preview.status, 200);
    assert.match(preview.text, /Forhåndsvisning – ikke gemt/);
    assert.match(preview.text, /Handicaptoilet<\/th>\s*<td>Ja/);
    assert.equal((await locationOf(kontaktcenteret.id)).version, version);

    const theirs = await placeForm(other, kontaktcenteret);
    assert.equal((await other.post(theirs.path, { ...theirs.fields, accessDescription: 'Rampe ved bagindgangen.' })).status, 303);
    const stale = await staff.post(path, { ...fields, accessDescription: 'Elevator til første sal.' });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /En anden har gemt en ændring af stedet/);
    assert.match(stale.text, /Rampe ved bagindgangen\./);
    assert.match(stale.text, /Elevator til første sal\.<\/textarea>/);
    assert.equal((await locationOf(kontaktcenteret.id)).accessibility_description, 'Rampe ved bagindgangen.');
  });

  it('adds, renames and removes rooms; a quiet room shows publicly; undo brings a removed room back, and seeding again does not', async () => {
    const staff = await staffOf(kontaktcenteret);
    const location = await locationOf(kontaktcenteret.id);
    const roomsPath = `${placesPath(kontaktcenteret)}/${location.id}/rum`;
    const added = await staff.post(roomsPath, { name: 'Stillerummet', description: 'Et lille rum med en sofa.', isQuiet: 'ja' });
    assert.equal(added.status, 303);
    assert.match(await publicPage('kontaktcenteret'), /Ja: (<span lang="da">)?Stillerummet/);
    const twice = await staff.post(roomsPath, { name: 'stillerummet', description: '' });
    assert.equal(twice.status, 400);
    assert.match(twice.text, /Der er allerede et rum, der hedder «stillerummet»/);

    const room = (await createPlaceEditStore(database.db).placesOf(kontaktcenteret.id))[0]!.rooms.find((item) => item.name === 'Stillerummet')!;
    const roomPath = `${roomsPath}/${room.id}`;
    const form = await staff.get(roomPath);
    const renamed = await staff.post(roomPath, { ...formFields(form.text, roomPath), name: 'Hvilerummet' });
    assert.equal(renamed.status, 303);
    assert.deepEqual((await roomsOf(kontaktcenteret.id)).map((item) => item.name), ['Første sal', 'Hvilerummet', 'Stueetagen']);

    const unconfirmed = await staff.post(`${roomPath}/fjern`, {});
    assert.equal(unconfirmed.status, 400);
    assert.match(unconfirmed.text, /Sæt kryds for at bekræfte, at «Hvilerummet» skal fjernes/);
    const stueetagen = (await createPlaceEditStore(database.db).placesOf(kontaktcenteret.id))[0]!.rooms.find((item) => item.name === 'Stueetagen')!;
    const removed = await staff.post(`${roomsPath}/${stueetagen.id}/fjern`, { confirm: 'ja' });
    assert.equal(removed.status, 303);
    assert.deepEqual((await roomsOf(kontaktcenteret.id)).map((item) => item.name), ['Første sal', 'Hvilerummet']);
    const auditId = new URL(removed.location!, 'http://x').searchParams.get('gemt')!;
    assert.equal((await staff.post(`${placesPath(kontaktcenteret)}/${location.id}/fortryd`, { aendring: auditId })).status, 303);
    assert.deepEqual((await roomsOf(kontaktcenteret.id)).map((item) => item.name), ['Første sal', 'Hvilerummet', 'Stueetagen']);

    // Remove it again, then seed again: the seed's room stays removed, and the edited place keeps its edits.
    const again = (await createPlaceEditStore(database.db).placesOf(kontaktcenteret.id))[0]!.rooms.find((item) => item.name === 'Stueetagen')!;
    assert.equal((await staff.post(`${roomsPath}/${again.id}/fjern`, { confirm: 'ja' })).status, 303);
    const edited = await locationOf(kontaktcenteret.id);
    await seedRange(database.db, loadSeedFiles(), { force: true, today: '2026-11-23' });
    assert.deepEqual((await roomsOf(kontaktcenteret.id)).map((item) => item.name), ['Første sal', 'Hvilerummet']);
    const after = await locationOf(kontaktcenteret.id);
    assert.equal(after.accessibility_description, edited.accessibility_description);
    assert.equal(after.version, edited.version);
  });

  it('lets a planner see the places but not change them, and refuses an operator editor whose edits wait for review', async () => {
    const planner = await signedInStaff(app, database, { name: 'Per Planlægger', grant: { role: 'planner', offeringId: null, organizationId: null } });
    const list = await planner.get(placesPath(kontaktcenteret));
    assert.equal(list.status, 200);
    assert.match(list.text, /Du kan se, men ikke rette/);
    assert.doesNotMatch(list.text, /Tilføj rummet/);
    const editor = await signedInStaff(app, database, { name: 'Olga Operatør', grant: { role: 'operator_editor', offeringId: null, organizationId: kontaktcenteret.operatorId } });
    const seen = await editor.get(placesPath(kontaktcenteret));
    assert.match(seen.text, /skal godkendes af centret, og det kan steder og rum ikke endnu/);
    const location = await locationOf(kontaktcenteret.id);
    const refused = await editor.post(`${placesPath(kontaktcenteret)}/${location.id}/rum`, { name: 'Værkstedet' });
    assert.equal(refused.status, 403);
    assert.match(refused.text, /kan ikke sendes til godkendelse endnu.*Intet er gemt/s);
    assert.equal((await roomsOf(kontaktcenteret.id)).some((room) => room.name === 'Værkstedet'), false);
  });
});
