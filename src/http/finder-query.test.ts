import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFinderQuery } from './finder-query.ts';

const parse = (query: string) => {
  const params = new URLSearchParams(query);
  const grouped: Record<string, string[]> = {};
  for (const [key, value] of params) {
    grouped[key] = [...(grouped[key] ?? []), value];
  }
  return parseFinderQuery(grouped);
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
});
