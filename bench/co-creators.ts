/**
 * Users as co-creators, a scripted year (ADR 033), through the real app on 127.0.0.1 (embedded database in memory,
 * or PostgreSQL with BENCH_DATABASE_URL): a user council with 10 members and 4 meetings, 5 user jobs, and one
 * city-wide fund round with 50 ideas from the public form, screened (45 to the vote, 5 rejected), 500 voting codes
 * printed at an offering, 500 votes cast and 50 used codes tried again, 5 grants; 40 volunteers through «Bliv
 * frivillig», 20 of them screened, insured and given an assignment, and 20 assignments refused before that; 30
 * requests for a network friend, each matched with both yeses and followed up after a month; the annual user meeting
 * (ADR 036) with 200 seats, 300 registrations ten at a time and 20 who leave by their link; one peer cohort of 12
 * (ADR 036) with 4 modules, every module attended, 12 certified, 12 assigned to offerings and 6 peer meetings (the first at Nabo),
 * 6 sessions held with all 12 ticked as present; 30 applications for a user job online, 10 answered. Reports the time each public page
 * takes to render (p50/p95 over BENCH_VIEWS sequential views), against the offering page and /healthz measured in
 * the same run before anything was added, and the audit entries each step wrote. Stops after 5 minutes.
 *
 *   npm run bench:co-creators
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import pino from 'pino';
import { currentSession, startSession } from '../src/app/staff-access.ts';
import { adminDepsFor, publicDepsFor } from '../src/boot.ts';
import { type Database, migrate, openEmbeddedDatabase, openPostgresDatabase } from '../src/db/database.ts';
import { createRangeRepository } from '../src/db/range-repository.ts';
import { loadSeedFiles } from '../src/db/seed/seed-files.ts';
import { seedRange } from '../src/db/seed/seed-range.ts';
import { addDays, copenhagenDate } from '../src/domain/time.ts';
import { createFixtureGeocoder } from '../src/geo/fixture-geocoder.ts';
import { RateLimiter } from '../src/security/rate-limit.ts';
import { randomTokens } from '../src/security/tokens.ts';
import { createApp } from '../src/wiring.ts';
import { machine, ms, summarize, table } from './support/measure.ts';

const views = Number(process.env.BENCH_VIEWS ?? 50);
const url = process.env.BENCH_DATABASE_URL;
const counts = { proposals: 50, rejected: 5, codes: 500, votes: 500, reused: 50, grants: 5, members: 10, meetings: 4, jobs: 5, volunteers: 40, assigned: 20, friends: 30, seats: 200, registrations: 300, leaving: 20, peers: 12, modules: 4, peerMeetings: 6, applications: 30, answered: 10, heldSessions: 6 };

console.log(`Users as co-creators, a scripted year — ${machine()}, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
let database: Database;
let schema: string | null = null;
if (url) {
  schema = `bench_cocreators_${Date.now()}`;
  const admin = await openPostgresDatabase(url);
  await admin.execScript(`create extension if not exists pg_trgm; create extension if not exists unaccent; create schema ${schema}`);
  await admin.close();
  database = await openPostgresDatabase(`${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema},public`)}`);
} else {
  database = await openEmbeddedDatabase(undefined);
}
await migrate(database);
await seedRange(database.db, loadSeedFiles(), { today: copenhagenDate(new Date()) });

// The public form refuses a form sent within seconds of being made (ADR 014): the script moves the app's clock on
// instead of waiting. Every request comes from 127.0.0.1, so the limits per address are lifted for the run.
let skewMs = 0;
const now = () => new Date(Date.now() + skewMs);
const logger = pino({ level: 'silent' });
const publicDeps = publicDepsFor(database.db, { now });
const adminDeps = adminDepsFor(database.db, { baseUrl: 'http://127.0.0.1', logger, logLinks: false, now });
const app = createApp({
  range: createRangeRepository(database.db),
  geocoder: createFixtureGeocoder(),
  logger,
  baseUrl: 'http://127.0.0.1',
  now,
  admin: adminDeps,
  ...publicDeps,
  fund: { ...publicDeps.fund, proposals: new RateLimiter(1_000_000, 60_000), wrongCodes: new RateLimiter(1_000_000, 60_000) },
  courses: { ...publicDeps.courses, limiter: new RateLimiter(1_000_000, 60_000) },
});
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const instance = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(instance));
});
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
let requests = 0;

const account = await adminDeps.access.store.createAccount({ email: 'bench@kk.dk', name: 'Bench Admin' });
await adminDeps.access.store.addGrant(account, { role: 'system_admin', offeringId: null, organizationId: null });
const token = await startSession(adminDeps.access, account);
const csrf = (await currentSession(adminDeps.access, token))!.csrfToken;

async function get(path: string, signedIn = false) {
  requests++;
  const response = await fetch(`${origin}${path}`, { headers: signedIn ? { cookie: `tv_session=${token}` } : {} });
  return { status: response.status, text: await response.text() };
}
async function post(path: string, fields: Record<string, string> | URLSearchParams, signedIn = false) {
  requests++;
  const body = fields instanceof URLSearchParams ? fields : new URLSearchParams(fields);
  if (signedIn) body.set('_csrf', csrf);
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, ...(signedIn ? { cookie: `tv_session=${token}` } : {}) },
    body: body.toString(),
  });
  return { status: response.status, text: await response.text(), location: response.headers.get('location') };
}
/** Runs the tasks with at most `width` at a time; each one's time. */
async function pool<T>(items: T[], width: number, task: (item: T, index: number) => Promise<void>) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        const sent = performance.now();
        await task(items[index]!, index);
        times.push(performance.now() - sent);
      }
    }),
  );
  return { times, wallMs: performance.now() - started };
}
async function audited(): Promise<Map<string, number>> {
  const rows = await database.db.selectFrom('audit_entry').select(['action', sql<string>`count(*)`.as('n')]).groupBy('action').execute();
  return new Map(rows.map((row) => [row.action, Number(row.n)]));
}
async function render(path: string) {
  const times: number[] = [];
  for (let i = 0; i < views; i++) {
    const sent = performance.now();
    const page = await get(path);
    assert.equal(page.status, 200, path);
    times.push(performance.now() - sent);
  }
  return summarize(times);
}

const hardStop = setTimeout(() => {
  console.error('Stopped after 5 minutes.');
  process.exit(1);
}, 300_000);
try {
  const baseline = { health: await render('/healthz'), offering: await render('/tilbud/nabo') };
  const steps: [string, { times: number[]; wallMs: number }][] = [];

  // A user council at Nabo: members with consent, meetings with minutes and decisions.
  const council = await post('/admin/tilbud/nabo/raad', { kind: 'user', name: 'Brugerrådet på Nabo', purpose: 'Hverdagen på Nabo.', howToJoin: 'Kom til næste møde.' }, true);
  assert.equal(council.status, 303);
  const councilPath = council.location!;
  steps.push([
    `council: ${counts.members} members written up`,
    await pool([...Array(counts.members).keys()], 2, async (index) => {
      const added = await post(`${councilPath}/medlemmer`, { name: `Medlem${index + 1}`, contact: '', role: index === 0 ? 'chair' : 'member', namedPublicly: index % 2 ? 'ja' : 'nej', consentHow: 'in_person', consentGiven: 'ja' }, true);
      assert.equal(added.status, 303);
    }),
  ]);
  const memberIds = (await database.db.selectFrom('council_member').select('id').execute()).map((row) => row.id);
  steps.push([
    `council: ${counts.meetings} meetings with minutes`,
    await pool([...Array(counts.meetings).keys()], 1, async (index) => {
      const body = new URLSearchParams({ date: `2027-0${index + 1}-10`, time: '14:00', agenda: 'Punkt 1\nPunkt 2', minutes: 'Rådet talte om sommerens ture. Alle var enige.', decisions: 'Vi holder sommerfest\nAktivitet: Strikkecafé om torsdagen' });
      for (const id of memberIds.slice(0, 6)) body.append('present', id);
      assert.equal((await post(`${councilPath}/nyt-moede`, body, true)).status, 303);
    }),
  ]);
  const councilSlug = (await database.db.selectFrom('council').select('slug').executeTakeFirstOrThrow()).slug;

  steps.push([
    `user jobs: ${counts.jobs} described`,
    await pool([...Array(counts.jobs).keys()], 1, async (index) => {
      assert.equal((await post('/admin/tilbud/nabo/brugerjob', { kind: 'cafe', title: `Caféhjælper ${index + 1}`, description: 'Kaffe og kage.', hours: '6', seats: '2', howToApply: 'Spørg i caféen.' }, true)).status, 303);
    }),
  ]);

  // Applications for the first job through its public form (issue 9); staff answer some of them.
  const jobId = (await database.db.selectFrom('user_job').select('id').orderBy('title').executeTakeFirstOrThrow()).id;
  const applicationStamps: string[] = [];
  for (let i = 0; i < counts.applications; i++) applicationStamps.push(/name="stempel" value="([^"]+)"/.exec((await get(`/brugerjob/${jobId}/soeg`)).text)![1]!);
  skewMs += 10_000;
  steps.push([
    `user jobs: ${counts.applications} applications online`,
    await pool(applicationStamps, 5, async (stamp, index) => {
      const fields: Record<string, string> = index % 2 ? { phone: `2233${String(5000 + index)}` } : { comesBy: 'ja' };
      assert.equal((await post(`/brugerjob/${jobId}/soeg`, { stempel: stamp, efterlad_tom: '', name: `Ansøger${index + 1}`, phone: '', message: 'Jeg kan om formiddagen.', ...fields })).status, 303);
    }),
  ]);
  const applicationIds = (await database.db.selectFrom('user_job_application').select('id').orderBy('created_at').orderBy('id').limit(counts.answered).execute()).map((row) => row.id);
  steps.push([
    `user jobs: ${counts.answered} applications answered`,
    await pool(applicationIds, 1, async (id) => {
      assert.equal((await post(`/admin/tilbud/nabo/brugerjob/${jobId}/ansoegninger/${id}/besvaret`, {}, true)).status, 303);
    }),
  ]);

  // The fund round.
  const round = await post('/admin/pulje', { name: 'Brugerpuljen 2027', year: '2027', amount: '100000', district: '' }, true);
  assert.equal(round.status, 303);
  const roundPath = round.location!;
  const slug = (await database.db.selectFrom('fund_round').select('slug').executeTakeFirstOrThrow()).slug;
  const stamps: string[] = [];
  for (let i = 0; i < counts.proposals; i++) stamps.push(/name="stempel" value="([^"]+)"/.exec((await get(`/pulje/${slug}/forslag`)).text)![1]!);
  skewMs += 10_000;
  steps.push([
    `fund: ${counts.proposals} ideas through the public form`,
    await pool(stamps, 5, async (stamp, index) => {
      const sent = await post(`/pulje/${slug}/forslag`, { stempel: stamp, efterlad_tom: '', title: `Idé ${index + 1}`, description: `En idé fra brugerne, nummer ${index + 1}.`, amount: String(1000 + index * 100), contact: index % 3 ? '' : '22 33 44 55' });
      assert.equal(sent.status, 303);
    }),
  ]);
  const proposalIds = (await database.db.selectFrom('fund_proposal').select('id').orderBy('created_at').execute()).map((row) => row.id);
  steps.push([
    `fund: ${counts.proposals} ideas screened (${counts.rejected} rejected)`,
    await pool(proposalIds, 2, async (id, index) => {
      const rejected = index < counts.rejected;
      assert.equal((await post(`${roundPath}/forslag/${id}/gennemgang`, { verdict: rejected ? 'rejected' : 'accepted', rejection: rejected ? 'personal_data' : '', note: '' }, true)).status, 303);
    }),
  ]);
  assert.equal((await post(`${roundPath}/fase`, { phase: 'voting' }, true)).status, 303);
  const roundId = roundPath.split('/').at(-1)!;
  const codes: string[] = [];
  steps.push([
    `fund: ${counts.codes} codes printed on 3 sheets`,
    await pool([200, 200, 100], 1, async (n) => {
      const sheet = await post('/admin/tilbud/nabo/pulje', { round: roundId, count: String(n) }, true);
      assert.equal(sheet.status, 200);
      codes.push(...[...sheet.text.matchAll(/<strong>([A-Z2-9]{5}-[A-Z2-9]{5})<\/strong>/g)].map((match) => match[1]!));
    }),
  ]);
  assert.equal(codes.length, counts.codes);
  const inVote = proposalIds.slice(counts.rejected);
  const statuses: number[] = [];
  steps.push([
    `fund: ${counts.votes} votes`,
    await pool(codes.slice(0, counts.votes), 10, async (code, index) => {
      const voted = await post(`/pulje/${slug}/stem`, { code, proposal: inVote[(index * 7) % inVote.length]! });
      statuses.push(voted.status);
    }),
  ]);
  const reused: number[] = [];
  steps.push([
    `fund: ${counts.reused} used codes tried again (→ 409)`,
    await pool(codes.slice(0, counts.reused), 10, async (code) => {
      reused.push((await post(`/pulje/${slug}/stem`, { code, proposal: inVote[0]! })).status);
    }),
  ]);
  assert.equal((await post(`${roundPath}/fase`, { phase: 'closed' }, true)).status, 303);
  steps.push([
    `fund: ${counts.grants} grants with budget and follow-up`,
    await pool(inVote.slice(0, counts.grants), 1, async (id) => {
      assert.equal((await post(`${roundPath}/forslag/${id}/bevilling`, { granted: '1500', responsible: 'Medarbejderne i caféen', followUp: 'Holdt i maj.' }, true)).status, 303);
    }),
  ]);

  // Volunteers through the public page; half screened, insured and assigned, the other half refused an assignment.
  const volunteerStamps: string[] = [];
  for (let i = 0; i < counts.volunteers; i++) volunteerStamps.push(/name="stempel" value="([^"]+)"/.exec((await get('/tilbud/nabo/frivillig')).text)![1]!);
  skewMs += 10_000;
  steps.push([
    `volunteers: ${counts.volunteers} through «Bliv frivillig»`,
    await pool(volunteerStamps, 5, async (stamp, index) => {
      assert.equal((await post('/tilbud/nabo/frivillig', { stempel: stamp, efterlad_tom: '', name: `Frivillig${index + 1}`, contact: `2233${String(4000 + index)}`, interests: 'Madlavning' })).status, 303);
    }),
  ]);
  const volunteerIds = (await database.db.selectFrom('volunteer').select('id').orderBy('created_at').orderBy('id').execute()).map((row) => row.id);
  const today = copenhagenDate(now());
  steps.push([
    `volunteers: ${counts.assigned} screened, insured and assigned`,
    await pool(volunteerIds.slice(0, counts.assigned), 2, async (id) => {
      assert.equal((await post(`/admin/tilbud/nabo/frivillige/${id}`, { version: '1', screening: 'approved', trainedOn: today, insuranceOn: today, agreement: 'Aftalt.' }, true)).status, 303);
      assert.equal((await post(`/admin/tilbud/nabo/frivillige/${id}/opgaver`, { role: 'food_club', hours: '3', startsOn: today }, true)).status, 303);
    }),
  ]);
  steps.push([
    `volunteers: ${counts.volunteers - counts.assigned} assignments refused before screening (→ 409)`,
    await pool(volunteerIds.slice(counts.assigned), 2, async (id) => {
      assert.equal((await post(`/admin/tilbud/nabo/frivillige/${id}/opgaver`, { role: 'food_club', hours: '3', startsOn: today }, true)).status, 409);
    }),
  ]);

  // Network friends: 30 requests, each matched with one of the screened volunteers and followed up once.
  steps.push([
    `network friends: ${counts.friends} requests`,
    await pool([...Array(counts.friends).keys()], 2, async (index) => {
      assert.equal((await post('/admin/tilbud/nabo/netvaerksvenner', { name: `Bruger${index + 1}`, contact: '', interests: 'Madlavning', area: 'Nørrebro', languages: 'dansk' }, true)).status, 303);
    }),
  ]);
  const requestIds = (await database.db.selectFrom('friend_request').select('id').orderBy('id').execute()).map((row) => row.id);
  steps.push([
    `network friends: ${counts.friends} matches with both yeses`,
    await pool(requestIds, 2, async (id, index) => {
      const matched = await post(`/admin/tilbud/nabo/netvaerksvenner/${id}/match`, { volunteer: volunteerIds[index % counts.assigned]!, userConsent: 'ja', volunteerConsent: 'ja' }, true);
      assert.equal(matched.status, 303);
    }),
  ]);
  const matchIds = (await database.db.selectFrom('friend_match').select('id').execute()).map((row) => row.id);
  steps.push([
    `network friends: ${counts.friends} follow-ups after a month`,
    await pool(matchIds, 2, async (id) => {
      assert.equal((await post(`/admin/tilbud/nabo/netvaerksvenner/venskab/${id}/opfoelgning`, { which: '1' }, true)).status, 303);
    }),
  ]);

  // The annual user meeting: more registrations than seats, ten at a time, then some leave by their own link.
  const made = await post('/admin/brugermoede', { title: 'Brugermødet', heldOn: addDays(copenhagenDate(now()), 60), startsAt: '13:00', place: 'Rådhushallen', seats: String(counts.seats), agenda: 'Velkomst\nForslag fra rådene' }, true);
  assert.equal(made.status, 303);
  const keys = Array.from({ length: counts.registrations }, () => randomTokens.create().token);
  const placed: string[] = [];
  steps.push([
    `user meeting: ${counts.registrations} registrations for ${counts.seats} seats, 10 at a time`,
    await pool(keys, 10, async (key, index) => {
      const sent = await post('/brugermoede', { noegle: key, name: `Deltager${index + 1}`, phone: index % 2 ? '22334455' : '', meetsAtOffering: index % 2 ? '' : 'ja', accessNeeds: index % 10 === 0 ? 'Kørestol' : '', interpreter: '' });
      assert.equal(sent.status, 303);
      placed.push(key);
    }),
  ]);
  const seated = async () => (await database.db.selectFrom('user_meeting_registration').select(['state', sql<string>`count(*)`.as('n')]).groupBy('state').execute()).map((row) => `${row.state} ${row.n}`).sort().join(', ');
  const afterRegistration = await seated();
  steps.push([
    `user meeting: ${counts.leaving} leave by their link, 10 at a time`,
    await pool(placed.slice(0, counts.leaving), 10, async (key) => {
      assert.equal((await post(`/brugermoede/tilmelding/${key}/afmeld`, {})).status, 303);
    }),
  ]);
  const afterLeaving = await seated();

  // One peer cohort of 12: modules recorded here, every one attended, all certified and given an assignment.
  const cohort = await post('/admin/peermedarbejdere', { name: 'Peerholdet 2027', year: '2027', targetMin: '10', targetMax: '12', course: '' }, true);
  assert.equal(cohort.status, 303);
  const cohortPath = cohort.location!;
  const cohortId = cohortPath.split('/').at(-1)!;
  steps.push([
    `peer: ${counts.modules} modules`,
    await pool([...Array(counts.modules).keys()], 1, async (index) => {
      assert.equal((await post(`${cohortPath}/moduler`, { title: `Modul ${index + 1}`, hours: '6', session: '' }, true)).status, 303);
    }),
  ]);
  steps.push([
    `peer: ${counts.peers} counsellors written up`,
    await pool([...Array(counts.peers).keys()], 2, async (index) => {
      assert.equal((await post(`${cohortPath}/deltagere`, { name: `Peer${index + 1}`, phone: '', participant: '' }, true)).status, 303);
    }),
  ]);
  const moduleIds = (await database.db.selectFrom('peer_module').select('id').where('cohort_id', '=', cohortId).execute()).map((row) => row.id);
  const peerIds = (await database.db.selectFrom('peer_counsellor').select('id').where('cohort_id', '=', cohortId).execute()).map((row) => row.id);
  steps.push([
    `peer: ${counts.peers * counts.modules} attendances`,
    await pool(
      peerIds.flatMap((peer) => moduleIds.map((module) => [peer, module] as const)),
      2,
      async ([peer, module]) => {
        assert.equal((await post(`${cohortPath}/deltagere/${peer}/fremmoede`, { module }, true)).status, 303);
      },
    ),
  ]);
  steps.push([
    `peer: ${counts.peers} certified`,
    await pool(peerIds, 2, async (peer) => {
      assert.equal((await post(`${cohortPath}/deltagere/${peer}/certificer`, {}, true)).status, 303);
    }),
  ]);
  const offeringIds = (await database.db.selectFrom('offering').select('id').orderBy('slug').limit(counts.peers).execute()).map((row) => row.id);
  const naboId = (await database.db.selectFrom('offering').select('id').where('slug', '=', 'nabo').executeTakeFirstOrThrow()).id;
  steps.push([
    `peer: ${counts.peers} assignments`,
    await pool(peerIds, 2, async (peer, index) => {
      assert.equal((await post(`${cohortPath}/deltagere/${peer}/opgaver`, { offering: offeringIds[index % offeringIds.length]!, course: '', since: today }, true)).status, 303);
    }),
  ]);
  steps.push([
    `peer: ${counts.peerMeetings} peer meetings`,
    await pool([...Array(counts.peerMeetings).keys()], 1, async (index) => {
      // The first at Nabo, so the offering page and the calendar show one (issue 9).
      const offering = index === 0 ? naboId : offeringIds[index % offeringIds.length]!;
      assert.equal((await post(`${cohortPath}/moeder`, { kind: 'peer_meeting', offering, date: addDays(today, 7 * (index + 1)), startsAt: '10:00', endsAt: '12:00' }, true)).status, 303);
    }),
  ]);
  // Sessions held today, and who of the 12 came to each: one tick list saved per session (issue 9).
  for (let index = 0; index < counts.heldSessions; index++) {
    assert.equal((await post(`${cohortPath}/moeder`, { kind: index % 2 ? 'supervision' : 'peer_meeting', offering: index % 2 ? '' : naboId, date: today, startsAt: `${String(8 + index).padStart(2, '0')}:00`, endsAt: `${String(9 + index).padStart(2, '0')}:00` }, true)).status, 303);
  }
  const heldIds = (await database.db.selectFrom('peer_session').select('id').where('cohort_id', '=', cohortId).where('on_date', '=', today).execute()).map((row) => row.id);
  steps.push([
    `peer: attendance at ${counts.heldSessions} sessions held, ${counts.peers} ticked each`,
    await pool(heldIds, 1, async (session) => {
      const body = new URLSearchParams(peerIds.map((peer) => ['present', peer]));
      assert.equal((await post(`${cohortPath}/moeder/${session}/fremmoede`, body, true)).status, 303);
    }),
  ]);
  const firstMeeting = addDays(today, 7);
  const certified = Number((await database.db.selectFrom('peer_counsellor').select(sql<string>`count(*)`.as('n')).where('certified_on', 'is not', null).executeTakeFirstOrThrow()).n);

  const votes = Number((await database.db.selectFrom('fund_vote').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const audit = await audited();
  const pages: [string, string][] = [
    ['/raad', 'councils'],
    [`/raad/${councilSlug}`, 'a council, 4 meetings'],
    ['/pulje', 'funds'],
    [`/pulje/${slug}`, 'a fund round, 50 ideas'],
    [`/pulje/${slug}/forslag`, 'the idea form'],
    [`/pulje/${slug}/stem`, 'voting (closed)'],
    ['/brugerjob', 'open user jobs'],
    ['/tilbud/nabo/frivillig', 'become a volunteer'],
    ['/tilbud/nabo', 'offering page with council, jobs and a peer meeting'],
    [`/brugerjob/${jobId}/soeg`, 'applying for a user job'],
    [`/kalender?dato=${firstMeeting}`, 'the city calendar on the day of a peer meeting'],
    ['/brugermoede', 'the user meeting, full, 100 waiting'],
    ['/peermedarbejdere', `peer counsellors, ${counts.peers} certified, ${counts.peerMeetings} meetings`],
  ];
  const rendered: (string | number)[][] = [
    ['/healthz (baseline)', ms(baseline.health.median), ms(baseline.health.p95)],
    ['/tilbud/nabo before (baseline)', ms(baseline.offering.median), ms(baseline.offering.p95)],
  ];
  for (const [path, label] of pages) {
    const sample = await render(path);
    rendered.push([`${path.replace(slug, '{pulje}').replace(councilSlug, '{raad}').replace(jobId, '{job}').replace(firstMeeting, '{dag}')} (${label})`, ms(sample.median), ms(sample.p95)]);
  }

  console.log(`\n${url ? 'PostgreSQL' : 'PGlite'}, ${views} sequential views per page:`);
  console.log(table(['public page', 'p50', 'p95'], rendered));
  console.log('\nThe scripted year, step by step:');
  console.log(table(['step', 'requests', 'p50', 'p95', 'wall'], steps.map(([label, run]) => [label, run.times.length, ms(summarize(run.times).median), ms(summarize(run.times).p95), ms(run.wallMs)])));
  const byStatus = (list: number[]) => [...new Set(list)].map((status) => `${list.filter((item) => item === status).length} × ${status}`).join(', ');
  console.log(`\nVotes: ${byStatus(statuses)}; stored ${votes}. Used codes again: ${byStatus(reused)}.`);
  const audits = [...audit.entries()].filter(([action]) => /^(council|fund|userjob|volunteer|friend|user_meeting|peer)\./.test(action)).sort();
  console.log(`Audit entries written: ${audits.reduce((sum, [, n]) => sum + n, 0)} of ${[...audit.values()].reduce((sum, n) => sum + n, 0)} in the run.`);
  const parts = new Map<string, [string, number][]>();
  for (const [action, n] of audits) {
    const part = action.split('.')[0]!;
    parts.set(part, [...(parts.get(part) ?? []), [action, n]]);
  }
  console.log(table(['part', 'audit entries', 'by action'], [...parts].map(([part, list]) => [part, list.reduce((sum, [, n]) => sum + n, 0), list.map(([action, n]) => `${action.slice(part.length + 1)} ${n}`).join(', ')])));
  console.log(`Peer counsellors certified: ${certified} of ${counts.peers}.`);
  console.log(`User meeting after ${counts.registrations} registrations: ${afterRegistration}; after ${counts.leaving} left: ${afterLeaving}.`);
  console.log(`Requests in the run: ${requests}.`);
  const expected = `registered ${counts.seats}, waiting ${counts.registrations - counts.seats}`;
  if (certified !== counts.peers || votes !== counts.votes || reused.some((status) => status !== 409) || afterRegistration !== expected) process.exitCode = 1;
} finally {
  clearTimeout(hardStop);
  server.close();
  await database.close();
  if (url && schema) {
    const cleanup = await openPostgresDatabase(url);
    await cleanup.execScript(`drop schema ${schema} cascade`);
    await cleanup.close();
  }
}
