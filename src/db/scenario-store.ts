import type { Kysely, Selectable } from 'kysely';
import { NotFoundError } from '../app/errors.ts';
import type { ScenarioStore, ScenarioSummary } from '../app/plan-scenarios.ts';
import type { Scenario, ScenarioChange } from '../domain/planning/scenario.ts';
import { audited, auditRow } from './access-store.ts';
import type { DB, PlanningScenarioTable } from './schema.ts';

type Row = Selectable<PlanningScenarioTable>;

const dateText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

function scenarioOf(row: Row): Scenario {
  const changes = typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes;
  const premises = typeof row.premises === 'string' ? JSON.parse(row.premises) : row.premises;
  const transitions = typeof row.transitions === 'string' ? JSON.parse(row.transitions) : row.transitions;
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    startsOn: dateText(row.starts_on),
    state: row.state,
    changes: changes as ScenarioChange[],
    premises: (premises ?? {}) as Scenario['premises'],
    transitions: (transitions ?? {}) as Scenario['transitions'],
    version: row.version,
    publishedAt: row.published_at ? new Date(row.published_at) : null,
    updatedAt: new Date(row.updated_at),
    updatedByName: row.updated_by_name,
    seedRefs: row.seed_refs,
  };
}

/** Planning scenarios in `planning_scenario` (ADR 030): each saved whole, under its row lock, with its audit entry. */
export function createScenarioStore(db: Kysely<DB>): ScenarioStore {
  return {
    async list({ publishedOnly }) {
      let query = db.selectFrom('planning_scenario').selectAll().orderBy('updated_at', 'desc');
      if (publishedOnly) query = query.where('state', '=', 'published');
      const rows = await query.execute();
      return rows.map((row): ScenarioSummary => {
        const scenario = scenarioOf(row);
        const { changes, premises, transitions, version, seedRefs, ...rest } = scenario;
        return { ...rest, changeCount: changes.length };
      });
    },
    async get(id) {
      if (!/^[0-9a-f-]{36}$/.test(id)) return null;
      const row = await db.selectFrom('planning_scenario').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? scenarioOf(row) : null;
    },
    async create(scenario, audit) {
      await audited(db, audit, async (trx) => {
        await trx
          .insertInto('planning_scenario')
          .values({
            id: scenario.id,
            title: scenario.title,
            summary: scenario.summary,
            starts_on: scenario.startsOn,
            changes: '[]',
            created_at: scenario.at,
            updated_at: scenario.at,
            updated_by: scenario.by.id,
            updated_by_name: scenario.by.name,
          })
          .execute();
      });
    },
    async hearingOf(id) {
      if (!/^[0-9a-f-]{36}$/.test(id)) return null;
      const row = await db.selectFrom('planning_hearing').selectAll().where('scenario_id', '=', id).executeTakeFirst();
      return row ? { scenarioId: row.scenario_id, deadline: dateText(row.deadline), openedAt: new Date(row.opened_at), openedByName: row.opened_by_name } : null;
    },
    async openHearing(hearing, audit) {
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('planning_hearing')
          .values({ scenario_id: hearing.scenarioId, deadline: hearing.deadline, opened_at: hearing.openedAt, opened_by_name: hearing.openedByName })
          .onConflict((conflict) => conflict.column('scenario_id').doNothing())
          .returning('scenario_id')
          .executeTakeFirst();
        if (!inserted) return 'exists';
        await trx.insertInto('audit_entry').values(auditRow(audit)).execute();
        return 'opened';
      });
    },
    async responses(id) {
      const rows = await db.selectFrom('planning_hearing_response').selectAll().where('scenario_id', '=', id).orderBy('received_on').orderBy('registered_at').execute();
      return rows.map((row) => ({
        id: row.id,
        receivedOn: dateText(row.received_on),
        senderKind: row.sender_kind,
        organisation: row.organisation,
        summary: row.summary,
        caseNumber: row.case_number,
        senderName: row.sender_name,
        senderContact: row.sender_contact,
        registeredByName: row.registered_by_name,
        registeredAt: new Date(row.registered_at),
      }));
    },
    async addResponse(scenarioId, response, audit) {
      await audited(db, audit, async (trx) => {
        await trx
          .insertInto('planning_hearing_response')
          .values({
            id: response.id,
            scenario_id: scenarioId,
            received_on: response.receivedOn,
            sender_kind: response.senderKind,
            organisation: response.organisation,
            summary: response.summary,
            sender_name: response.senderName,
            sender_contact: response.senderContact,
            case_number: response.caseNumber,
            registered_by_name: response.registeredByName,
            registered_at: response.registeredAt,
          })
          .execute();
      });
    },
    async edit(id, by, at, decide) {
      // PGlite has one connection: everything inside uses `trx`, never `db`.
      return db.transaction().execute(async (trx) => {
        const row = /^[0-9a-f-]{36}$/.test(id) ? await trx.selectFrom('planning_scenario').selectAll().where('id', '=', id).forUpdate().executeTakeFirst() : undefined;
        if (!row) throw new NotFoundError('Scenariet findes ikke.');
        const decision = decide(scenarioOf(row));
        if (decision.kind === 'refuse') return decision.result;
        await trx
          .updateTable('planning_scenario')
          .set({
            title: decision.next.title,
            summary: decision.next.summary,
            changes: JSON.stringify(decision.next.changes),
            ...(decision.next.premises ? { premises: JSON.stringify(decision.next.premises) } : {}),
            ...(decision.next.transitions ? { transitions: JSON.stringify(decision.next.transitions) } : {}),
            version: row.version + 1,
            updated_at: at,
            updated_by: by.id,
            updated_by_name: by.name,
            ...(decision.next.publish ? { state: 'published' as const, published_at: at } : {}),
          })
          .where('id', '=', id)
          .execute();
        await trx.insertInto('audit_entry').values(auditRow(decision.audit)).execute();
        return decision.result;
      });
    },
  };
}
