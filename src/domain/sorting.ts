const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

/**
 * Danish alphabetical order (æ, ø, å last), which the embedded database cannot do itself. Equal names
 * fall back on the id, so pages never shift between requests.
 */
export function byDanishName<T extends { name: string; id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
