import type { Kysely } from 'kysely';
import type { FundProposal, FundRound, FundRoundWhole, FundStore } from '../app/run-user-fund.ts';
import { audited, auditRow } from './access-store.ts';
import type { DB } from './schema.ts';

/** The user fund in `fund_*` (migration 0021, ADR 033): a code's unique key in `fund_vote` makes it count once. */
export function createFundStore(db: Kysely<DB>): FundStore {
  const roundQuery = () =>
    db
      .selectFrom('fund_round')
      .leftJoin('district', 'district.id', 'fund_round.district_id')
      .select(['fund_round.id', 'fund_round.slug', 'fund_round.year', 'fund_round.district_id', 'district.name as district_name', 'fund_round.name', 'fund_round.amount_kr', 'fund_round.phase', 'fund_round.is_example']);
  type RoundRow = Awaited<ReturnType<ReturnType<typeof roundQuery>['executeTakeFirstOrThrow']>>;
  const toRound = (row: RoundRow): FundRound => ({
    id: row.id,
    slug: row.slug,
    year: row.year,
    districtId: row.district_id,
    districtName: row.district_name,
    name: row.name,
    amountKr: row.amount_kr,
    phase: row.phase,
    isExample: row.is_example,
  });
  const whole = async (row: RoundRow | undefined): Promise<FundRoundWhole | null> => {
    if (!row) return null;
    const [proposals, codes] = await Promise.all([
      db
        .selectFrom('fund_proposal')
        .leftJoin('council', 'council.id', 'fund_proposal.council_id')
        .select((eb) => [
          'fund_proposal.id',
          'fund_proposal.title',
          'fund_proposal.description',
          'fund_proposal.amount_kr',
          'council.name as council_name',
          'fund_proposal.contact',
          'fund_proposal.screening',
          'fund_proposal.rejection',
          'fund_proposal.rejection_note',
          'fund_proposal.granted_kr',
          'fund_proposal.responsible',
          'fund_proposal.follow_up',
          'fund_proposal.created_at',
          eb.selectFrom('fund_vote').select((inner) => inner.fn.countAll<string>().as('n')).whereRef('fund_vote.proposal_id', '=', 'fund_proposal.id').as('votes'),
        ])
        .where('fund_proposal.round_id', '=', row.id)
        .orderBy('fund_proposal.created_at')
        .orderBy('fund_proposal.id')
        .execute(),
      db
        .selectFrom('fund_code')
        .select((eb) => [eb.fn.countAll<string>().as('issued'), eb.fn.count<string>('used_at').as('used')])
        .where('round_id', '=', row.id)
        .executeTakeFirstOrThrow(),
    ]);
    return {
      ...toRound(row),
      codesIssued: Number(codes.issued),
      codesUsed: Number(codes.used),
      proposals: proposals.map(
        (item): FundProposal => ({
          id: item.id,
          title: item.title,
          description: item.description,
          amountKr: item.amount_kr,
          councilName: item.council_name,
          contact: item.contact,
          screening: item.screening,
          rejection: item.rejection,
          rejectionNote: item.rejection_note,
          grantedKr: item.granted_kr,
          responsible: item.responsible,
          followUp: item.follow_up,
          votes: Number(item.votes ?? 0),
          createdAt: new Date(item.created_at),
        }),
      ),
    };
  };

  return {
    async rounds() {
      return (await roundQuery().orderBy('fund_round.year', 'desc').orderBy('fund_round.name').execute()).map(toRound);
    },
    roundBySlug: async (slug) => whole(await roundQuery().where('fund_round.slug', '=', slug).executeTakeFirst()),
    roundById: async (id) => whole(await roundQuery().where('fund_round.id', '=', id).executeTakeFirst()),
    async slugTaken(slug) {
      return (await db.selectFrom('fund_round').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
    },
    async districts() {
      return db.selectFrom('district').select(['id', 'name']).orderBy('name').execute();
    },
    async createRound(round, audit) {
      await audited(db, audit, async (trx) => {
        await trx
          .insertInto('fund_round')
          .values({ id: round.id, slug: round.slug, year: round.year, district_id: round.districtId, name: round.name, amount_kr: round.amountKr, created_at: round.createdAt })
          .execute();
      });
    },
    async setPhase(roundId, phase, audit) {
      await audited(db, audit, async (trx) => {
        await trx.updateTable('fund_round').set({ phase }).where('id', '=', roundId).execute();
      });
    },
    async addProposal(proposal, audit) {
      return db.transaction().execute(async (trx) => {
        const round = await trx.selectFrom('fund_round').select('phase').where('id', '=', proposal.roundId).forUpdate().executeTakeFirst();
        if (round?.phase !== 'proposals') return 'not_open';
        await trx
          .insertInto('fund_proposal')
          .values({
            id: proposal.id,
            round_id: proposal.roundId,
            title: proposal.title,
            description: proposal.description,
            amount_kr: proposal.amountKr,
            council_id: proposal.councilId,
            contact: proposal.contact,
            contact_delete_after: proposal.contactDeleteAfter,
            created_at: proposal.createdAt,
          })
          .execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'added';
      });
    },
    async screen(roundId, proposalId, screening, audit) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('fund_proposal')
          .set(
            screening.verdict === 'accepted'
              ? { screening: 'accepted', rejection: null, rejection_note: null }
              : { screening: 'rejected', rejection: screening.rejection, rejection_note: screening.note, granted_kr: null, responsible: null, follow_up: null },
          )
          .where('id', '=', proposalId)
          .where('round_id', '=', roundId)
          .returning('id')
          .executeTakeFirst();
        if (!updated) return 'not_found';
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'saved';
      });
    },
    async grant(roundId, proposalId, grant, audit) {
      return db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('fund_proposal').select('screening').where('id', '=', proposalId).where('round_id', '=', roundId).forUpdate().executeTakeFirst();
        if (!current) return 'not_found';
        if (current.screening !== 'accepted') return 'not_accepted';
        await trx.updateTable('fund_proposal').set({ granted_kr: grant.grantedKr, responsible: grant.responsible, follow_up: grant.followUp }).where('id', '=', proposalId).execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'saved';
      });
    },
    async addCodes(roundId, offeringId, hashes, at, audit) {
      await audited(db, audit, async (trx) => {
        await trx
          .insertInto('fund_code')
          .values(hashes.map((hash) => ({ code_hash: hash, round_id: roundId, offering_id: offeringId, created_at: at })))
          .execute();
      });
    },
    async vote(roundId, proposalId, hash, at, audit) {
      return db.transaction().execute(async (trx) => {
        const round = await trx.selectFrom('fund_round').select('phase').where('id', '=', roundId).executeTakeFirst();
        if (round?.phase !== 'voting') return 'not_open';
        const proposal = await trx.selectFrom('fund_proposal').select('id').where('id', '=', proposalId).where('round_id', '=', roundId).where('screening', '=', 'accepted').executeTakeFirst();
        if (!proposal) return 'no_proposal';
        // The code is taken in one update: of two votes racing with it, only one finds it unused.
        const taken = await trx.updateTable('fund_code').set({ used_at: at }).where('code_hash', '=', hash).where('round_id', '=', roundId).where('used_at', 'is', null).returning('code_hash').executeTakeFirst();
        if (!taken) {
          const known = await trx.selectFrom('fund_code').select('code_hash').where('code_hash', '=', hash).where('round_id', '=', roundId).executeTakeFirst();
          return known ? 'used' : 'unknown';
        }
        await trx.insertInto('fund_vote').values({ id: crypto.randomUUID(), round_id: roundId, proposal_id: proposalId, code_hash: hash, cast_at: at }).execute();
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'counted';
      });
    },
    async clearContacts(today, at) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx.updateTable('fund_proposal').set({ contact: null }).where('contact', 'is not', null).where('contact_delete_after', '<', today).returning('id').execute();
        if (rows.length) {
          await trx
            .insertInto('audit_entry')
            .values(auditRow({ at, actorId: null, actorName: 'Tilbudsvifte', action: 'fund.retention', resourceType: 'fund_proposal', resourceId: null, summary: `Kontakten på ${rows.length} puljeforslag er slettet, fordi tiden er gået.`, source: null }))
            .execute();
        }
        return rows.length;
      });
    },
  };
}

