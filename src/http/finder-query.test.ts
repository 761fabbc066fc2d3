import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFinderQuery } from './finder-query.ts';

const parse = (query: string) => {
  const params = new URLSearchParams(query);
  const grouped: Record<string, string[]> = {};
  for (const [key, value] of params) {
    grouped[key] = [...(grouped[key] ?? []), value];
  }
  return parseFinderQuery(grouped, { today: '2026-11-23' });
};

describe('the finder URL', () => {
  it('reads text, district, profile, several target groups and interests, and staffing', () => {
    const { criteria, notices } = parse(
      'q=+musik++på+Amager+&bydel=amager-ost&profil=socialt&maalgruppe=unge&maalgruppe=over-40&interesse=musik&bemanding=personale',
    );
    assert.deepEqual(notices, []);
    assert.equal(criteria.text, 'musik på Amager');
    assert.equal(criteria.districtSlug, 'amager-ost');
    assert.equal(criteria.profile, 'social');
    assert.deepEqual(criteria.targetGroups, ['young', 'over_40']);
    assert.deepEqual(criteria.interests, ['music']);
    assert.equal(criteria.staffing, 'staff');
  });

  it('an empty form is no filter at all', () => {
    const { criteria, notices } = parse('q=&bydel=&profil=&bemanding=');
    assert.deepEqual(notices, []);
    assert.equal(criteria.text, null);
    assert.equal(criteria.districtSlug, null);
    assert.equal(criteria.profile, null);
  });

  it('leaves out what it does not know and says so in Danish, instead of failing', () => {
    const { criteria, notices } = parse('profil=hemmelig&maalgruppe=unge&maalgruppe=marsboere&bydel=<script>');
    assert.equal(criteria.profile, null);
    assert.deepEqual(criteria.targetGroups, ['young']);
    assert.equal(criteria.districtSlug, null);
    assert.equal(notices.length, 3);
    assert.ok(notices.every((notice) => notice.startsWith('Vi kender ikke')));
  });

  it('cuts a very long text and says so', () => {
    const { criteria, notices } = parse(`q=${'a'.repeat(5000)}`);
    assert.equal(criteria.text?.length, 200);
    assert.equal(notices.length, 1);
  });

  it('reads "when": open now, on holidays, or at a day and time written the way people write them', () => {
    assert.deepEqual(parse('aaben=nu').criteria.open, { kind: 'now' });
    assert.deepEqual(parse('aaben=helligdage').criteria.open, { kind: 'holidays' });
    assert.deepEqual(parse('aaben=tidspunkt&dag=2026-12-24&kl=18:00').criteria.open, { kind: 'at', date: '2026-12-24', time: '18:00' });
    assert.deepEqual(parse('dag=24.12.2026&kl=18.30').criteria.open, { kind: 'at', date: '2026-12-24', time: '18:30' });
    assert.deepEqual(parse('aaben=tidspunkt&kl=9').criteria.open, { kind: 'at', date: '2026-11-23', time: '09:00' }, 'no day means today');
  });

  it('explains a day or time it cannot read, and searches without it', () => {
    const day = parse('aaben=tidspunkt&dag=31-02-2026&kl=18:00');
    assert.equal(day.criteria.open, null);
    assert.deepEqual(day.notices, ['Vi kan ikke læse datoen «31-02-2026». Skriv den som 24-11-2026, så søger vi på den dag.']);
    const time = parse('aaben=tidspunkt&kl=25:00');
    assert.deepEqual(time.notices, ['Vi kan ikke læse klokkeslættet «25:00». Skriv det som 18:00.']);
    assert.deepEqual(parse('aaben=tidspunkt').notices, [
      'Skriv et klokkeslæt, fx 18:00, så viser vi de steder, der er åbne på det tidspunkt.',
    ]);
    assert.match(parse('aaben=altid').notices[0]!, /^Vi kender ikke valget «altid» under «Hvornår»/);
  });
});
