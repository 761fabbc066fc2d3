import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Article, bylineOf, checkImage, checkThemePublish, checkTransition, imageTypeOf, readArticle, readConsent } from './article.ts';

const draft: Pick<Article, 'state' | 'kind' | 'authorAccountId' | 'storyteller' | 'themeId' | 'title' | 'body'> = {
  state: 'draft',
  kind: 'article',
  authorAccountId: 'writer',
  storyteller: null,
  themeId: null,
  title: 'Fællesspisning i Valby',
  body: 'Vi spiser sammen.',
};
const writer = { accountId: 'writer', role: 'writer' as const };
const editor = { accountId: 'editor', role: 'editor' as const };

describe('the workflow of a Gloria text', () => {
  it('goes draft → review → published, and only an editor who did not write it publishes', () => {
    assert.deepEqual(checkTransition(draft, 'submit', writer), { ok: true });
    const review = { ...draft, state: 'review' as const };
    const byWriter = checkTransition(review, 'publish', writer);
    assert.equal(byWriter.ok, false);
    assert.equal(!byWriter.ok && byWriter.forbidden, true);
    const own = checkTransition({ ...review, authorAccountId: 'editor' }, 'publish', editor);
    assert.match(!own.ok ? own.message : '', /Du kan ikke udgive din egen tekst/);
    assert.deepEqual(checkTransition(review, 'publish', editor), { ok: true });
    assert.equal(checkTransition(review, 'publish', { accountId: 'x', role: null }).ok, false, 'not a member of the team');
  });

  it('sends a text back to draft only with a comment, and unpublishes only what is published', () => {
    const review = { ...draft, state: 'review' as const };
    const silent = checkTransition(review, 'return', editor, '  ');
    assert.match(!silent.ok ? silent.message : '', /Skriv en kommentar/);
    assert.deepEqual(checkTransition(review, 'return', editor, 'Gør indledningen kortere.'), { ok: true });
    assert.equal(checkTransition(draft, 'unpublish', editor).ok, false);
    assert.deepEqual(checkTransition({ ...draft, state: 'published' }, 'unpublish', editor), { ok: true });
  });

  it('publishes a text in a theme issue only with the issue', () => {
    const answer = checkTransition({ ...draft, state: 'review', themeId: 't' }, 'publish', editor);
    assert.match(!answer.ok ? answer.message : '', /udgives sammen med det/);
    assert.match(checkThemePublish([{ state: 'review', title: 'A' }, { state: 'draft', title: 'B' }]) ?? '', /Ikke klar: «B»/);
    assert.equal(checkThemePublish([{ state: 'review', title: 'A' }, { state: 'published', title: 'B' }]), null);
  });
});

describe('life stories and consent', () => {
  const story = { ...draft, kind: 'life_story' as const };
  it('refuses review before the consent is recorded, and a withdrawn story forever', () => {
    const answer = checkTransition(story, 'submit', writer);
    assert.match(!answer.ok ? answer.message : '', /samtykke/);
    const consented = { ...story, storyteller: { name: 'Lise', anonymous: true, consent: { on: '2026-11-20', how: 'in_person' as const, recordedByName: 'Kim' }, deleteAfter: '2028-11-19', withdrawnAt: null } };
    assert.deepEqual(checkTransition(consented, 'submit', writer), { ok: true });
    assert.equal(checkTransition({ ...consented, state: 'withdrawn' }, 'submit', writer).ok, false);
  });

  it('reads the consent: a date not in the future, how, and a first name; kept two years', () => {
    const read = readConsent({ on: '2026-11-20', how: 'phone', name: ' Lise ' }, '2026-11-23', 'Kim Redaktør');
    assert.deepEqual(read, { consent: { on: '2026-11-20', how: 'phone', recordedByName: 'Kim Redaktør' }, name: 'Lise', deleteAfter: '2028-11-19' });
    const future = readConsent({ on: '2026-12-01', how: 'fax', name: '' }, '2026-11-23', 'Kim');
    assert.deepEqual('problems' in future ? future.problems.map((problem) => problem.field) : [], ['consentOn', 'consentHow', 'consentName']);
  });

  it('shows no name on an anonymous story', () => {
    const storyteller = { name: 'Lise', anonymous: true, consent: null, deleteAfter: null, withdrawnAt: null };
    assert.equal(bylineOf({ kind: 'life_story', teamName: 'Gloria Valby', storyteller }), 'Fortalt anonymt');
    assert.equal(bylineOf({ kind: 'life_story', teamName: 'Gloria Valby', storyteller: { ...storyteller, anonymous: false } }), 'Fortalt af Lise');
    assert.equal(bylineOf({ kind: 'news', teamName: 'Gloria Valby', storyteller: null }), 'Gloria Valby');
  });
});

describe('the article form and images', () => {
  const teams = { teamIds: new Set(['team']), themeTeams: new Map([['theme', 'team'], ['other-theme', 'other']]) };
  it('cleans the body and names every problem in Danish', () => {
    const read = readArticle({ teamId: 'team', kind: 'news', title: 'Ny café', lead: '', body: '•\tKaffe\r\n•\tKage', themeId: '', themePosition: '', anonymous: false, imageAlt: '' }, teams);
    assert.equal(read.input?.body, '- Kaffe\n- Kage');
    const wrong = readArticle({ teamId: 'nope', kind: 'poem', title: '', lead: '', body: '', themeId: 'other-theme', themePosition: '0', anonymous: false, imageAlt: '' }, teams);
    assert.deepEqual(wrong.problems.map((problem) => problem.field), ['teamId', 'kind', 'title', 'body', 'themeId', 'themePosition']);
  });

  it('knows an image by its first bytes and refuses one without a text saying what it shows', () => {
    const png = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
    const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50]);
    assert.equal(imageTypeOf(png), 'image/png');
    assert.equal(imageTypeOf(webp), 'image/webp');
    assert.equal(imageTypeOf(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
    assert.deepEqual(checkImage(png, ' Et bord med kaffe '), { mime: 'image/png', alt: 'Et bord med kaffe', bytes: png });
    const broken = checkImage(png.subarray(0, 20), 'Et bord');
    assert.match('problems' in broken ? broken.problems[0]!.message : '', /Billedet kan ikke læses/);
    const noAlt = checkImage(png, '');
    assert.match('problems' in noAlt ? noAlt.problems[0]!.message : '', /Skriv, hvad billedet viser/);
    const big = checkImage(new Uint8Array(2 * 1024 * 1024 + 1).fill(0xff), 'x');
    assert.match('problems' in big ? big.problems[0]!.message : '', /højst fylde 2 MB/);
  });
});
