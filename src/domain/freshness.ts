import type { Locale } from './locale.ts';
import { addDays, copenhagenDate, daysBetween } from './time.ts';

/**
 * Freshness as an obligation (ADR 014): every public record is verified by those who answer for it.
 * A record counts its age from its last verification, or, if it was never verified on the platform,
 * from the day the platform started keeping records fresh (or its own creation, if later). Ages are
 * whole Copenhagen days, so a record changes state at midnight in Copenhagen, whatever the server's zone.
 */

/** The limits in days: about 6 months to the public warning, about 9 to leaving the finder, 30 days' notice. */
export const freshnessLimits = {
  /** The reminder window opens 30 days before the warning. */
  remindAfterDays: 153,
  /** About six months: the public page warns that the details may be out of date. */
  warnAfterDays: 183,
  /** About nine months: the record leaves the finder until someone verifies it. */
  expireAfterDays: 274,
} as const;

export const freshnessStates = ['fresh', 'due_soon', 'stale', 'expired'] as const;
export type FreshnessState = (typeof freshnessStates)[number];

/** What the rules need to know about a record. */
export type FreshnessRecord = {
  /** The last verification (a click, or a saved edit); null when never verified on the platform. */
  verifiedAt: Date | null;
  /** Where the clock starts for a record never verified: the later of the platform's start and its creation. */
  clockStart: Date;
};

export type Freshness = {
  state: FreshnessState;
  /** The Copenhagen date the age is counted from ('YYYY-MM-DD'). */
  countsFrom: string;
  /** The date of the last verification, or null when never verified on the platform. */
  verifiedOn: string | null;
  /** The first day of the reminder window. */
  remindOn: string;
  /** The first day the public page warns. */
  warnOn: string;
  /** The first day the record is out of the finder. */
  expiresOn: string;
};

/** The instant a record's age counts from: its last verification, or the start of its clock. */
export function countsFromInstant(record: FreshnessRecord): Date {
  return record.verifiedAt ?? record.clockStart;
}

/** A record's state at `now`, with the dates that mark its stages. */
export function freshnessOf(record: FreshnessRecord, now: Date): Freshness {
  const countsFrom = copenhagenDate(countsFromInstant(record));
  const age = daysBetween(countsFrom, copenhagenDate(now));
  const state: FreshnessState =
    age >= freshnessLimits.expireAfterDays
      ? 'expired'
      : age >= freshnessLimits.warnAfterDays
        ? 'stale'
        : age >= freshnessLimits.remindAfterDays
          ? 'due_soon'
          : 'fresh';
  return {
    state,
    countsFrom,
    verifiedOn: record.verifiedAt ? copenhagenDate(record.verifiedAt) : null,
    remindOn: addDays(countsFrom, freshnessLimits.remindAfterDays),
    warnOn: addDays(countsFrom, freshnessLimits.warnAfterDays),
    expiresOn: addDays(countsFrom, freshnessLimits.expireAfterDays),
  };
}

/** Whether the record belongs in the finder at `now`: everything but an expired record. */
export function isListedInFinder(record: FreshnessRecord, now: Date): boolean {
  return freshnessOf(record, now).state !== 'expired';
}

/**
 * The same rule as a date, for a query over many records: a record whose age counts from this
 * Copenhagen date or earlier has left the finder. In SQL:
 * `(coalesce(verified_at, clock start) at time zone 'Europe/Copenhagen')::date > cutoff`.
 */
export function finderCutoff(now: Date): string {
  return addDays(copenhagenDate(now), -freshnessLimits.expireAfterDays);
}

/** The states that need someone's attention, most urgent first. */
export const attentionStates = ['expired', 'stale', 'due_soon'] as const satisfies readonly FreshnessState[];

/** Whether the state needs a verification soon or now. */
export function needsAttention(state: FreshnessState): boolean {
  return state !== 'fresh';
}

/** The order of the states in time: a state never goes back without a verification. */
export function stateRank(state: FreshnessState): number {
  return freshnessStates.indexOf(state);
}

type OwnerCandidate = { id: string; name: string };

/**
 * Who answers for a record: the centre for a municipal offering, the operator for a self-governing one
 * (the centre or the operator, whichever is known, when the sources leave the ownership open).
 */
export function ownerOf<T extends OwnerCandidate>(offering: {
  ownership: 'municipal' | 'self_governing' | null;
  centre: T | null;
  operator: T | null;
}): T | null {
  if (offering.ownership === 'self_governing') return offering.operator ?? offering.centre;
  return offering.centre ?? offering.operator;
}

/** The states in words, Danish and English, for the back office and the public pages. */
export const freshnessStateWords: Record<Locale, Record<FreshnessState, string>> = {
  da: {
    fresh: 'Bekræftet',
    due_soon: 'Skal snart bekræftes',
    stale: 'Forældet: advarsel på siden',
    expired: 'Udløbet: ikke med i søgningen',
  },
  en: {
    fresh: 'Verified',
    due_soon: 'Due for verification soon',
    stale: 'Out of date: warning on the page',
    expired: 'Expired: not in the search',
  },
};
