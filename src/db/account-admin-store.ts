import type { Kysely } from 'kysely';
import type { AccountAdminStore, AccountRow, GrantRow } from '../app/manage-accounts.ts';
import { byDanishName } from '../domain/sorting.ts';
import type { DB } from './schema.ts';

/** Accounts and their grants for the system administrator, on Kysely. */
export function createAccountAdminStore(db: Kysely<DB>): AccountAdminStore {
  async function load(id?: string): Promise<AccountRow[]> {
    let accounts = db.selectFrom('account').select(['id', 'email', 'name', 'is_disabled', 'password_hash']);
    if (id) accounts = accounts.where('id', '=', id);
    const rows = await accounts.execute();
    if (rows.length === 0) return [];
    const grants = await db
      .selectFrom('role_grant')
      .leftJoin('offering', 'offering.id', 'role_grant.offering_id')
      .leftJoin('organization', 'organization.id', 'role_grant.organization_id')
      .select(['role_grant.id', 'role_grant.account_id', 'role_grant.role', 'role_grant.offering_id', 'role_grant.organization_id', 'offering.name as offering_name', 'organization.name as organization_name'])
      .where(
        'role_grant.account_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('role_grant.created_at')
      .execute();
    const byAccount = new Map<string, GrantRow[]>();
    for (const grant of grants) {
      const list = byAccount.get(grant.account_id) ?? [];
      list.push({
        id: grant.id,
        role: grant.role,
        offeringId: grant.offering_id,
        organizationId: grant.organization_id,
        scopeName: grant.offering_name ?? grant.organization_name ?? null,
      });
      byAccount.set(grant.account_id, list);
    }
    return byDanishName(
      rows.map((row) => ({
        id: row.id,
        email: row.email,
        name: row.name,
        isDisabled: row.is_disabled,
        hasPassword: row.password_hash !== null,
        grants: byAccount.get(row.id) ?? [],
      })),
    );
  }
  return {
    accounts: () => load(),
    account: async (id) => (/^[0-9a-f-]{36}$/.test(id) ? ((await load(id))[0] ?? null) : null),
    async setDisabled(accountId, disabled) {
      await db.updateTable('account').set({ is_disabled: disabled, updated_at: new Date() }).where('id', '=', accountId).execute();
    },
    async removeGrant(accountId, grantId) {
      if (!/^[0-9a-f-]{36}$/.test(grantId)) return false;
      const result = await db.deleteFrom('role_grant').where('id', '=', grantId).where('account_id', '=', accountId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async scopes() {
      const [offerings, organizations] = await Promise.all([
        db.selectFrom('offering').select(['id', 'name']).execute(),
        db.selectFrom('organization').select(['id', 'name', 'kind', 'ownership']).execute(),
      ]);
      const choices = (items: { id: string; name: string }[]) => byDanishName(items).map(({ id, name }) => ({ id, name }));
      return {
        offerings: choices(offerings),
        operators: choices(organizations.filter((item) => item.kind === 'operator')),
        centres: choices(organizations.filter((item) => item.kind === 'centre')),
      };
    },
  };
}
