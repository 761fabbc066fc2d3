const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

/** Danish alphabetical order (æ, ø, å last), which the embedded database cannot do itself. */
export function byDanishName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => collator.compare(a.name, b.name));
}
