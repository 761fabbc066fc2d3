import { type Kysely, sql, type Transaction } from 'kysely';
import type { AuditEntry, AuditLog, AuditQuery } from '../app/audit.ts';
import type { AccessStore, StoredAccount } from '../app/staff-access.ts';
import type { Grant } from '../domain/access/policy.ts';
import type { DB } from './schema.ts';

/** Accounts, grants, sessions, one-time links and the outbox on Kysely. */
export function createAccessStore(db: Kysely<DB>): AccessStore {
  const account = (row: {
    id: string;
    email: string;
    name: string;
    password_hash: string | null;
    is_disabled: boolean;
    oidc_subject: string | null;
  }): StoredAccount => ({
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    isDisabled: row.is_disabled,
    oidcSubject: row.oidc_subject,
  });
  const columns = ['id', 'email', 'name', 'password_hash', 'is_disabled', 'oidc_subject'] as const;
  return {
    async accountByEmail(email) {
      const row = await db
        .selectFrom('account')
        .select(columns)
        .where(sql<string>`lower(email)`, '=', email.toLowerCase())
        .executeTakeFirst();
      return row ? account(row) : null;
    },
    async accountById(id) {
      const row = await db.selectFrom('account').select(columns).where('id', '=', id).executeTakeFirst();
      return row ? account(row) : null;
    },
    async accountBySubject(subject) {
      const row = await db.selectFrom('account').select(columns).where('oidc_subject', '=', subject).executeTakeFirst();
      return row ? account(row) : null;
    },
    async createAccount({ email, name }) {
      const id = crypto.randomUUID();
      await db.insertInto('account').values({ id, email, name }).execute();
      return id;
    },
    async linkSubject(accountId, subject) {
      await db.updateTable('account').set({ oidc_subject: subject, updated_at: new Date() }).where('id', '=', accountId).execute();
    },
    async setPasswordHash(accountId, hash) {
      await db.updateTable('account').set({ password_hash: hash, updated_at: new Date() }).where('id', '=', accountId).execute();
    },
    async grantsOf(accountId) {
      const rows = await db
        .selectFrom('role_grant')
        .select(['role', 'offering_id', 'organization_id'])
        .where('account_id', '=', accountId)
        .orderBy('created_at')
        .execute();
      return rows.map((row): Grant => ({ role: row.role, offeringId: row.offering_id, organizationId: row.organization_id }));
    },
    async addGrant(accountId, grant) {
      await db
        .insertInto('role_grant')
        .values({
          id: crypto.randomUUID(),
          account_id: accountId,
          role: grant.role,
          offering_id: grant.offeringId,
          organization_id: grant.organizationId,
        })
        .execute();
    },
    async createSession(session) {
      await db
        .insertInto('account_session')
        .values({
          token_hash: session.tokenHash,
          account_id: session.accountId,
          csrf_token: session.csrfToken,
          created_at: session.createdAt,
          last_seen_at: session.lastSeenAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },
    async session(tokenHash) {
      const row = await db
        .selectFrom('account_session')
        .select(['account_id', 'csrf_token', 'last_seen_at', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row
        ? { accountId: row.account_id, csrfToken: row.csrf_token, lastSeenAt: new Date(row.last_seen_at), expiresAt: new Date(row.expires_at) }
        : null;
    },
    async touchSession(tokenHash, at) {
      await db.updateTable('account_session').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
    },
    async deleteSession(tokenHash) {
      await db.deleteFrom('account_session').where('token_hash', '=', tokenHash).execute();
    },
    async deleteSessionsOf(accountId) {
      const result = await db.deleteFrom('account_session').where('account_id', '=', accountId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async createLink(link) {
      await db
        .insertInto('one_time_link')
        .values({
          token_hash: link.tokenHash,
          account_id: link.accountId,
          purpose: 'set_password',
          created_at: link.createdAt,
          expires_at: link.expiresAt,
        })
        .execute();
    },
    async linkState(tokenHash, at) {
      const row = await db
        .selectFrom('one_time_link')
        .select(['expires_at', 'used_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!row) return 'unknown';
      if (row.used_at) return 'used';
      return new Date(row.expires_at) <= at ? 'expired' : 'valid';
    },
    async useLink(tokenHash, at) {
      // One statement marks the link used only if it still can be, so two tabs cannot both use it.
      const used = await db
        .updateTable('one_time_link')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returning('account_id')
        .executeTakeFirst();
      if (used) return { accountId: used.account_id };
      const state = await this.linkState(tokenHash, at);
      return state === 'valid' ? 'used' : state;
    },
    async queueMail(mail) {
      await db
        .insertInto('outbox')
        .values({ id: crypto.randomUUID(), recipient: mail.recipient, subject: mail.subject, body: mail.body, created_at: mail.createdAt })
        .execute();
    },
  };
}

/** An audit entry as a row; written by the audit log, and by stores inside the transaction of the change. */
export function auditRow(entry: AuditEntry) {
  return {
    at: entry.at,
    actor_id: entry.actorId,
    actor_name: entry.actorName,
    action: entry.action,
    resource_type: entry.resourceType,
    resource_id: entry.resourceId,
    summary: entry.summary,
    detail: JSON.stringify(entry.detail ?? {}),
    source: entry.source,
  };
}

/** Runs `work` in a transaction and writes its audit entry in the same transaction, after the change. */
export async function audited<T>(db: Kysely<DB>, audit: AuditEntry, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const result = await work(trx);
    await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
    return result;
  });
}

/** The audit log on Kysely: rows are only ever inserted (the table refuses updates and deletes). */
export function createAuditLog(db: Kysely<DB>): AuditLog {
  return {
    async append(entry: AuditEntry) {
      await db.insertInto('audit_entry').values(auditRow(entry)).execute();
    },
    async search(query: AuditQuery) {
      let select = db.selectFrom('audit_entry');
      if (query.text) {
        const pattern = `%${query.text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
        select = select.where((eb) =>
          eb.or([
            eb('summary', 'ilike', pattern),
            eb('actor_name', 'ilike', pattern),
            eb('action', 'ilike', pattern),
            eb('resource_id', 'ilike', pattern),
          ]),
        );
      }
      if (query.action) select = select.where('action', '=', query.action);
      if (query.from) select = select.where('at', '>=', query.from);
      if (query.to) select = select.where('at', '<', query.to);
      const [rows, total] = await Promise.all([
        select
          .selectAll()
          .orderBy('id', 'desc')
          .limit(query.limit)
          .offset(query.offset)
          .execute(),
        select.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: Number(total.count),
        entries: rows.map((row) => ({
          id: String(row.id),
          at: new Date(row.at),
          actorId: row.actor_id,
          actorName: row.actor_name,
          action: row.action,
          resourceType: row.resource_type,
          resourceId: row.resource_id,
          summary: row.summary,
          detail: (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as Record<string, unknown>,
          source: row.source,
        })),
      };
    },
  };
}
