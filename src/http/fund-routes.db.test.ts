import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestApp, testNow } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind, secondHandle } from '../../test/support/database.ts';
import { signedInStaff } from '../../test/support/staff.ts';
import { castVote, printVotingCodes } from '../app/run-user-fund.ts';
import { createCouncilStore } from '../db/council-store.ts';
import type { Database } from '../db/database.ts';
import { createFriendStore } from '../db/friend-store.ts';
import { createVolunteerStore } from '../db/volunteer-store.ts';
import { createUserJobStore } from '../db/user-job-store.ts';
import { createFundStore } from '../db/fund-store.ts';
import { coCreatorRetentionJob } from '../jobs/co-creator-retention.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
/** The app's clock: the public form refuses a form sent within seconds of being made. */
let clock = testNow;
let admin: Awaited<ReturnType<typeof signedInStaff>>;
let staff: Awaited<ReturnType<typeof signedInStaff>>;

const page = async (path: string) => {
  const response = await app.request(path);
  return { status: response.status, text: await response.text() };
};
const send = async (path: string, fields: Record<string, string>, address = '127.0.0.1') => {
  const response = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-test-address': address }, body: new URLSearchParams(fields) });
  return { status: response.status, text: await response.text(), location: response.headers.get('location') };
};
/** The idea form as a person sends it: the page opened, a little while, then sent. */
const propose = async (slug: string, fields: Record<string, string>) => {
  const form = await page(`/pulje/${slug}/forslag`);
  const stamp = /name="stempel" value="([^"]+)"/.exec(form.text)![1]!;
  clock = new Date(clock.getTime() + 10_000);
  return send(`/pulje/${slug}/forslag`, { stempel: stamp, efterlad_tom: '', contact: '', ...fields });
};

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, () => clock);
  const nabo = await database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow();
  admin = await signedInStaff(app, database, { name: 'Anna Admin', grant: { role: 'system_admin', offeringId: null, organizationId: null } });
  staff = await signedInStaff(app, database, { name: 'Søren Staff', grant: { role: 'offering_staff', offeringId: nabo.id, organizationId: null } });
});
after(() => database.close());

describe(`The user fund from the idea to the follow-up (${databaseKind})`, () => {
  let roundId = '';
  let slug = '';
  const proposals: Record<string, string> = {};
  let codes: string[] = [];

  it('lets the administration make a yearly pool for the whole city, and no one else', async () => {
    assert.equal((await staff.get('/admin/pulje')).status, 403);
    const refused = await admin.post('/admin/pulje', { name: 'Brugerpuljen 2027', year: '27', amount: 'mange', district: '' });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /Skriv årstallet/);
    assert.match(refused.text, /hele kroner/);
    const made = await admin.post('/admin/pulje', { name: 'Brugerpuljen 2027', year: '2027', amount: '50.000', district: '' });
    assert.equal(made.status, 303);
    roundId = made.location!.split('/').at(-1)!;
    slug = (await database.db.selectFrom('fund_round').select('slug').executeTakeFirstOrThrow()).slug;
    assert.match((await page('/pulje')).text, new RegExp(`href="/pulje/${slug}"`));
  });

  it('takes ideas from a plain public form without an account, refusing a form sent at once or with the trap filled', async () => {
    const form = await page(`/pulje/${slug}/forslag`);
    const stamp = /name="stempel" value="([^"]+)"/.exec(form.text)![1]!;
    const tooFast = await send(`/pulje/${slug}/forslag`, { stempel: stamp, efterlad_tom: '', title: 'Tur', description: 'En tur', amount: '100', contact: '' });
    assert.equal(tooFast.status, 400);
    assert.match(tooFast.text, /meget hurtigt/);
    const trapped = await propose(slug, { title: 'Tur', description: 'En tur', amount: '100', efterlad_tom: 'spam' });
    assert.equal(trapped.status, 400);
    const missing = await propose(slug, { title: '', description: 'Noget godt', amount: '' });
    assert.equal(missing.status, 400);
    assert.match(missing.text, /kort overskrift/);
    assert.match(missing.text, /Noget godt/, 'what was typed comes back');
    for (const [title, description, contact] of [
      ['Tur til Bakken', 'En dag i Dyrehavsbakken for alle brugere.', '22 33 44 55'],
      ['Nyt kaffeanlæg', 'Caféen mangler en ordentlig kaffemaskine.', ''],
      ['Hjælp til Jens', 'Jens Hansen fra 3. sal skal have penge til husleje.', ''],
    ]) {
      const sent = await propose(slug, { title: title!, description: description!, amount: '4500', contact: contact! });
      assert.equal(sent.status, 303, title);
      assert.equal(sent.location, `/pulje/${slug}/forslag/tak`);
    }
    for (const row of await database.db.selectFrom('fund_proposal').select(['id', 'title']).execute()) proposals[row.title] = row.id;
    const published = await page(`/pulje/${slug}`);
    assert.match(published.text, /3 forslag venter/);
    assert.doesNotMatch(published.text, /Bakken|Jens|22 33 44 55/, 'nothing is public before it is screened');
  });

  it('screens ideas: one with personal data about someone else is rejected with a plain message and its words never shown', async () => {
    for (const title of ['Tur til Bakken', 'Nyt kaffeanlæg']) {
      assert.equal((await admin.post(`/admin/pulje/${roundId}/forslag/${proposals[title]}/gennemgang`, { verdict: 'accepted', rejection: '', note: '' })).status, 303);
    }
    const noReason = await admin.post(`/admin/pulje/${roundId}/forslag/${proposals['Hjælp til Jens']}/gennemgang`, { verdict: 'rejected', rejection: '', note: '' });
    assert.equal(noReason.status, 400);
    assert.match(noReason.text, /Vælg, hvorfor/);
    assert.equal((await admin.post(`/admin/pulje/${roundId}/forslag/${proposals['Hjælp til Jens']}/gennemgang`, { verdict: 'rejected', rejection: 'personal_data', note: '' })).status, 303);
    const published = await page(`/pulje/${slug}`);
    assert.match(published.text, /Tur til Bakken/);
    assert.match(published.text, /Forslaget nævner andre personer\. Send det igen uden navne/);
    assert.doesNotMatch(published.text, /Jens|22 33 44 55/);
  });

  it('lets the staff at the offering print single-use codes, storing only their hashes', async () => {
    assert.equal((await admin.post(`/admin/pulje/${roundId}/fase`, { phase: 'voting' })).status, 303);
    const tooMany = await staff.post('/admin/tilbud/nabo/pulje', { round: roundId, count: '5000' });
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.text, /fra 1 til 200/);
    const sheet = await staff.post('/admin/tilbud/nabo/pulje', { round: roundId, count: '12' });
    assert.equal(sheet.status, 200);
    codes = [...sheet.text.matchAll(/<strong>([A-Z2-9]{5}-[A-Z2-9]{5})<\/strong>/g)].map((match) => match[1]!);
    assert.equal(codes.length, 12);
    const stored = await database.db.selectFrom('fund_code').select('code_hash').execute();
    assert.equal(stored.length, 12);
    assert.ok(stored.every((row) => !codes.some((code) => row.code_hash.includes(code.replace('-', '')))), 'no code is stored as it is');
  });

  it('counts one vote per code and refuses a used code with a plain message', async () => {
    const first = await send(`/pulje/${slug}/stem`, { code: codes[0]!.toLowerCase(), proposal: proposals['Tur til Bakken']! });
    assert.equal(first.status, 303);
    assert.match((await page(first.location!)).text, /Din stemme er talt med/);
    const again = await send(`/pulje/${slug}/stem`, { code: codes[0]!, proposal: proposals['Nyt kaffeanlæg']! });
    assert.equal(again.status, 409);
    assert.match(again.text, /Koden er allerede brugt/);
    const wrong = await send(`/pulje/${slug}/stem`, { code: 'AAAAA-AAAAA', proposal: proposals['Tur til Bakken']! });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /Koden passer ikke/);
    const rejected = await send(`/pulje/${slug}/stem`, { code: codes[1]!, proposal: proposals['Hjælp til Jens']! });
    assert.equal(rejected.status, 400, 'a rejected idea cannot be voted for');
    const noChoice = await send(`/pulje/${slug}/stem`, { code: codes[1]!, proposal: '' });
    assert.match(noChoice.text, /Vælg den idé/);
    const votes = await database.db.selectFrom('fund_vote').select('id').execute();
    assert.equal(votes.length, 1);
  });

  it('stops an address after ten wrong codes, before it can guess one', async () => {
    for (let i = 0; i < 10; i++) await send(`/pulje/${slug}/stem`, { code: 'BBBBB-BBBBB', proposal: proposals['Tur til Bakken']! }, '10.0.0.9');
    const blocked = await send(`/pulje/${slug}/stem`, { code: codes[2]!, proposal: proposals['Tur til Bakken']! }, '10.0.0.9');
    // The test app has no socket, so every request has the same address; what counts is that it is refused.
    assert.equal(blocked.status, 429);
    assert.match(blocked.text, /mange forkerte koder/);
  });

  it('never counts a code twice, however the votes come (property, against the database)', async () => {
    const store = createFundStore(database.db);
    const round = (await store.roundById(roundId))!;
    const fresh = await printVotingCodes(store, { principal: { accountId: admin.accountId, name: 'Anna Admin', grants: [] }, source: 'test', now: testNow }, round, null, '6');
    assert.ok(fresh.ok);
    const ids = [proposals['Tur til Bakken']!, proposals['Nyt kaffeanlæg']!];
    const counted = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(5), fc.nat(1)), { minLength: 1, maxLength: 8 }), async (attempts) => {
        for (const [code, proposal] of attempts) {
          const outcome = await castVote(store, testNow, round, { code: fresh.codes[code]!, proposal: ids[proposal]! }, 'test');
          assert.equal(outcome, counted.has(fresh.codes[code]!) ? 'used' : 'counted');
          counted.add(fresh.codes[code]!);
        }
        const votes = await database.db.selectFrom('fund_vote').innerJoin('fund_code', 'fund_code.code_hash', 'fund_vote.code_hash').select('fund_vote.id').where('fund_code.created_at', '=', testNow).execute();
        assert.equal(votes.length, counted.size);
      }),
      { numRuns: 15 },
    );
  });

  it('counts a code once when two votes with it race (two handles, as two servers)', async () => {
    const store = createFundStore(database.db);
    const other = await secondHandle(database);
    try {
      const round = (await store.roundById(roundId))!;
      const fresh = await printVotingCodes(store, { principal: { accountId: admin.accountId, name: 'Anna Admin', grants: [] }, source: 'test', now: testNow }, round, null, '1');
      assert.ok(fresh.ok);
      const outcomes = await Promise.all([
        castVote(store, testNow, round, { code: fresh.codes[0]!, proposal: proposals['Tur til Bakken']! }, 'a'),
        castVote(createFundStore(other.db), testNow, round, { code: fresh.codes[0]!, proposal: proposals['Nyt kaffeanlæg']! }, 'b'),
      ]);
      assert.deepEqual(outcomes.sort(), ['counted', 'used']);
    } finally {
      await other.close();
    }
  });

  it('gives a granted idea a budget, someone responsible and a follow-up, all public', async () => {
    const notAccepted = await admin.post(`/admin/pulje/${roundId}/forslag/${proposals['Hjælp til Jens']}/bevilling`, { granted: '100', responsible: 'Caféen', followUp: '' });
    assert.equal(notAccepted.status, 409);
    assert.equal((await admin.post(`/admin/pulje/${roundId}/fase`, { phase: 'closed' })).status, 303);
    const granted = await admin.post(`/admin/pulje/${roundId}/forslag/${proposals['Tur til Bakken']}/bevilling`, { granted: '4.500', responsible: 'Medarbejderne i caféen', followUp: 'Turen blev holdt i maj med 23 deltagere.' });
    assert.equal(granted.status, 303);
    const published = await page(`/pulje/${slug}`);
    assert.match(published.text, /Bevilget:<\/strong> 4\.500 kr\./);
    assert.match(published.text, /Medarbejderne i caféen/);
    assert.match(published.text, /Turen blev holdt i maj/);
    const store = createFundStore(database.db);
    assert.equal(await castVote(store, testNow, (await store.roundById(roundId))!, { code: codes[3]!, proposal: proposals['Tur til Bakken']! }, 'test'), 'not_open', 'no votes once decided');
    assert.equal((await page(`/en/pulje/${slug}`)).status, 200);
  });

  it('audits the round without the ideas’ contacts or the codes, and deletes the contacts when their time is up', async () => {
    const entries = await database.db.selectFrom('audit_entry').select(['action', 'summary', 'detail']).where('action', 'like', 'fund.%').execute();
    const actions = new Set(entries.map((entry) => entry.action));
    for (const action of ['fund.create', 'fund.propose', 'fund.screen', 'fund.phase', 'fund.codes', 'fund.vote', 'fund.grant']) assert.ok(actions.has(action), action);
    const text = JSON.stringify(entries);
    assert.doesNotMatch(text, /22 33 44 55|Jens/);
    for (const code of codes) assert.ok(!text.includes(code));
    const job = coCreatorRetentionJob({ councils: createCouncilStore(database.db), fund: createFundStore(database.db), userJobs: createUserJobStore(database.db), volunteers: createVolunteerStore(database.db), friends: createFriendStore(database.db) });
    const later = new Date('2027-12-01T10:00:00Z');
    assert.deepEqual(await job.run({ now: later, clock: () => later, signal: new AbortController().signal }), { members: 0, contacts: 1, jobHolders: 0, volunteers: 0, friendRequests: 0, jobApplications: 0 });
    assert.equal((await database.db.selectFrom('fund_proposal').select('id').where('contact', 'is not', null).execute()).length, 0);
  });
});
