import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, testNow } from '../../test/support/app.ts';
import { addExampleFund } from '../../test/support/councils.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import { addExampleUserMeeting } from '../../test/support/user-meeting.ts';
import type { Database } from '../db/database.ts';
import { codeHash, normaliseCode } from '../domain/fund/fund.ts';

let database: Database;
let app: ReturnType<typeof createTestApp>;
let clock = testNow;

const send = async (path: string, fields: Record<string, string>) => {
  const response = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
  return { status: response.status, text: await response.text(), location: response.headers.get('location') };
};
const stampOf = async (path: string) => {
  const form = await (await app.request(path)).text();
  clock = new Date(clock.getTime() + 10_000);
  return /name="stempel" value="([^"]+)"/.exec(form)![1]!;
};

let fund: Awaited<ReturnType<typeof addExampleFund>>;
let meetingKey = '';

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, () => clock);
  fund = await addExampleFund(database.db, testNow);
  meetingKey = (await addExampleUserMeeting(database.db, testNow)).key;
});

/** The page's words outside the elements marked lang="da"; none of those nest. */
function englishWords(html: string): string {
  let previous = '';
  let rest = html.replace(/<head>[\s\S]*?<\/head>/, '');
  while (previous !== rest) {
    previous = rest;
    rest = rest.replace(/<(\w+)(?:\s[^>]*)?\slang="da"[^>]*>(?:(?!<\1[\s>])[\s\S])*?<\/\1>/g, ' ');
  }
  return rest.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/** An English page: lang="en", its English title, no Danish outside lang="da", and the switcher to the same Danish page. */
async function englishPage(path: string, title: RegExp, status = 200) {
  const response = await app.request(path);
  assert.equal(response.status, status, path);
  const html = await response.text();
  assert.match(html, /^<!doctype html><html lang="en">/, path);
  assert.match(/<title>(.*?)<\/title>/.exec(html)![1]!, title, path);
  assert.deepEqual(englishWords(html).match(/[^.:·]*[æøåÆØÅ«»][^.:·]*/g) ?? [], [], `${path}: Danish outside lang="da"`);
  const danish = path.replace(/^\/en/, '').replaceAll('&', '&amp;');
  assert.ok(html.includes(`<li><a href="${danish}" lang="da" hreflang="da">Dansk</a></li>`), `${path}: the switcher leads to ${danish}`);
  assert.ok(html.includes(`<link rel="alternate" hreflang="en" href="${path.replaceAll('&', '&amp;')}"/>`), path);
  return html;
}

after(() => database.close());

describe(`The co-creators' public forms in English (${databaseKind})`, () => {
  it('takes an idea for the user fund in English, with English messages and receipt', async () => {
    const path = '/en/pulje/eksempel-brugerpuljen-2028/forslag';
    const page = await app.request(path);
    assert.equal(page.status, 200);
    const text = await page.text();
    assert.match(text, /<html lang="en"/);
    assert.match(text, /<h1>Suggest an idea for Eksempel: Brugerpuljen 2028<\/h1>/);
    assert.match(text, /hreflang="da" href="\/pulje\/eksempel-brugerpuljen-2028\/forslag"|href="\/pulje\/eksempel-brugerpuljen-2028\/forslag"[^>]*hreflang="da"/);
    const stamp = await stampOf(path);
    const wrong = await send(path, { stempel: stamp, efterlad_tom: '', title: '', description: 'A trip', amount: 'much', contact: '' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /Give the idea a short heading/);
    assert.match(wrong.text, /in whole kroner/);
    const sent = await send(path, { stempel: stamp, efterlad_tom: '', title: 'A trip to the sea', description: 'A bus to the beach for a day.', amount: '4000', contact: '' });
    assert.equal(sent.status, 303);
    assert.equal(sent.location, '/en/pulje/eksempel-brugerpuljen-2028/forslag/tak');
    assert.match(await (await app.request(sent.location!)).text(), /<h1>Thank you for the idea<\/h1>/);
  });

  it('takes a vote in the user fund in English, with an English message for every refusal and the Danish as before', async () => {
    const path = '/en/pulje/eksempel-brugerpuljen-2027/stem';
    const html = await englishPage(path, /^Vote in Eksempel: Brugerpuljen 2027 – /);
    assert.match(html, /<h1>Vote in <span lang="da">Eksempel: Brugerpuljen 2027<\/span><\/h1>/);
    assert.match(html, /<form method="post" action="\/en\/pulje\/eksempel-brugerpuljen-2027\/stem"/);
    assert.match(html, /<span lang="da">Tur til Bakken<\/span> \(4,500 kr\.\)/);
    const proposals = await database.db.selectFrom('fund_proposal').select(['id', 'title']).where('round_id', '=', fund.round).where('screening', '=', 'accepted').execute();
    const trip = proposals.find((proposal) => proposal.title === 'Tur til Bakken')!.id;
    const fresh = 'BCDEF-GHJKM';
    await database.db.insertInto('fund_code').values({ code_hash: codeHash(fund.round, normaliseCode(fresh)!), round_id: fund.round, offering_id: null, created_at: testNow, used_at: null }).execute();

    const noChoice = await send(path, { code: fresh, proposal: '' });
    assert.equal(noChoice.status, 400);
    assert.match(noChoice.text, /<title>Error: Vote in/);
    assert.match(noChoice.text, /Choose the idea you are voting for\./);
    assert.match(noChoice.text, /value="BCDEF-GHJKM"/, 'what was typed comes back');
    const used = await send(path, { code: fund.usedCode, proposal: trip });
    assert.equal(used.status, 409);
    assert.match(used.text, /The code has already been used\. Each code gives one vote\./);
    const wrong = await send(path, { code: 'AAAAA-AAAAA', proposal: trip });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /The code does not match\. It is on the slip you were given/);
    const closed = await send('/en/pulje/eksempel-brugerpuljen-2028/stem', { code: fresh, proposal: trip });
    assert.equal(closed.status, 409);
    assert.match(closed.text, /<p class="alert-text">Voting is not open right now\.<\/p>/);
    assert.match(await englishPage('/en/pulje/eksempel-brugerpuljen-2028/stem', /^Vote in /), /Voting is not open right now\./);
    const danish = await send('/pulje/eksempel-brugerpuljen-2027/stem', { code: fund.usedCode, proposal: trip });
    assert.match(danish.text, /Koden er allerede brugt\. Hver kode giver én stemme\. Har du ikke selv stemt med den, så spørg en medarbejder på dit tilbud\./);

    const counted = await send(path, { code: fresh.toLowerCase(), proposal: trip });
    assert.equal(counted.status, 303);
    assert.equal(counted.location, '/en/pulje/eksempel-brugerpuljen-2027/stem?tak=1');
    const thanks = await englishPage(counted.location!, /^Vote in /);
    assert.match(thanks, /Thank you\. Your vote has been counted\. The code cannot be used again\./);

    // Ten wrong codes from one address, and the next try is refused for a while (the last test here: it blocks the address).
    for (let n = 0; n < 9; n++) await send(path, { code: 'AAAAA-AAAAA', proposal: trip });
    const blocked = await send(path, { code: fresh, proposal: trip });
    assert.equal(blocked.status, 429);
    assert.match(blocked.text, /Many wrong codes have been typed from here\. Try again in 10 minutes\./);
  });

  it('shows the user meeting in English: the meeting’s own texts marked Danish, the form, its English messages and the own page', async () => {
    const html = await englishPage('/en/brugermoede', /^Eksempel: Brugermødet 2027 – /);
    assert.match(html, /<h1 lang="da">Eksempel: Brugermødet 2027<\/h1>/);
    assert.match(html, /18 March 2027 at 13:00<\/strong>, <span lang="da">Rådhushallen, Rådhuspladsen 1<\/span>\. 2 seats, 0 free, 1 on the waiting list\./);
    assert.match(html, /<h2>Agenda<\/h2><ol lang="da"><li>Velkomst<\/li>/);
    assert.match(html, /<strong>Adopted<\/strong>: 2 for, 0 against, 0 neither for nor against\./);
    assert.match(html, /<h2>Minutes<\/h2><p lang="da">Forslaget om længere åbent blev vedtaget\.<\/p>/);
    assert.match(html, /All seats are taken\. If you register now, you go on the waiting list\./);
    assert.match(html, /<form method="post" action="\/en\/brugermoede"/);
    assert.match(html, /Do you need an interpreter\? Write the language \(optional\)/);

    const key = /name="noegle" value="([^"]+)"/.exec(html)![1]!;
    const neither = await send('/en/brugermoede', { noegle: key, name: 'Sam', phone: '', interpreter: 'x'.repeat(61) });
    assert.equal(neither.status, 400);
    assert.match(neither.text, /<title>Error: Eksempel: Brugermødet 2027/);
    assert.match(neither.text, /Write a phone number, or tick “I can be reached at my offering”/);
    assert.match(neither.text, /Write only the language, e\.g\. “Arabic” or “sign language” \(at most 60 characters\)\./);
    assert.match(neither.text, /value="Sam"/, 'what was typed comes back');
    const badPhone = await send('/en/brugermoede', { noegle: key, name: '', phone: '12' });
    assert.match(badPhone.text, /Write your first name \(at most 60 characters\)\./);
    assert.match(badPhone.text, /Write a phone number with 8 digits, e\.g\. 22 33 44 55/);
    const stale = await send('/en/brugermoede', { noegle: 'old', name: 'Sam', meetsAtOffering: 'ja' });
    assert.match(stale.text, /The form was too old\. What you wrote is still in the fields; send it again\./);

    const sent = await send('/en/brugermoede', { noegle: key, name: 'Sam', phone: '', meetsAtOffering: 'ja', accessNeeds: 'A quiet seat', interpreter: 'Sign language' });
    assert.equal(sent.status, 303);
    assert.equal(sent.location, `/en/brugermoede/tilmelding/${key}?ny=1`);
    const mine = await englishPage(sent.location!, /^Your registration for the user meeting – /);
    assert.match(mine, /Thank you, you are registered\. Save the link to this page/);
    assert.match(mine, /You are on the waiting list for <span lang="da">Eksempel: Brugermødet 2027<\/span>\. There is 1 person ahead of you\./);
    assert.match(mine, /You are registered as Sam, and we will tell you at your offering\. What you need: A quiet seat\. Interpreter: Sign language\./);
    assert.match(mine, /action="\/en\/brugermoede\/tilmelding\/[^"]+\/afmeld"/);
    assert.match(mine, /<a href="\/en\/brugermoede">Back to the user meeting<\/a>/);

    const seated = await englishPage(`/en/brugermoede/tilmelding/${meetingKey}`, /^Your registration/);
    assert.match(seated, /You have a seat at <span lang="da">Eksempel: Brugermødet 2027<\/span>\./);
    const left = await send(`/en/brugermoede/tilmelding/${meetingKey}/afmeld`, {});
    assert.equal(left.status, 303);
    assert.equal(left.location, `/en/brugermoede/tilmelding/${meetingKey}`);
    assert.match(await englishPage(left.location!, /^Your registration/), /You have cancelled your place at <span lang="da">Eksempel: Brugermødet 2027<\/span>\./);
    const missing = await app.request('/en/brugermoede/tilmelding/ikke-en-noegle');
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /The registration does not exist\./);
  });

  it('shows «Bliv frivillig» in English and takes an application there', async () => {
    const path = '/en/tilbud/nabo/frivillig';
    const stamp = await stampOf(path);
    const wrong = await send(path, { stempel: stamp, efterlad_tom: '', name: 'Sam', contact: '123', interests: '' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /Write a phone number with 8 digits/);
    const sent = await send(path, { stempel: stamp, efterlad_tom: '', name: 'Sam', contact: '22 33 44 55', interests: 'Cooking' });
    assert.equal(sent.status, 303);
    assert.equal(sent.location, '/en/tilbud/nabo/frivillig/tak');
    assert.match(await (await app.request(sent.location!)).text(), /We will contact you\./);
  });

  it('shows the peer counsellors’ figures and meetings in English', async () => {
    const page = await app.request('/en/peermedarbejdere');
    assert.equal(page.status, 200);
    const text = await page.text();
    assert.match(text, /<h1>Peer counsellors<\/h1>/);
    assert.match(text, /In 2026, 0 peer counsellors are certified/);
    assert.match(text, /There are no peer meetings planned right now\./);
  });
});
