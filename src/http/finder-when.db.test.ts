import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind } from '../../test/support/database.ts';
import type { Database } from '../db/database.ts';

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('\u2060', '')
    .replace(/\s+/g, ' ')
    .trim();

describe(`the finder's "when" on the front page (${databaseKind})`, () => {
  let database: Database;
  let app: ReturnType<typeof createTestApp>;
  before(async () => {
    database = await createTestDatabase();
    app = createTestApp(database);
  });
  after(async () => {
    await database?.close();
  });

  const page = async (query: string) => {
    const response = await app.request(`/?${query}`);
    assert.equal(response.status, 200);
    const html = await response.text();
    return { html, text: textOf(html) };
  };

  it('"open now" shows why each place fits and keeps the choice in the form', async () => {
    const { html, text } = await page('aaben=nu');
    assert.match(text, /Åbent nu til 16:00/);
    assert.match(html, /<input type="radio" id="aaben-2" name="aaben" class="form-radio" value="nu" checked/);
  });

  it('a day and time that has passed is explained, not used, and the page still answers', async () => {
    const { text } = await page('aaben=tidspunkt&dag=2026-11-20&kl=10:00');
    assert.match(text, /20\. november 2026 kl\. 10:00 er gået, så vi har ikke brugt tidspunktet/);
  });

  it('a day more than a year ahead is explained', async () => {
    const { text } = await page('aaben=tidspunkt&dag=2028-01-01&kl=10:00');
    assert.match(text, /Vi kender kun åbningstiderne et år frem/);
  });

  it('a chosen time fills the day and time fields so it can be changed', async () => {
    const { html } = await page('aaben=tidspunkt&dag=2026-12-24&kl=18:00');
    assert.match(html, /<input class="form-input input-width-s" type="date" id="dag" name="dag" value="2026-12-24"/);
    assert.match(html, /<input class="form-input input-width-xs" type="time" id="kl" name="kl" value="18:00"/);
  });

  it('a shared position sorts by distance from it, and keeps the coordinates in the field', async () => {
    const { html, text } = await page('naer=55.6620,12.6050');
    assert.match(text, /Nærmeste først, målt fra din position/);
    assert.match(html, /id="naer" name="naer" value="55.6620,12.6050"/);
  });

  it('a position outside Denmark is explained and not used', async () => {
    const { text } = await page('naer=48.8566,2.3522');
    assert.match(text, /Den position ligger ikke i Danmark/);
  });
});
