import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { followUpsDue, friendFigures, matchRefusal, suggestions } from './friends.ts';

const volunteer = (id: string, over: Partial<Parameters<typeof matchRefusal>[0] & object> = {}) => ({
  id,
  interests: null,
  area: null,
  languages: null,
  screening: 'approved' as const,
  insuranceConfirmedOn: '2026-11-01',
  anonymised: false,
  ...over,
});

describe('network friends', () => {
  it('suggests only screened and insured volunteers, those sharing interests, area and language first', () => {
    const request = { interests: 'Fiskeri og brætspil', area: 'Nørrebro', languages: 'dansk, arabisk' };
    const found = suggestions(request, [
      volunteer('a', { interests: 'Strikning' }),
      volunteer('b', { interests: 'brætspil', area: 'nørrebro', languages: 'Arabisk' }),
      volunteer('c', { interests: 'Fiskeri og brætspil', area: 'Nørrebro', languages: 'arabisk', screening: 'pending' }),
      volunteer('d', { interests: 'Fiskeri', insuranceConfirmedOn: null }),
    ]);
    assert.deepEqual(
      found.map((item) => [item.id, item.fit]),
      [
        ['b', 5],
        ['a', 0],
      ],
    );
  });

  it('refuses a match with an unscreened volunteer or without both yeses, in plain Danish', () => {
    assert.match(matchRefusal(volunteer('x', { screening: 'pending' }), { user: true, volunteer: true })!, /screenet, godkendt og forsikret/);
    assert.match(matchRefusal(volunteer('x'), { user: true, volunteer: false })!, /Begge skal have sagt ja/);
    assert.equal(matchRefusal(volunteer('x'), { user: true, volunteer: true }), null);
  });

  it('is due a follow-up after one and three months, until it is recorded or the friendship ends', () => {
    const match = { matchedOn: '2026-09-01', followUp1On: null, followUp3On: null, endedOn: null };
    assert.deepEqual(followUpsDue(match, '2026-09-30'), []);
    assert.deepEqual(followUpsDue(match, '2026-10-01'), [1]);
    assert.deepEqual(followUpsDue({ ...match, followUp1On: '2026-10-02' }, '2026-12-01'), [3]);
    assert.deepEqual(followUpsDue({ ...match, endedOn: '2026-10-05' }, '2026-12-01'), []);
  });

  it('counts who waits, how long those matched waited, and the friendships running', () => {
    const figures = friendFigures(
      [
        { requestedOn: '2026-10-01', firstMatchedOn: '2026-10-11', active: true },
        { requestedOn: '2026-10-01', firstMatchedOn: '2026-10-31', active: false },
        { requestedOn: '2026-11-01', firstMatchedOn: null, active: false },
      ],
      '2026-11-23',
    );
    assert.deepEqual(figures, { waiting: 1, longestWaitDays: 22, medianWaitDays: 20, active: 1 });
  });
});
