import { type Kysely, sql } from 'kysely';
import type { FiguresReportStore } from '../app/figures-report.ts';
import type { Profile, TargetGroup } from '../domain/vocabulary.ts';
import { scopesOf } from './offering-scope.ts';
import { loadOfferingTimes } from './schedule-store.ts';
import type { DB } from './schema.ts';

/**
 * What the reports on use need beside the tallies (ADR 029): each offering's place in the range (operator,
 * centre, district, track, target groups), the schedules for the hours open, and the latest verdict of
 * each month.
 */
export function createFiguresReportStore(db: Kysely<DB>): FiguresReportStore {
  return {
    async offeringFacts(filter = {}) {
      const rows = await db
        .selectFrom('offering as o')
        .leftJoin('organization as operator', 'operator.id', 'o.operator_id')
        .leftJoin('organization as centre', 'centre.id', 'o.centre_id')
        // The district of the offering's first place by name: one district per offering, so districts add up.
        .leftJoin(
          (eb) =>
            eb
              .selectFrom('service_at_location as sal')
              .innerJoin('location as l', 'l.id', 'sal.location_id')
              .leftJoin('district as d', 'd.id', 'l.district_id')
              .select(['sal.offering_id', 'd.id as district_id', 'd.name as district_name', 'l.municipality'])
              .distinctOn('sal.offering_id')
              .orderBy('sal.offering_id')
              .orderBy('l.slug')
              .as('place'),
          (join) => join.onRef('place.offering_id', '=', 'o.id'),
        )
        .select([
          'o.id',
          'o.slug',
          'o.name',
          'o.profile',
          'o.parent_id',
          'o.operator_id',
          'o.centre_id',
          'o.ownership',
          'operator.name as operator_name',
          'centre.name as centre_name',
          'place.district_id',
          'place.district_name',
          'place.municipality',
          sql<string[]>`array(
            select tt.code from offering_term ot
            join taxonomy_term tt on tt.id = ot.term_id
            join taxonomy t on t.id = tt.taxonomy_id
            where ot.offering_id = o.id and t.slug = 'maalgruppe'
            order by tt.code)`.as('target_groups'),
        ])
        .$if(filter.municipality !== undefined, (query) => query.where('place.municipality', '=', filter.municipality!))
        .orderBy('o.name')
        .execute();
      return scopesOf(rows).map((row) => ({
        id: row.id,
        slug: row.slug,
        name: row.name,
        operator: row.operator_id && row.operator_name ? { id: row.operator_id, name: row.operator_name } : null,
        centre: row.centre_id && row.centre_name ? { id: row.centre_id, name: row.centre_name } : null,
        district: row.district_id && row.district_name ? { id: row.district_id, name: row.district_name } : null,
        profile: row.profile as Profile | null,
        targetGroups: (row.target_groups ?? []) as TargetGroup[],
        scope: row.scope,
      }));
    },
    async schedulesOf(offeringIds) {
      const times = await loadOfferingTimes(db, offeringIds, { activities: false });
      return new Map([...times].map(([id, time]) => [id, time.schedule]));
    },
    async latestReviews(offeringIds, fromMonth, toMonth) {
      if (offeringIds.length === 0) return [];
      const rows = await db
        .selectFrom('visit_month_review')
        .select(['id', 'offering_id', 'month', 'verdict', 'visits_seen', 'comment', 'reviewed_by_name', 'reviewed_at'])
        .distinctOn(['offering_id', 'month'])
        .where(sql<boolean>`offering_id = any(${[...offeringIds]})`)
        .where('month', '>=', fromMonth)
        .where('month', '<=', toMonth)
        .orderBy('offering_id')
        .orderBy('month')
        .orderBy('seq', 'desc')
        .execute();
      return rows.map((row) => ({
        offeringId: row.offering_id,
        id: row.id,
        month: row.month,
        verdict: row.verdict,
        visitsSeen: row.visits_seen,
        comment: row.comment,
        reviewedByName: row.reviewed_by_name,
        reviewedAt: new Date(row.reviewed_at),
      }));
    },
  };
}
