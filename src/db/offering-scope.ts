import type { OfferingScope } from '../domain/access/policy.ts';

type ScopeRow = {
  id: string;
  parent_id: string | null;
  operator_id: string | null;
  centre_id: string | null;
  ownership: 'municipal' | 'self_governing' | null;
};

/** What the access rules need to know of each offering in `rows`: its line of parents, operator and centre. */
export function scopesOf<T extends ScopeRow>(rows: readonly T[]): (T & { scope: OfferingScope })[] {
  const parentOf = new Map(rows.map((row) => [row.id, row.parent_id]));
  return rows.map((row) => {
    const ancestorIds: string[] = [];
    for (let parent = row.parent_id; parent && !ancestorIds.includes(parent); parent = parentOf.get(parent) ?? null) ancestorIds.push(parent);
    return {
      ...row,
      scope: { kind: 'offering', id: row.id, ancestorIds, operatorId: row.operator_id, centreId: row.centre_id, ownership: row.ownership },
    };
  });
}
