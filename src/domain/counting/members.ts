import { createHmac, randomBytes } from 'node:crypto';
import { openOn, type UsageFigure } from './tally.ts';
import type { Schedule } from '../schedule/model.ts';

/**
 * Pseudonymous member numbers (ADR 028). A place that wants to know how many *different* people came in
 * a month or a year hands out cards with a number; staff type the number when a card is shown. The
 * platform never sees a name with the number, and stores only an HMAC of it under a key of the offering's
 * own: the same number at two places gives unrelated values, and a stored value cannot be turned back
 * into the number without the key. The last digit is a Luhn check digit, so a mistyped or swapped digit
 * is caught at the door.
 */

export const memberNumberLength = { min: 4, max: 12 };

/** Luhn: from the right, every second digit doubled (minus 9 above 9); valid when the sum ends in 0. */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum;
}

/** A card number: the body with its Luhn check digit added, for places that print their own cards. */
export function withCheckDigit(body: string): string {
  const check = (10 - (luhnSum(`${body}0`) % 10)) % 10;
  return `${body}${check}`;
}

export function luhnValid(digits: string): boolean {
  return /^\d+$/.test(digits) && luhnSum(digits) % 10 === 0;
}

/** Checks a number as typed (spaces and dashes allowed, as on a card) and gives its digits. */
export function checkMemberNumber(text: string): { ok: true; number: string } | { ok: false; message: string } {
  const typed = text.trim();
  if (!typed) return { ok: false, message: 'Skriv nummeret fra medlemskortet.' };
  const digits = typed.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return { ok: false, message: 'Et medlemsnummer består kun af tal, fx 1234 5674. Tjek nummeret på kortet.' };
  if (digits.length < memberNumberLength.min || digits.length > memberNumberLength.max) {
    return { ok: false, message: `Et medlemsnummer har ${memberNumberLength.min} til ${memberNumberLength.max} cifre; der er tastet ${digits.length}. Tjek nummeret på kortet.` };
  }
  if (!luhnValid(digits)) {
    return { ok: false, message: 'Nummeret passer ikke: et ciffer er tastet forkert, eller to cifre er byttet om. Tjek nummeret på kortet, og tast det igen.' };
  }
  return { ok: true, number: digits };
}

/** A fresh key for an offering's member numbers (256 bits, hex). */
export function newMemberKey(): string {
  return randomBytes(32).toString('hex');
}

/** The stored value of a member number: HMAC-SHA-256 under the offering's key, hex. */
export function memberHash(key: string, number: string): string {
  return createHmac('sha256', key).update(number).digest('hex');
}

export type StoredMemberVisit = { date: string; memberHash: string; registeredByName: string; registeredAt: Date };

/**
 * Different members in a period: each card counted once however often it was shown. A separate measure
 * ('unique-members'), never called visits. Coverage: days with at least one card / days open.
 */
export function uniqueMembersFigure(
  offeringId: string,
  seen: readonly StoredMemberVisit[],
  schedule: Schedule,
  from: string,
  to: string,
  datesBetween: (from: string, to: string) => string[],
): UsageFigure {
  const inPeriod = seen.filter((visit) => visit.date >= from && visit.date <= to);
  const last = inPeriod.reduce<Date | null>((latest, visit) => (!latest || visit.registeredAt > latest ? visit.registeredAt : latest), null);
  return {
    offeringId,
    from,
    to,
    measure: 'unique-members',
    method: 'member-numbers',
    value: new Set(inPeriod.map((visit) => visit.memberHash)).size,
    coverage: { daysCounted: new Set(inPeriod.map((visit) => visit.date)).size, daysOpen: datesBetween(from, to).filter((date) => openOn(schedule, date).open).length },
    registeredBy: [...new Set(inPeriod.map((visit) => visit.registeredByName))].sort(),
    lastRegisteredAt: last,
  };
}

/** A course meeting as the course register has it: held or planned, and how many were marked present. */
export type CourseMeetingFacts = { date: string; present: number; marked: boolean };

/**
 * Course participation from the course register (ADR 028): attendances (a person present at one meeting)
 * at an offering's courses in a period. Coverage: days with a meeting whose attendance is recorded / days
 * with a meeting held (not cancelled, not after the period).
 * Null when no meeting in the period has attendance recorded: no figure without provenance.
 */
export function courseAttendanceFigure(
  offeringId: string,
  meetings: readonly CourseMeetingFacts[],
  registered: { by: string[]; last: Date | null },
  from: string,
  to: string,
): UsageFigure | null {
  const inPeriod = meetings.filter((meeting) => meeting.date >= from && meeting.date <= to);
  const marked = inPeriod.filter((meeting) => meeting.marked);
  if (marked.length === 0) return null;
  return {
    offeringId,
    from,
    to,
    measure: 'course-attendances',
    method: 'course-register',
    value: marked.reduce((sum, meeting) => sum + meeting.present, 0),
    coverage: { daysCounted: new Set(marked.map((meeting) => meeting.date)).size, daysOpen: new Set(inPeriod.map((meeting) => meeting.date)).size },
    registeredBy: [...new Set(registered.by)].sort(),
    lastRegisteredAt: registered.last,
  };
}
