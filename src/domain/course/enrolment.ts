/**
 * Joining an open course with as little data as possible: a first name or nickname, and a way to be
 * reached only if the person wants reminders and word of a free place. Places go in arrival order; when a
 * place frees up the first on the waiting list moves up (ADR 023).
 */

import { foldDanish } from '../danish-text.ts';

export const maxNameLength = 40;
export const maxContactLength = 120;

export type EnrolmentInput = { name: string; contact: string };

export type EnrolmentProblem = { field: 'name' | 'contact'; message: string };

export type Contact = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A Danish phone number: eight digits, spaces allowed, +45 or 0045 in front allowed. */
function danishPhone(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '').replace(/^(\+45|0045)/, '');
  return /^\d{8}$/.test(digits) ? digits : null;
}

/** What the form gives, checked; the contact is null when left empty. */
export function readEnrolment(input: EnrolmentInput): { name: string; contact: Contact | null } | { problems: EnrolmentProblem[] } {
  const problems: EnrolmentProblem[] = [];
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) problems.push({ field: 'name', message: 'Skriv et fornavn eller et kaldenavn, så holdlederen kan kende dig.' });
  else if (name.length > maxNameLength) {
    problems.push({ field: 'name', message: `Navnet må højst være ${maxNameLength} tegn. Et fornavn er nok.` });
  } else if (!/\p{L}/u.test(name)) problems.push({ field: 'name', message: 'Navnet skal indeholde mindst ét bogstav.' });

  const raw = input.contact.trim();
  let contact: Contact | null = null;
  if (raw) {
    const phone = danishPhone(raw);
    if (raw.length > maxContactLength) problems.push({ field: 'contact', message: 'Skriv en e-mail eller et telefonnummer på højst 120 tegn.' });
    else if (phone) contact = { kind: 'phone', value: phone };
    else if (emailPattern.test(raw)) contact = { kind: 'email', value: raw.toLowerCase() };
    else {
      problems.push({
        field: 'contact',
        message: 'Skriv en e-mail (fx navn@eksempel.dk) eller et dansk telefonnummer med 8 cifre — eller lad feltet stå tomt.',
      });
    }
  }
  return problems.length ? { problems } : { name, contact };
}

/** Names compared as a person would: case, accents and spaces do not make two people. */
export function sameName(a: string, b: string): boolean {
  const fold = (text: string) => foldDanish(text).replace(/\s+/g, ' ').trim();
  return fold(a) === fold(b);
}

/** Where a new person lands: a place while there are free ones, otherwise the waiting list. */
export function placeFor(capacity: number, enrolled: number): 'enrolled' | 'waitlisted' {
  return enrolled < capacity ? 'enrolled' : 'waitlisted';
}

/**
 * Who moves up when places free: the first on the waiting list by arrival, as many as there are free
 * places. `waiting` is in arrival order.
 */
export function promotions<T>(capacity: number, enrolled: number, waiting: readonly T[]): T[] {
  return waiting.slice(0, Math.max(0, capacity - enrolled));
}
