import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, testNow } from '../../test/support/app.ts';
import { addExampleFund } from '../../test/support/councils.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import type { Database } from '../db/database.ts';

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

before(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, () => clock);
  await addExampleFund(database.db, testNow);
});
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
    assert.equal((await app.request('/en/pulje/eksempel-brugerpuljen-2027/stem')).status, 302, 'voting stays Danish');
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
