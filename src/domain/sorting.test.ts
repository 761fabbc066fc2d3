import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { byDanishName, reorderByDanishName } from './sorting.ts';

// Names with the letters Danish order treats specially (æ, ø, å, aa), digits, case and equal names.
const name = fc.string({ unit: fc.constantFrom('a', 'A', 'aa', 'Aa', 'å', 'Å', 'æ', 'ø', 'o', 'z', ' ', '1', '2', '10', 'é'), maxLength: 6 });
const places = fc.uniqueArray(fc.record({ id: fc.uuid(), name }), { selector: (item) => item.id, maxLength: 40 });

describe('Danish order kept from one list to the next', () => {
  it('reordering an earlier order after renames, additions and removals gives the order of sorting afresh', () => {
    fc.assert(
      fc.property(places, places, fc.array(fc.tuple(fc.nat(), name)), fc.array(fc.nat()), (before, added, renames, removals) => {
        const earlier = byDanishName(before);
        const now = new Map([...before, ...added].map((item) => [item.id, { ...item }]));
        const ids = [...now.keys()];
        for (const [index, renamed] of renames) if (ids.length > 0) now.get(ids[index % ids.length]!)!.name = renamed;
        for (const index of removals) if (ids.length > 0) now.delete(ids[index % ids.length]!);
        const items = [...now.values()];
        assert.deepEqual(reorderByDanishName(items, earlier), byDanishName(items));
      }),
    );
  });

  it('puts Å and Aa after Z, and equal names in the order of their ids', () => {
    const items = [
      { id: 'b', name: 'Åhuset' },
      { id: 'c', name: 'Nabo' },
      { id: 'a', name: 'Nabo' },
    ];
    const earlier = byDanishName(items);
    assert.deepEqual(
      earlier.map((item) => item.id),
      ['a', 'c', 'b'],
    );
    const renamed = [{ id: 'd', name: 'Aabenrum' }, ...items.slice(1), { id: 'e', name: 'Zebra' }];
    assert.deepEqual(
      reorderByDanishName(renamed, earlier).map((item) => item.name),
      ['Nabo', 'Nabo', 'Zebra', 'Aabenrum'],
    );
  });
});
