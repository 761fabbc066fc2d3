const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

/** Danish alphabetical order of two named items (æ, ø, å last); equal names by id, so the order is total. */
export function compareDanishNames(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Danish alphabetical order (æ, ø, å last), which the embedded database cannot do itself. Equal names
 * fall back on the id, so pages never shift between requests.
 */
export function byDanishName<T extends { name: string; id: string }>(items: readonly T[]): T[] {
  return [...items].sort(compareDanishNames);
}

/**
 * `items` in the order of `byDanishName`, reusing `previous` (an earlier result of it): items whose name
 * is unchanged keep their order, and only the new or renamed ones are sorted and merged in. After a
 * change to one place of 20,000 that is about 20,000 comparisons instead of 300,000 (ADR 027).
 */
export function reorderByDanishName<T extends { name: string; id: string }>(items: readonly T[], previous: readonly { name: string; id: string }[]): T[] {
  const current = new Map(items.map((item) => [item.id, item]));
  const kept: T[] = [];
  for (const earlier of previous) {
    const item = current.get(earlier.id);
    if (item && item.name === earlier.name) {
      kept.push(item);
      current.delete(earlier.id);
    }
  }
  const added = byDanishName([...current.values()]);
  if (added.length === 0) return kept;
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length && j < added.length) merged.push(compareDanishNames(kept[i]!, added[j]!) <= 0 ? kept[i++]! : added[j++]!);
  while (i < kept.length) merged.push(kept[i++]!);
  while (j < added.length) merged.push(added[j++]!);
  return merged;
}
